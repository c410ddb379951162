// The client's network address, validated, for throttling and the audit trail.
// The TCP peer comes from `x-limitdesk-peer`, which the server sets itself on every request
// (lib/server/peer-header.cjs, preloaded by `npm start`). X-Forwarded-For is believed only for as
// many hops as TRUST_PROXY says there are proxies in front of the app; without it the peer is the
// client, whatever X-Forwarded-For claims.
import { isIP } from "node:net";
import path from "node:path";

type HeaderSource = { get(name: string): string | null } | Record<string, unknown> | undefined;

function header(headers: HeaderSource, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) ? value.join(",") : null;
}

/** A syntactically valid IP address in canonical form (IPv4-mapped IPv6 → IPv4), else null. */
export function normaliseAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(value)) value = value.slice(7);
  const kind = isIP(value);
  return kind === 0 ? null : kind === 6 ? value.toLowerCase() : value;
}

export function trustedProxyHops(value = process.env.TRUST_PROXY): number {
  const hops = Number(value ?? 0);
  return Number.isInteger(hops) && hops > 0 && hops < 10 ? hops : 0;
}

export function clientAddress(headers: HeaderSource, hops = trustedProxyHops()): string | null {
  const forwarded = (header(headers, "x-forwarded-for") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  // Without the preload (e.g. `next dev`) Next itself puts the socket address into an absent
  // X-Forwarded-For; the last entry is then the best remaining guess.
  const peer = header(headers, "x-limitdesk-peer") ?? forwarded.pop() ?? null;
  if (hops === 0) return normaliseAddress(peer);
  // Each trusted proxy appended the address it saw: the client is `hops` entries from the peer.
  const chain = [...forwarded, peer];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** Throttling key of an address: IPv6 clients get a /64 each (one subscriber's usual block). */
export function addressBucket(address: string | null): string {
  if (!address) return "unknown";
  if (isIP(address) !== 6) return address;
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.padStart(4, "0")).join(":")}::/64`;
}

/** Node arguments that make `next start` tag each request with its TCP peer (see the top). */
export function peerAddressPreload(): string[] {
  return ["--require", path.join(/*turbopackIgnore: true*/ process.cwd(), "lib", "server", "peer-header.cjs")];
}
