// `npm run import -- <file> [--replace]`: receives a data file (statements, borrowers or outcomes;
// README "Data files") and applies it in this process, through the same code as an upload (the
// import job's applyImport). Prints the result, or every bad row; exit 1 when the file was refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import { applyImport, receiveImport } from "@/features/imports/mutations";
import { getImport } from "@/features/imports/data";
import { ApiError } from "@/lib/api/errors";
import { runCli } from "./cli";

const args = process.argv.slice(2);
const replacement = args.includes("--replace");
const file = args.find((a) => !a.startsWith("--"));

await runCli(async () => {
  if (!file) {
    console.error("usage: npm run import -- <file.csv> [--replace]");
    return 2;
  }
  const content = readFileSync(file);
  const started = Date.now();
  let received;
  try {
    received = await receiveImport({ content, source: "cli", fileName: path.basename(file), replacement, actor: { id: null, email: "cli" } });
  } catch (err) {
    if (err instanceof ApiError) {
      console.error(`Refused (${err.status}): ${err.message}`);
      return 1;
    }
    throw err;
  }
  if (received.alreadyImported) {
    console.log(`Already imported: import ${received.id} (${received.status}); nothing done.`);
    return received.status === "FAILED" ? 1 : 0;
  }
  // A file queued by the API is applied here too if no worker took it yet: applyImport is per-import idempotent.
  const outcome = await applyImport(received.id, { id: null, email: "cli" }, (step) => console.log(`  ${step} (${((Date.now() - started) / 1000).toFixed(1)} s)`));
  const view = await getImport(received.id);
  if (outcome.status !== "SUCCEEDED") {
    console.error(`${file}: ${view?.errorCount ?? 0} bad row(s); nothing was imported.${view?.errorsTruncated ? " (first 1,000 listed)" : ""}`);
    for (const e of view?.errors ?? []) console.error(`  line ${e.line}, ${e.column}: ${e.message}`);
    return 1;
  }
  console.log(`Imported ${file} as ${received.id} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(outcome.result)}`);
  return 0;
});
