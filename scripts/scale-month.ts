// `npm run scale:month -- --out <file.csv> [--seed 20051001]`: writes a SYNTHETIC statements file
// for the month after the latest imported one (scripts/scale/next-month.ts: every borrower's row
// bootstrapped from its own last six months, fixed seed), streamed borrower chunk by chunk, to
// measure `npm run import -- <file>` at scale. The data are not real; the file name says so.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseArgs } from "node:util";
import { DEFAULT_SCALE_SEED } from "./scale/synthetic";
import { nextMonth, nextMonthLine, type OwnHistory } from "./scale/next-month";
import { monthsBack } from "@/features/imports/month-monitoring";
import { runCli } from "./cli";

const { values } = parseArgs({ options: { out: { type: "string" }, seed: { type: "string" } } });
const CHUNK = 50_000;

await runCli(async (db) => {
  const seed = values.seed === undefined ? DEFAULT_SCALE_SEED : Number(values.seed);
  if (!values.out || !Number.isInteger(seed)) {
    console.error("usage: npm run scale:month -- --out <file.csv> [--seed 20051001]");
    return 2;
  }
  const { rows: [{ latest }] } = await db.pool.query<{ latest: string | null }>(`SELECT max("month") AS latest FROM "Statement"`);
  if (!latest) throw new Error("No statements yet: seed the portfolio first.");
  const month = nextMonth(latest);
  const out = createWriteStream(values.out);
  out.write("borrower_id,month,limit,bill,payment,repayment_status\n");
  const started = Date.now();
  let rows = 0;
  for (let after = -1; ;) {
    const { rows: chunk } = await db.pool.query<OwnHistory>(`
      SELECT s."borrowerId" AS id, s."limit", array_agg(h."bill" ORDER BY h."month") AS bills,
        array_agg(h."payment" ORDER BY h."month") AS payments, array_agg(h."repaymentStatus" ORDER BY h."month") AS statuses
      FROM (SELECT "borrowerId", "limit" FROM "BorrowerState" WHERE "borrowerId" > $1 ORDER BY "borrowerId" LIMIT $2) s
      JOIN "Statement" h ON h."borrowerId" = s."borrowerId" AND h."month" > $3
      GROUP BY 1, 2 ORDER BY 1`, [after, CHUNK, monthsBack(latest, 6)]);
    if (chunk.length === 0) break;
    let text = "";
    for (const h of chunk) text += nextMonthLine(month, h, seed);
    if (!out.write(text)) await once(out, "drain");
    rows += chunk.length;
    after = chunk[chunk.length - 1].id;
  }
  out.end();
  await once(out, "finish");
  console.log(`SYNTHETIC statements for ${month}: ${rows.toLocaleString("en-US")} rows bootstrapped from each borrower's own last six months (seed ${seed}) → ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return 0;
});
