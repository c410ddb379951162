import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkStructure } from "./check-structure";

let root: string;
function tree(files: Record<string, string>) {
  root = mkdtempSync(path.join(tmpdir(), "structure-"));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
    writeFileSync(path.join(root, p), text);
  }
  return root;
}
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("check:structure (issue 9 §14)", () => {
  it("passes the real repository", () => {
    root = mkdtempSync(path.join(tmpdir(), "structure-"));
    expect(checkStructure(process.cwd())).toEqual([]);
  });

  it("accepts the fixed roles, pure logic, tests and nested logic folders in any new feature", () => {
    expect(checkStructure(tree({
      "features/jobs/schema.ts": "export {};",
      "features/jobs/data.ts": 'import "server-only";\n',
      "features/jobs/mutations.ts": '// writes\nimport "server-only";\nimport x from "./queue";\n',
      "features/jobs/queue.ts": "export default 1;",
      "features/jobs/queue.test.ts": "",
      "features/jobs/engine/step.ts": "",
      "features/jobs/components/job-list.tsx": 'import { Badge } from "@/components/badge";\nimport { x } from "../queue";\n',
    }))).toEqual([]);
  });

  it("reports missing server-only, UI outside components/, and another feature's components", () => {
    const problems = checkStructure(tree({
      "features/jobs/data.ts": "export const x = 1;",
      "features/jobs/mutations.ts": "export const y = 1;",
      "features/jobs/widget.tsx": "",
      "features/jobs/notes.md": "",
      "features/jobs/engine/data.ts": 'import "server-only";',
      "features/jobs/components/a.tsx": 'import { B } from "@/features/monitoring/components/b";\nconst C = () => import("../../monitoring/components/c");\n',
      "features/monitoring/components/b.tsx": "",
    }));
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual([
      "features/jobs/components/a.tsx",
      "features/jobs/components/a.tsx",
      "features/jobs/data.ts",
      "features/jobs/engine/data.ts",
      "features/jobs/mutations.ts",
      "features/jobs/notes.md",
      "features/jobs/widget.tsx",
    ]);
  });
});
