// `npm run db:seed`: migrate and seed without starting the server (says so when already seeded).
import { migrateAndSeed } from "./seed-lib";
import { runCli } from "./cli";

await runCli(async () => void (await migrateAndSeed()));
