import { migrateAndSeed } from "@/scripts/seed-lib";
const t = Date.now();
await migrateAndSeed({ log: (l) => console.log(`${((Date.now() - t) / 1000).toFixed(1)}s ${l}`) });
process.exit(0);
