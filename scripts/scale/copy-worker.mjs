// Worker-thread entry for the scale loader's COPY text (scripts/scale/copy-pool.ts): registers tsx
// in this thread (the parent's loader does not reach workers), then runs the TypeScript body.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
