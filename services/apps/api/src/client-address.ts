import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/** Requests whose address nobody can tell (no Node connection, e.g. `app.request` in tests) share this bucket. */
export const unknownAddress = "unknown";

/** Four numbers of 0 to 255 (leading zeros allowed, as ever), checked in one pass. */
const ipv4 = /^(?:(?:25[0-5]|2[0-4]\d|[01]?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d?\d)$/;

/**
 * The bucket a client address is rate-limited in: an IPv4 address as it is, an IPv6 address by its /64 (one
 * subscriber usually holds a whole /64, so counting single IPv6 addresses would count nothing), an IPv4-mapped IPv6
 * address as its IPv4 address. Undefined for text that is not an address.
 */
export function addressBucket(text: string): string | undefined {
  let address = text.trim();
  if (address.startsWith("[")) address = address.slice(1, address.indexOf("]") > 0 ? address.indexOf("]") : undefined);
  const zone = address.indexOf("%");
  if (zone >= 0) address = address.slice(0, zone);
  if (ipv4.test(address)) return address;
  const mapped = /^::ffff:((?:\d{1,3}\.){3}\d{1,3})$/i.exec(address);
  if (mapped?.[1]) return addressBucket(mapped[1]);
  if (!/^[0-9a-f:]+$/i.test(address) || !address.includes(":")) return undefined;
  const halves = address.split("::");
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array.from({ length: missing }, () => "0"), ...tail];
  if (groups.some((group) => group.length === 0 || group.length > 4)) return undefined;
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(":")}::/64`;
}

function connectionAddress(c: Context): string | undefined {
  // Only the Node server passes its bindings; anything else (app.request, other runtimes) has no peer to read.
  const bindings = c.env as { incoming?: unknown; server?: { incoming?: unknown } } | undefined;
  if (!bindings?.incoming && !bindings?.server?.incoming) return undefined;
  return getConnInfo(c).remote.address;
}

/** The entry `fromRight` places from the right of an X-Forwarded-For list (1: the last), untrimmed; or undefined. */
function forwardedEntry(list: string, fromRight: number): string | undefined {
  let end = list.length;
  for (let skipped = 1; skipped < fromRight; skipped += 1) {
    end = list.lastIndexOf(",", end - 1);
    if (end < 0) return undefined;
  }
  return list.slice(list.lastIndexOf(",", end - 1) + 1, end);
}

/**
 * The client's address bucket. Without a trusted proxy it is the TCP peer's; `X-Forwarded-For` is a header anyone
 * can write, so it counts only when `trustedProxyHops` proxies of ours stand in front: each appends the address it
 * saw, and the client is the entry that many places from the right. Anything else falls back to the peer.
 */
export function clientAddressOf(c: Context, trustedProxyHops: number): string {
  if (trustedProxyHops > 0) {
    const entry = forwardedEntry(c.req.header("x-forwarded-for") ?? "", trustedProxyHops);
    const bucket = entry ? addressBucket(entry) : undefined;
    if (bucket) return bucket;
  }
  const peer = connectionAddress(c);
  return (peer && addressBucket(peer)) ?? unknownAddress;
}
