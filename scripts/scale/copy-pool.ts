// A small pool of worker threads (scripts/scale/copy-lines.ts) that generate the COPY text of
// borrower ranges; `chunks` yields them in borrower order, a few chunks ahead of the COPY.
import os from "node:os";
import { Worker } from "node:worker_threads";
import type { CopyTable, LinesData, LinesRequest } from "./copy-lines";

export class CopyPool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve: (b: Buffer) => void; reject: (e: unknown) => void }>();
  private nextId = 0;
  private failed: unknown = null;

  constructor(data: Omit<LinesData, "entry">, size = workerCount()) {
    const entry = new URL("./copy-lines.ts", import.meta.url).href;
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(new URL("./copy-worker.mjs", import.meta.url), { workerData: { ...data, entry } satisfies LinesData });
      w.on("message", (m: { id: number; bytes: Uint8Array }) => {
        this.waiting.get(m.id)?.resolve(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
        this.waiting.delete(m.id);
      });
      w.on("error", (err) => this.fail(err));
      w.on("exit", (code) => code !== 0 && this.fail(new Error(`A COPY text worker exited with code ${code}.`)));
      return w;
    });
  }

  get size() {
    return this.workers.length;
  }

  private fail(err: unknown) {
    this.failed ??= err;
    for (const w of this.waiting.values()) w.reject(err);
    this.waiting.clear();
  }

  private request(table: CopyTable, from: number, to: number): Promise<Buffer> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    const p = new Promise<Buffer>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    this.workers[id % this.workers.length].postMessage({ id, table, from, to } satisfies LinesRequest);
    return p;
  }

  /** The table's text for borrowers 0 … n−1 in chunks of `chunk`, in order, 2 chunks per worker in flight. */
  async *chunks(table: CopyTable, n: number, chunk: number): AsyncGenerator<Buffer> {
    const ahead: Promise<Buffer>[] = [];
    let from = 0;
    const fill = () => {
      while (from < n && ahead.length < 2 * this.workers.length) {
        const p = this.request(table, from, Math.min(from + chunk, n));
        p.catch(() => undefined); // awaited in order below
        ahead.push(p);
        from += chunk;
      }
    };
    fill();
    while (ahead.length) {
      const bytes = await ahead.shift()!;
      fill();
      yield bytes;
    }
  }

  async close() {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** LIMITDESK_SEED_WORKERS, else one per core. */
export function workerCount(): number {
  const n = Number(process.env.LIMITDESK_SEED_WORKERS);
  return Number.isInteger(n) && n >= 1 && n <= 32 ? n : os.availableParallelism();
}
