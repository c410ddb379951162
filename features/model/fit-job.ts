// The candidate fit as a job (issue 10 §3): the fit runs in a child process (scripts/fit-candidate.ts)
// so the CPU-bound work never stalls the server that runs the queue; its step lines become the
// job's progress. The candidate it stores is only a CANDIDATE: someone other than the requester
// approves it (mutations.ts decideCandidate). Re-run after kill -9: the child is fitted again.
import { spawn } from "node:child_process";
import path from "node:path";
import { registerJob } from "@/features/jobs/registry";
import { FIT_JOB, FIT_STEPS } from "./candidates";

type Payload = { actor: { id: string | null; email: string | null } };

registerJob<Payload>(FIT_JOB, async ({ payload, progress }) => {
  await progress(0, FIT_STEPS.length);
  const script = path.join(process.cwd(), "scripts", "fit-candidate.ts");
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", script, JSON.stringify(payload.actor)], {
    env: process.env, stdio: ["ignore", "pipe", "pipe"],
  });
  let result: unknown = null;
  let stderr = "";
  let buffered = "";
  child.stdout.on("data", (d) => {
    buffered += String(d);
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) {
      const msg = (() => { try { return JSON.parse(line) as { step?: string; result?: unknown }; } catch { return null; } })();
      if (msg?.step) void progress(Math.max(0, FIT_STEPS.indexOf(msg.step as (typeof FIT_STEPS)[number]))).catch(() => undefined);
      if (msg?.result) result = msg.result;
    }
  });
  child.stderr.on("data", (d) => (stderr = (stderr + String(d)).slice(-2_000)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0 || !result) throw new Error(`The fit failed (exit ${code}): ${stderr.trim().split("\n").pop() ?? "no output"}`);
  await progress(FIT_STEPS.length, FIT_STEPS.length);
  return result;
});
