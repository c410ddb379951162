// The UCI file converted, in memory, to the desk's own data files (README "Data files"): one
// borrowers file, one outcomes file (October 2005 defaults) and one statements file per month
// April…September 2005. The seed sends them through the same import path as an upload.
import type { BorrowerRecord } from "@/features/import/types";
import { MONTHS } from "@/features/import/types";
import { toCsv } from "@/features/imports/validate";
import type { ImportKind } from "@/features/imports/formats";
import { OUTCOME_MONTH } from "@/features/monitoring/snapshots";

export type SeedFile = { name: string; kind: ImportKind; month: string | null; content: Buffer };

export function monthFile(rows: BorrowerRecord[], monthIndex: number): SeedFile {
  const month = MONTHS[monthIndex];
  const lines = rows.map((b) => {
    const m = b.months[monthIndex];
    return [b.id, month, b.limit, m.bill, m.payment, m.status];
  });
  return { name: `statements-${month}.csv`, kind: "STATEMENTS", month, content: Buffer.from(toCsv("STATEMENTS", lines)) };
}

export function seedFiles(rows: BorrowerRecord[], through: string): SeedFile[] {
  const files: SeedFile[] = [
    { name: "borrowers.csv", kind: "BORROWERS", month: null, content: Buffer.from(toCsv("BORROWERS", rows.map((b) => [b.id, b.sex, b.education, b.marriage, b.age]))) },
    { name: `outcomes-${OUTCOME_MONTH}.csv`, kind: "OUTCOMES", month: OUTCOME_MONTH, content: Buffer.from(toCsv("OUTCOMES", rows.map((b) => [b.id, OUTCOME_MONTH, b.outcome]))) },
  ];
  MONTHS.forEach((m, i) => m <= through && files.push(monthFile(rows, i)));
  return files;
}
