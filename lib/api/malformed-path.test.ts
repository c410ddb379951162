import { describe, expect, it } from "vitest";
import { isMalformedPath, malformedPathResponse } from "./malformed-path";

describe("malformed URL paths (issue 9 §7)", () => {
  it("flags percent-encoding that is not UTF-8, keeps everything else", async () => {
    for (const p of ["/api/v1/borrowers/%ED%A0%80", "/api/v1/borrowers/%FF", "/borrowers/%E0%A4%A", "/x/%"]) expect(isMalformedPath(p), p).toBe(true);
    for (const p of ["/api/v1/borrowers/12", "/api/v1/policies/%00/approve", "/x/%F0%9F%98%80", "/x/%2F"]) expect(isMalformedPath(p), p).toBe(false);
    const res = malformedPathResponse("/api/v1/borrowers/%FF")!;
    expect(res.status).toBe(400);
    expect((await res.json()).requestId).toBeTruthy();
  });
});
