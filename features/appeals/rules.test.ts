import { describe, expect, it } from "vitest";
import { appealDeciderProblem, appealDueDate, appealRecordingProblem, type AppealedChange } from "./rules";

const decided = new Date("2026-03-01T00:00:00Z");
const now = new Date("2026-03-10T00:00:00Z");
const cut: AppealedChange = { oldLimit: 50_000, newLimit: 30_000, status: "APPLIED", decidedAt: decided, appealStatuses: [] };

describe("appeal rules (issue 9 §8)", () => {
  it("accepts an appeal of a live decrease received between the decision and now", () => {
    expect(appealRecordingProblem(cut, new Date("2026-03-05T00:00:00Z"), now)).toBeNull();
    expect(appealRecordingProblem({ ...cut, status: "SCHEDULED", appealStatuses: ["UPHELD"] }, now, now)).toBeNull();
  });
  it("refuses increases, cancelled and reversed cuts, and a second open appeal", () => {
    expect(appealRecordingProblem({ ...cut, newLimit: 60_000 }, now, now)?.status).toBe(409);
    expect(appealRecordingProblem({ ...cut, status: "CANCELLED" }, now, now)?.message).toMatch(/cancelled/);
    expect(appealRecordingProblem({ ...cut, appealStatuses: ["UPHELD", "REVERSED"] }, now, now)?.message).toMatch(/already reversed/);
    expect(appealRecordingProblem({ ...cut, appealStatuses: ["OPEN"] }, now, now)?.message).toMatch(/already open/);
  });
  it("refuses a receivedAt in the future (2999) or before the decision", () => {
    expect(appealRecordingProblem(cut, new Date("2999-01-01T00:00:00Z"), now)).toMatchObject({ status: 400, field: "body.receivedAt" });
    expect(appealRecordingProblem(cut, new Date("2026-02-28T23:59:59Z"), now)).toMatchObject({ status: 400, field: "body.receivedAt" });
  });
  it("never lets the proposer or an approver of the cut decide its appeal", () => {
    const c = { proposedById: "admin", approverIds: ["m1", "m2"] };
    expect(appealDeciderProblem(c, "admin")?.status).toBe(403);
    expect(appealDeciderProblem(c, "m2")?.status).toBe(403);
    expect(appealDeciderProblem(c, "m3")).toBeNull();
  });
  it("is due the settings' SLA days after it was received", () => {
    expect(appealDueDate(new Date("2026-01-01T00:00:00Z"), 15).toISOString()).toBe("2026-01-16T00:00:00.000Z");
  });
});
