import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Only the data layer talks to the database: features/*/data.ts (reads), features/*/mutations.ts
// (writes), lib/db itself, scripts and database tests. Everything else calls those functions.
const dbImports = {
  paths: [
    { name: "@/lib/db/client", message: "Only features/*/data.ts and mutations.ts may use the database." },
    { name: "@/lib/db/connect", message: "Only features/*/data.ts and mutations.ts may use the database." },
  ],
  patterns: [
    { group: ["@/generated/prisma/*", "**/generated/prisma/*", "@prisma/client", "@prisma/client/*"], allowTypeImports: true, message: "Only the data layer imports the Prisma client." },
  ],
};

const config = [
  { ignores: [".next/**", "generated/**", "node_modules/**", ".data/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "no-restricted-imports": ["error", dbImports],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["features/*/data.ts", "features/*/mutations.ts", "lib/db/**", "scripts/**", "tests/**", "prisma.config.ts", "e2e/**"],
    rules: { "no-restricted-imports": "off" },
  },
  // Playwright fixtures call their callback `use`, which is not a React hook.
  { files: ["e2e/**"], rules: { "react-hooks/rules-of-hooks": "off" } },
];

export default config;
