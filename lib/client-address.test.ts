import { describe, expect, it } from "vitest";
import { addressBucket, clientAddress, normaliseAddress, trustedProxyHops } from "./client-address";

const h = (headers: Record<string, string>) => new Headers(headers);

describe("client address", () => {
  it("is the TCP peer without TRUST_PROXY, whatever X-Forwarded-For claims", () => {
    expect(clientAddress(h({ "x-limitdesk-peer": "::ffff:127.0.0.1", "x-forwarded-for": "6.6.6.6" }), 0)).toBe("127.0.0.1");
    expect(clientAddress({ "x-limitdesk-peer": "10.1.2.3", "x-forwarded-for": "1.1.1.1, 2.2.2.2" }, 0)).toBe("10.1.2.3");
  });

  it("walks back TRUST_PROXY hops through X-Forwarded-For", () => {
    // client 198.51.100.9 → proxy A (appends the client) → proxy B 10.0.0.2 (appends A) → app
    const headers = h({ "x-forwarded-for": "6.6.6.6, 198.51.100.9, 10.0.0.1", "x-limitdesk-peer": "10.0.0.2" });
    expect(clientAddress(headers, 1)).toBe("10.0.0.1");
    expect(clientAddress(headers, 2)).toBe("198.51.100.9");
    expect(clientAddress(h({ "x-limitdesk-peer": "10.0.0.2" }), 3)).toBe("10.0.0.2");
  });

  it("validates what it returns: garbage is no address", () => {
    for (const bad of ["=cmd|' /C calc'!A0", "local", "1.2.3.4.5", "", "::gg", "1.2.3.4; DROP"]) expect(normaliseAddress(bad)).toBeNull();
    expect(clientAddress(h({ "x-limitdesk-peer": "=HYPERLINK(1)" }), 0)).toBeNull();
    expect(clientAddress(h({ "x-forwarded-for": "=1+1", "x-limitdesk-peer": "10.0.0.2" }), 1)).toBeNull();
    expect(normaliseAddress("[2001:DB8::1]")).toBe("2001:db8::1");
  });

  it("reads TRUST_PROXY as a small hop count, anything else as none", () => {
    expect(trustedProxyHops("1")).toBe(1);
    for (const v of [undefined, "", "0", "true", "-1", "1.5", "99"]) expect(trustedProxyHops(v)).toBe(0);
  });

  it("throttles IPv6 per /64 and IPv4 per address", () => {
    expect(addressBucket("2001:db8:1:2::5")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("2001:db8:1:2:ffff:1:2:3")).toBe("2001:0db8:0001:0002::/64");
    expect(addressBucket("::1")).toBe("0000:0000:0000:0000::/64");
    expect(addressBucket("192.0.2.1")).toBe("192.0.2.1");
    expect(addressBucket(null)).toBe("unknown");
  });
});
