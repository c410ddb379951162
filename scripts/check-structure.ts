// `npm run check:structure` (run by `npm test` before the unit tests): the fixed file roles of
// features/<domain>/ (issue 9 §14), for every domain there is and every one added later:
// - top level: schema.ts (zod), data.ts (reads), mutations.ts (writes), components/ (UI),
//   *.test.ts, and pure-logic .ts files or folders (no .tsx outside components/);
// - data.ts and mutations.ts import "server-only";
// - no feature imports another feature's components/ (shared UI lives in components/).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const ROLE_FILES = new Set(["schema.ts", "data.ts", "mutations.ts"]);
const SERVER_ONLY = /^\s*import\s+["']server-only["'];?\s*$/m;
const IMPORT_SPEC = /(?:import|export)\s+(?:type\s+)?(?:[^"'`;]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)|require\(\s*["']([^"']+)["']\s*\)/g;

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Which feature's components/ an import specifier points at, if any. */
function importedComponentsOf(spec: string, fileDir: string, featuresDir: string): string | null {
  let target: string;
  if (spec.startsWith("@/features/")) target = path.join(featuresDir, spec.slice("@/features/".length));
  else if (spec.startsWith(".")) target = path.resolve(fileDir, spec);
  else return null;
  const rel = path.relative(featuresDir, target).split(path.sep);
  return rel.length >= 2 && rel[1] === "components" && !rel[0].startsWith("..") ? rel[0] : null;
}

/** Every violation under `root`/features, as "path: reason" lines (empty when all is well). */
export function checkStructure(root: string): string[] {
  const featuresDir = path.join(root, "features");
  const problems: string[] = [];
  for (const domain of readdirSync(featuresDir).filter((d) => statSync(path.join(featuresDir, d)).isDirectory())) {
    const domainDir = path.join(featuresDir, domain);
    for (const file of walk(domainDir)) {
      const rel = path.relative(root, file).split(path.sep).join("/");
      const inDomain = path.relative(domainDir, file).split(path.sep);
      const inComponents = inDomain[0] === "components";
      const base = path.basename(file);
      if (base.endsWith(".tsx") && !inComponents) problems.push(`${rel}: UI (.tsx) belongs in features/${domain}/components/`);
      if (!/\.(ts|tsx|json)$/.test(base)) problems.push(`${rel}: only .ts, .tsx and .json files belong in a feature`);
      if (inDomain.length > 1 && !inComponents && ROLE_FILES.has(base) && base !== "schema.ts") {
        problems.push(`${rel}: data.ts and mutations.ts sit at the top of features/${domain}/`);
      }
      if (!/\.(ts|tsx)$/.test(base)) continue;
      const text = readFileSync(file, "utf8");
      if (inDomain.length === 1 && (base === "data.ts" || base === "mutations.ts") && !SERVER_ONLY.test(text)) {
        problems.push(`${rel}: must import "server-only"`);
      }
      for (const m of text.matchAll(IMPORT_SPEC)) {
        const spec = m[1] ?? m[2] ?? m[3];
        const other = importedComponentsOf(spec, path.dirname(file), featuresDir);
        if (other && other !== domain) {
          problems.push(`${rel}: imports features/${other}/components (${spec}); shared UI belongs in components/`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const problems = checkStructure(process.cwd());
  for (const p of problems) console.error(p);
  console.log(problems.length ? `check:structure: ${problems.length} problem(s)` : "check:structure: features/ follows the file roles");
  process.exit(problems.length ? 1 : 0);
}
