-- Reason codes without their words (issue 8): every row stored each reason's English text, 993 of a
-- Score row's 1,097 bytes at 1 M borrowers, so 10 M borrowers did not fit the disk. Rows now hold
-- [code, pointsLost] or [code, pointsLost, variant] ("o" = the other side of a learned-shape
-- characteristic, "p" = a positive reason); the words come from the characteristic registry when a
-- row is read (features/scoring/reason-store.ts). The variant of an old entry is recovered from
-- its text with the registry's other-side and positive wordings, listed here as they are today.
CREATE FUNCTION "limitdesk_compact_reasons"(j jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT COALESCE(jsonb_agg(
      CASE WHEN jsonb_typeof(t.e) = 'array' THEN t.e
      ELSE jsonb_build_array(t.e->>'code', CASE WHEN jsonb_typeof(t.e->'pointsLost') = 'number' THEN t.e->'pointsLost' ELSE 'null'::jsonb END)
        || CASE WHEN t.e->>'text' = w.other THEN '["o"]'::jsonb WHEN t.e->>'text' = w.positive THEN '["p"]'::jsonb ELSE '[]'::jsonb END
      END ORDER BY t.i), '[]'::jsonb)
  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(j) = 'array' THEN j ELSE '[]'::jsonb END) WITH ORDINALITY AS t(e, i)
  LEFT JOIN (VALUES
  ('RC01', NULL, 'Latest payment was on time'),
  ('RC02', NULL, 'No serious payment delays in the last 6 months'),
  ('RC03', NULL, 'Rarely or never late in the last 6 months'),
  ('RC04', NULL, 'Regular payments in each of the last 3 months'),
  ('RC05', NULL, 'On time in each of the last 3 months'),
  ('RC06', NULL, 'Payments have been substantial'),
  ('RC07', NULL, 'Recent payments have been substantial'),
  ('RC08', 'Little or no use of the credit line over the last 6 months', 'Balances have stayed well below the credit limit'),
  ('RC09', 'The credit line was hardly used in any of the last 6 months', 'Plenty of headroom on the credit line'),
  ('RC10', NULL, 'The card is in use'),
  ('RC11', NULL, 'Payments have covered most of the balance'),
  ('RC12', 'Almost all of the credit line is unused', 'Much of the credit line is unused'),
  ('RC13', NULL, 'Latest payment was substantial'),
  ('RC14', NULL, 'The balance was often paid in full'),
  ('RC15', NULL, 'Every recent bill was paid down substantially'),
  ('RC16', NULL, 'Payments have usually covered much of the bill'),
  ('RC17', NULL, 'The latest payment covered much of the bill'),
  ('RC18', 'The balance has fallen or stayed flat over the last 6 months', 'The balance has grown moderately with regular use'),
  ('RC19', NULL, 'The account has been in good standing most months'),
  ('RC20', NULL, 'No recent late payment'),
  ('RC21', NULL, 'The payment before the latest was on time'),
  ('RC22', NULL, 'No payment delays in the last 3 months'),
  ('RC23', 'Little or no balance in the latest month', 'The latest balance is moderate relative to the credit limit'),
  ('RC24', NULL, 'A payment every month'),
  ('RC90', NULL, 'Credit limit is high')

  ) AS w(code, other, positive) ON w.code = t.e->>'code'
  WHERE jsonb_typeof(t.e) = 'array' OR (jsonb_typeof(t.e) = 'object' AND jsonb_typeof(t.e->'code') = 'string')
$$;

UPDATE "Score" SET "reasonCodes" = "limitdesk_compact_reasons"("reasonCodes")
 WHERE jsonb_typeof("reasonCodes") <> 'array' OR jsonb_path_exists("reasonCodes", '$[*] ? (@.type() <> "array")');
UPDATE "BorrowerState" SET "reasonCodes" = "limitdesk_compact_reasons"("reasonCodes")
 WHERE jsonb_typeof("reasonCodes") <> 'array' OR jsonb_path_exists("reasonCodes", '$[*] ? (@.type() <> "array")');
UPDATE "Adjustment" SET "reasonCodes" = "limitdesk_compact_reasons"("reasonCodes")
 WHERE jsonb_typeof("reasonCodes") <> 'array' OR jsonb_path_exists("reasonCodes", '$[*] ? (@.type() <> "array")');
UPDATE "BorrowerNotice" SET "reasonCodes" = "limitdesk_compact_reasons"("reasonCodes")
 WHERE jsonb_typeof("reasonCodes") <> 'array' OR jsonb_path_exists("reasonCodes", '$[*] ? (@.type() <> "array")');

DROP FUNCTION "limitdesk_compact_reasons"(jsonb);
