// Worker body: generates one table's COPY text for a range of synthetic borrowers on request, so
// the scale loader's three passes use every core (one thread made ~20 µs of scoring and text per
// borrower the bottleneck at 10 M). Same inputs, same functions as a single thread: same bytes.
import { parentPort, workerData } from "node:worker_threads";
import type { BorrowerRecord } from "@/features/import/types";
import type { ScoreModel } from "@/features/scoring/model-types";
import type { PolicyConfig } from "@/features/policy/schema";
import { buildScoreRows } from "@/features/borrowers/score-rows";
import { syntheticBorrowers } from "./synthetic";
import { borrowerLine, scoreLine, statementLines } from "./copy-text";

export type CopyTable = "borrowers" | "statements" | "scores";
export type LinesRequest = { id: number; table: CopyTable; from: number; to: number };
export type LinesData = { entry: string; base: BorrowerRecord[]; seed: number; model: ScoreModel; cutoffs: PolicyConfig["cutoffs"] };

export function linesFor(data: Omit<LinesData, "entry">, table: CopyTable): (b: BorrowerRecord) => string {
  if (table === "borrowers") return borrowerLine;
  if (table === "statements") return statementLines;
  return (b) => buildScoreRows([b], data.model, data.cutoffs).map(scoreLine).join("");
}

export function chunkText(data: Omit<LinesData, "entry">, req: Omit<LinesRequest, "id">): string {
  const line = linesFor(data, req.table);
  let text = "";
  for (const b of syntheticBorrowers(data.base, req.from, req.to, data.seed)) text += line(b);
  return text;
}

if (parentPort && (workerData as LinesData | undefined)?.entry) {
  const data = workerData as LinesData;
  const port = parentPort;
  port.on("message", (req: LinesRequest) => {
    const bytes = Buffer.from(chunkText(data, req));
    // A large chunk owns its ArrayBuffer: transferred, not copied. A small one is a slice of Node's
    // shared pool: sent as a copy (the view keeps its offset and length).
    const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    port.postMessage({ id: req.id, bytes }, owned ? [bytes.buffer as ArrayBuffer] : []);
  });
}
