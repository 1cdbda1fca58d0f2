import { createHmac, timingSafeEqual } from "node:crypto";
import { err, ok, type Result } from "@ballot/core";
import { z } from "zod";

/** What a voter token says: this voter looked themselves up, and may manage their alerts until `expiresAtMs`. */
export interface VoterToken {
  readonly voterId: string;
  readonly expiresAtMs: number;
}

export type TokenProblem = "malformed" | "bad_signature" | "expired";

export interface TokenSigner {
  sign(voterId: string, nowMs: number): { readonly token: string; readonly expiresAtMs: number };
  verify(token: string, nowMs: number): Result<VoterToken, TokenProblem>;
}

const version = "v1";
/** Tokens name their use, so that a token of another kind signed with the same key never passes for this one. */
const audience = "alerts";
const signatureBytes = 32;
/** Far more than a real token (about 120 characters); anything longer is refused before any work. */
const maxTokenLength = 512;

const payloadSchema = z.object({
  sub: z.string().min(1).max(64),
  exp: z.number().int().positive(),
  aud: z.literal(audience),
});

const base64url = (bytes: Buffer | string): string => Buffer.from(bytes).toString("base64url");

/**
 * Short-lived voter tokens: `v1.<payload>.<signature>`, the payload base64url JSON `{sub: voterId, exp: epoch s,
 * aud: "alerts"}`, the signature HMAC-SHA256 over `v1.<payload>` with a key of 32+ characters. The voter id is
 * readable by whoever holds the token (the voter it was given to); the token is not a secret about anyone else.
 * Signatures are compared in constant time.
 */
export function createTokenSigner(key: string, ttlMs = 15 * 60_000): TokenSigner {
  if (key.length < 32) throw new Error("the token key must be at least 32 characters");
  if (!Number.isInteger(ttlMs) || ttlMs < 1_000) throw new Error("a token must live at least one second");
  const signatureOf = (signed: string): Buffer => createHmac("sha256", key).update(signed).digest();

  return {
    sign(voterId, nowMs) {
      const expiresAtS = Math.floor((nowMs + ttlMs) / 1000);
      const payload = base64url(JSON.stringify({ sub: voterId, exp: expiresAtS, aud: audience }));
      const signed = `${version}.${payload}`;
      return { token: `${signed}.${base64url(signatureOf(signed))}`, expiresAtMs: expiresAtS * 1000 };
    },

    verify(token, nowMs) {
      if (token.length > maxTokenLength) return err("malformed");
      const parts = token.split(".");
      const [tokenVersion, payload, signature] = parts;
      if (parts.length !== 3 || tokenVersion !== version || !payload || !signature) return err("malformed");
      if (!/^[A-Za-z0-9_-]+$/.test(payload) || !/^[A-Za-z0-9_-]+$/.test(signature)) return err("malformed");
      const given = Buffer.from(signature, "base64url");
      const expected = signatureOf(`${version}.${payload}`);
      // The length is public (every signature has 32 bytes); the bytes are compared in constant time.
      if (given.length !== signatureBytes || !timingSafeEqual(given, expected)) return err("bad_signature");
      let claims: unknown;
      try {
        claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
      } catch {
        return err("malformed");
      }
      const parsed = payloadSchema.safeParse(claims);
      if (!parsed.success) return err("malformed");
      const expiresAtMs = parsed.data.exp * 1000;
      if (nowMs >= expiresAtMs) return err("expired");
      return ok({ voterId: parsed.data.sub, expiresAtMs });
    },
  };
}
