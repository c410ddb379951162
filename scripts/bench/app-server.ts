// bench:app — the app as `npm start` runs it (next start from the existing build + one job
// worker) against a given database, and a sampler of the server process tree's resident memory.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { peerAddressPreload } from "@/lib/client-address";

const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");

export type AppProcess = { baseUrl: string; server: ChildProcess; worker: ChildProcess; stop(): Promise<void> };

function children(pid: number): number[] {
  try {
    const tasks = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return tasks ? tasks.split(/\s+/).map(Number) : [];
  } catch {
    return [];
  }
}

/** Resident memory (MB) of a process and all its descendants (next start may fork its server). */
export function treeRssMb(pid: number): number {
  let kb = 0;
  for (const p of [pid, ...children(pid).flatMap((c) => [c, ...children(c)])]) {
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      kb += m ? Number(m[1]) : 0;
    } catch {
      /* the process ended between the two reads */
    }
  }
  return Math.round(kb / 1024);
}

/** Peak RSS of the server tree between start() and stop(), sampled every 100 ms. */
export function rssSampler(pid: number) {
  let peak = 0;
  let timer: NodeJS.Timeout | null = null;
  return {
    start() {
      peak = treeRssMb(pid);
      timer = setInterval(() => (peak = Math.max(peak, treeRssMb(pid))), 100);
    },
    stop() {
      if (timer) clearInterval(timer);
      return Math.max(peak, treeRssMb(pid));
    },
  };
}

const answers = (baseUrl: string) => fetch(`${baseUrl}/api/auth/csrf`).then((r) => r.ok, () => false);

async function waitUp(baseUrl: string, server: ChildProcess, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}`);
    if (await answers(baseUrl)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the app did not answer on ${baseUrl} within ${timeoutMs / 1000} s`);
}

export async function startApp(databaseUrl: string, port: number): Promise<AppProcess> {
  const baseUrl = `http://127.0.0.1:${port}`;
  // A server left on the port (a killed bench's) would answer every call instead of ours, against its
  // own database, while the RSS sampler watched the new server that could not bind.
  if (await answers(baseUrl)) throw new Error(`something already answers on ${baseUrl}: stop it or set BENCH_APP_PORT`);
  const env = { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NODE_ENV: "production", NEXTAUTH_URL: baseUrl, NEXT_TELEMETRY_DISABLED: "1" } as NodeJS.ProcessEnv;
  const server = spawn(process.execPath, [...peerAddressPreload(), nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/worker.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  const stop = async () => {
    for (const c of [server, worker]) if (c.exitCode === null && c.signalCode === null) c.kill("SIGTERM");
    await Promise.all([server, worker].map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.once("exit", r)))));
  };
  try {
    await waitUp(baseUrl, server);
  } catch (err) {
    await stop();
    throw err;
  }
  return { baseUrl, server, worker, stop };
}
