// `npm run lighthouse [-- --url http://127.0.0.1:3000] [--borrower 2]`: Lighthouse (desktop preset)
// on the six pages of issue 11 §7 against a RUNNING app, signed in as a demo user (the session
// cookie goes with every request), and a table of performance / accessibility / CLS per page plus
// what failed. Not part of `npm test`: scores depend on the machine's load (print `uptime` beside them).
// `--save DIR` keeps each full report. Chromium: CHROME_PATH (default /usr/bin/chromium), started here with remote debugging.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import lighthouse, { desktopConfig, type Flags } from "lighthouse";

const { values: args } = parseArgs({
  options: {
    url: { type: "string", default: process.env.LIGHTHOUSE_URL ?? "http://127.0.0.1:3000" },
    email: { type: "string", default: process.env.LIGHTHOUSE_EMAIL ?? "analyst@example.com" },
    borrower: { type: "string", default: "2" },
    only: { type: "string" }, // comma-separated page names, e.g. "inbox,model"
    save: { type: "string" }, // a folder: each page's full report as <page>.json, to dig into
  },
});
const base = args.url!.replace(/\/$/, "");
const PASSWORD = process.env.DEMO_PASSWORD ?? "limitdesk-demo";
const PAGES: Array<[name: string, path: string]> = [
  ["overview", "/"],
  ["borrowers", "/borrowers"],
  ["borrower", `/borrowers/${args.borrower}`],
  ["policies", "/policies"],
  ["inbox", "/inbox"],
  ["model", "/model"],
].filter(([name]) => !args.only || args.only.split(",").includes(name)) as Array<[string, string]>;

/** Cookies of a response as "name=value" pairs. */
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]);

/** next-auth's own CSRF + credentials flow; returns the Cookie header of the session. */
async function login(): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = cookiesOf(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; "), origin: new URL(base).origin },
    body: new URLSearchParams({ csrfToken, email: args.email!, password: PASSWORD, json: "true" }),
  });
  const session = cookiesOf(res).find((c) => /session-token=/.test(c));
  if (!session) throw new Error(`login as ${args.email} failed (HTTP ${res.status})`);
  return session;
}

/** Starts Chromium with remote debugging on a free port; resolves with the port and a stop(). */
function startChromium(): Promise<{ port: number; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "limitdesk-lh-"));
  const chrome = spawn(process.env.CHROME_PATH ?? "/usr/bin/chromium", [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=0", `--user-data-dir=${profile}`,
    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "about:blank",
  ], { stdio: ["ignore", "ignore", "pipe"] });
  // The profile goes once Chromium has exited (it writes into it until then).
  const stop = async () => {
    const exited = new Promise((done) => chrome.once("exit", done));
    chrome.kill("SIGTERM");
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return new Promise((resolve, reject) => {
    let err = "";
    chrome.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(err);
      if (m) resolve({ port: Number(m[1]), stop });
    });
    chrome.on("exit", (code) => reject(new Error(`Chromium exited (${code}): ${err.slice(-500)}`)));
  });
}

const pct = (score: number | null | undefined) => (score == null ? "—" : String(Math.round(score * 100)));

const cookie = await login();
const chrome = await startChromium();
const rows: string[][] = [];
const problems: string[] = [];
try {
  for (const [name, p] of PAGES) {
    const flags: Flags = { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: { Cookie: cookie } };
    const result = await lighthouse(`${base}${p}`, flags, desktopConfig);
    if (!result) throw new Error(`no Lighthouse result for ${p}`);
    const { categories, audits, finalDisplayedUrl } = result.lhr;
    if (args.save) {
      mkdirSync(args.save, { recursive: true });
      writeFileSync(path.join(args.save, `${name}.json`), JSON.stringify(result.lhr));
    }
    if (new URL(finalDisplayedUrl).pathname !== new URL(`${base}${p}`).pathname) problems.push(`${name}: ended on ${finalDisplayedUrl} (not signed in?)`);
    const perf = categories.performance?.score, a11y = categories.accessibility?.score;
    const metric = (id: string) => audits[id]?.displayValue ?? "—";
    rows.push([name, p, pct(perf), pct(a11y), (audits["cumulative-layout-shift"]?.numericValue ?? NaN).toFixed(3), metric("largest-contentful-paint"), metric("total-blocking-time")]);
    // What to fix: every failed accessibility audit, and the performance audits that cost points.
    for (const ref of categories.accessibility?.auditRefs ?? []) {
      const a = audits[ref.id];
      if (ref.weight > 0 && a.score !== null && a.score < 1) problems.push(`${name}: accessibility ${a.id}: ${a.title}`);
    }
    // Which elements moved (a layout shift has no stack trace).
    const shifts = (audits["layout-shifts"]?.details as { items?: Array<{ node?: { snippet?: string; selector?: string }; score?: number }> } | undefined)?.items ?? [];
    if (audits["layout-shifts"]?.scoreDisplayMode === "error") problems.push(`${name}: layout-shift sources unavailable (${audits["layout-shifts"].errorMessage?.slice(0, 90)}); e2e/layout.spec.ts names them`);
    for (const s of shifts) if ((s.score ?? 0) >= 0.01) problems.push(`${name}: layout shift ${(s.score ?? 0).toFixed(3)} ${s.node?.selector ?? ""} ${s.node?.snippet?.slice(0, 120) ?? ""}`);
    if ((perf ?? 0) < 0.95) {
      for (const ref of categories.performance?.auditRefs ?? []) {
        const a = audits[ref.id];
        if (a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative") problems.push(`${name}: performance ${a.id}: ${a.title} (${a.displayValue ?? a.score})`);
      }
    }
  }
} finally {
  await chrome.stop();
}

const header = ["page", "path", "performance", "accessibility", "CLS", "LCP", "TBT"];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
if (problems.length) console.log(`\n${problems.join("\n")}`);
