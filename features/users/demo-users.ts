import type { Role } from "@/features/auth/permissions";

/** Demo users seeded for local use; all share the DEMO_PASSWORD (default `limitdesk-demo`). */
export const DEMO_USERS: Array<{ email: string; name: string; role: Role }> = [
  { email: "analyst@example.com", name: "Ana Analyst", role: "ANALYST" },
  { email: "analyst2@example.com", name: "Arjun Analyst", role: "ANALYST" },
  { email: "manager@example.com", name: "Mia Manager", role: "MANAGER" },
  { email: "manager2@example.com", name: "Marco Manager", role: "MANAGER" },
  { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" },
  { email: "auditor@example.com", name: "Otto Auditor", role: "AUDITOR" },
];
