-- AlterTable
ALTER TABLE "IdempotentResponse" ADD COLUMN     "bodyHash" TEXT;


-- Repair (issue 9 §6): reason codes used to be checked with `code in REASON_CODES`, so
-- `__proto__`, `toString`, `valueOf` … passed and were stored with a non-string text (an empty
-- object or nothing), which broke /inbox and /borrowers/{id} for everyone. Keep only entries
-- whose code is in the scorecard's closed list (RC01–RC06, features/scoring/model.json) and
-- whose text is a string; a value that is not an array becomes an empty list.
UPDATE "Adjustment" SET "reasonCodes" = '[]'::jsonb WHERE jsonb_typeof("reasonCodes") IS DISTINCT FROM 'array';
UPDATE "Adjustment" a SET "reasonCodes" = COALESCE((
    SELECT jsonb_agg(t.e ORDER BY t.i) FROM jsonb_array_elements(a."reasonCodes") WITH ORDINALITY AS t(e, i)
     WHERE jsonb_typeof(t.e) = 'object' AND t.e->>'code' IN ('RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06')
       AND jsonb_typeof(t.e->'text') = 'string'), '[]'::jsonb)
 WHERE EXISTS (
    SELECT 1 FROM jsonb_array_elements(a."reasonCodes") AS x(e)
     WHERE jsonb_typeof(x.e) IS DISTINCT FROM 'object' OR x.e->>'code' IS NULL
        OR x.e->>'code' NOT IN ('RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06')
        OR jsonb_typeof(x.e->'text') IS DISTINCT FROM 'string');

UPDATE "BorrowerNotice" SET "reasonCodes" = '[]'::jsonb WHERE jsonb_typeof("reasonCodes") IS DISTINCT FROM 'array';
UPDATE "BorrowerNotice" n SET "reasonCodes" = COALESCE((
    SELECT jsonb_agg(t.e ORDER BY t.i) FROM jsonb_array_elements(n."reasonCodes") WITH ORDINALITY AS t(e, i)
     WHERE jsonb_typeof(t.e) = 'object' AND t.e->>'code' IN ('RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06')
       AND jsonb_typeof(t.e->'text') = 'string'), '[]'::jsonb)
 WHERE EXISTS (
    SELECT 1 FROM jsonb_array_elements(n."reasonCodes") AS x(e)
     WHERE jsonb_typeof(x.e) IS DISTINCT FROM 'object' OR x.e->>'code' IS NULL
        OR x.e->>'code' NOT IN ('RC01', 'RC02', 'RC03', 'RC04', 'RC05', 'RC06')
        OR jsonb_typeof(x.e->'text') IS DISTINCT FROM 'string');
