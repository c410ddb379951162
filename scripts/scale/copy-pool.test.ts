// The worker-thread pool must write exactly the text one thread writes, in borrower order.
import { afterAll, describe, expect, it } from "vitest";
import { defaultCsvPath, loadUciCsv } from "@/features/import/csv";
import { loadModel } from "@/features/scoring/model-types";
import { DEFAULT_POLICY } from "@/features/policy/defaults";
import { chunkText } from "./copy-lines";
import { CopyPool } from "./copy-pool";

const data = { base: loadUciCsv(defaultCsvPath()).rows.slice(0, 500), seed: 7, model: loadModel(), cutoffs: DEFAULT_POLICY.cutoffs };
const pool = new CopyPool(data, 3);
afterAll(() => pool.close());

describe("COPY text from the worker pool", () => {
  for (const table of ["borrowers", "statements", "scores"] as const) {
    it(`${table}: the same bytes as one thread, in order, in uneven chunks`, async () => {
      const parts: Buffer[] = [];
      for await (const b of pool.chunks(table, 47, 5)) parts.push(b);
      expect(parts).toHaveLength(10);
      expect(Buffer.concat(parts).toString("utf8")).toBe(chunkText(data, { table, from: 0, to: 47 }));
    }, 60_000);
  }
});
