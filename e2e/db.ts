// The e2e run's embedded PostgreSQL folder (fresh for every run when E2E_FRESH_DB=1), shared by
// playwright.config.ts (for the server it starts) and the specs that run CLIs against it.
export const E2E_PG_DIR = process.env.LIMITDESK_PG_DIR || ".data/e2e-pg";
