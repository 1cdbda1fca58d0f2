import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { type Channel, channels, err, ok, type Result } from "@ballot/core";

/** What a signed link lets its holder do: confirm a channel (once), or unsubscribe from it (one click, any time). */
export type LinkAction = "confirm" | "unsubscribe";

export interface LinkClaims {
  readonly action: LinkAction;
  readonly voterId: string;
  readonly channel: Channel;
  readonly expiresAtMs: number;
  /** Random: what makes a confirmation link one-time (its use is recorded). */
  readonly tokenId: string;
}

export type LinkTokenError = "malformed" | "bad_signature" | "expired";

const encode = (value: string | Buffer) => Buffer.from(value).toString("base64url");
const signatureOf = (payload: string, key: string) => createHmac("sha256", key).update(`v1.${payload}`).digest();

/** The link secret must be long enough that it cannot be guessed; it comes only from the environment. */
export function assertLinkSecret(key: string): void {
  if (key.length < 32) throw new Error("the link signing secret must be at least 32 characters");
}

/** A token for a link in a message: `v1.<claims>.<HMAC-SHA256>`, all base64url. */
export function signLinkToken(
  claims: Omit<LinkClaims, "tokenId"> & { readonly tokenId?: string },
  key: string,
): string {
  assertLinkSecret(key);
  const payload = encode(
    JSON.stringify({
      a: claims.action,
      v: claims.voterId,
      c: claims.channel,
      e: claims.expiresAtMs,
      i: claims.tokenId ?? randomBytes(12).toString("base64url"),
    }),
  );
  return `v1.${payload}.${encode(signatureOf(payload, key))}`;
}

/**
 * Checks a link token's signature (in constant time) and expiry. Exported for the API, which serves the links the
 * messages carry; the notifier's own HTTP server uses it too.
 */
export function verifyLinkToken(token: string, key: string, nowMs: number): Result<LinkClaims, LinkTokenError> {
  assertLinkSecret(key);
  const [version, payload, signature, ...rest] = token.split(".");
  if (version !== "v1" || !payload || !signature || rest.length > 0) return err("malformed");
  const given = Buffer.from(signature, "base64url");
  const expected = signatureOf(payload, key);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return err("bad_signature");
  let raw: { a?: unknown; v?: unknown; c?: unknown; e?: unknown; i?: unknown };
  try {
    raw = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as typeof raw;
  } catch {
    return err("malformed");
  }
  if (
    (raw.a !== "confirm" && raw.a !== "unsubscribe") ||
    typeof raw.v !== "string" ||
    !(channels as readonly unknown[]).includes(raw.c) ||
    typeof raw.e !== "number" ||
    typeof raw.i !== "string"
  ) {
    return err("malformed");
  }
  if (raw.e <= nowMs) return err("expired");
  return ok({ action: raw.a, voterId: raw.v, channel: raw.c as Channel, expiresAtMs: raw.e, tokenId: raw.i });
}
