import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getSettings } from "@/features/settings/data";
import { updateSettings } from "@/features/settings/mutations";
import { SETTING_DEFAULTS } from "@/features/settings/schema";
import { getPrisma } from "@/lib/db/client";
import { backend, closeAppDb, openAppDb, type TestDb } from "./harness";

describe(`settings on ${backend}`, () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await openAppDb();
  });
  afterAll(async () => closeAppDb(db));

  it("starts from the defaults, changes one value and audits before and after", async () => {
    expect(await getSettings()).toEqual(SETTING_DEFAULTS);
    const after = await updateSettings({ approvalThreshold: 150_000 }, { actor: { id: "u1", email: "admin@example.com" } });
    expect(after).toEqual({ ...SETTING_DEFAULTS, approvalThreshold: 150_000 });
    const event = await (await getPrisma()).auditEvent.findFirstOrThrow({ where: { action: "settings.updated" } });
    expect(event.before).toMatchObject({ approvalThreshold: 200_000 });
    expect(event.after).toMatchObject({ approvalThreshold: 150_000, appealSlaDays: 15 });
  });
});
