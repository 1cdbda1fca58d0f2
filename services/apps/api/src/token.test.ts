import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createTokenSigner } from "./token.ts";

const key = "unit-test-token-key-0123456789-abcdef";
const nowMs = Date.parse("2026-10-20T12:00:00Z");

describe("createTokenSigner", () => {
  it("signs a voter id that verifies until it expires", () => {
    const signer = createTokenSigner(key, 15 * 60_000);
    const { token, expiresAtMs } = signer.sign("V1001", nowMs);
    expect(expiresAtMs).toBe(nowMs + 15 * 60_000);
    expect(signer.verify(token, nowMs)).toEqual({ ok: true, value: { voterId: "V1001", expiresAtMs } });
    expect(signer.verify(token, expiresAtMs - 1)).toMatchObject({ ok: true });
    expect(signer.verify(token, expiresAtMs)).toEqual({ ok: false, error: "expired" });
  });

  it("a token from another key does not verify", () => {
    const { token } = createTokenSigner(`${key}-other`).sign("V1001", nowMs);
    expect(createTokenSigner(key).verify(token, nowMs)).toEqual({ ok: false, error: "bad_signature" });
  });

  it.each([
    ["empty", ""],
    ["two parts", "v1.abc"],
    ["four parts", "v1.a.b.c"],
    ["another version", "v0.abc.def"],
    ["not base64url", "v1.a+b/c.def"],
    ["too long", `v1.${"a".repeat(600)}.b`],
  ])("refuses a malformed token: %s", (_, token) => {
    expect(createTokenSigner(key).verify(token, nowMs)).toEqual({ ok: false, error: "malformed" });
  });

  it("refuses a well-signed payload that is not a voter token", () => {
    // Signed with the right key but without the audience: another kind of token must never pass for this one.
    const payload = Buffer.from(JSON.stringify({ sub: "V1", exp: 4e9 })).toString("base64url");
    const signature = createHmac("sha256", key).update(`v1.${payload}`).digest("base64url");
    expect(createTokenSigner(key).verify(`v1.${payload}.${signature}`, nowMs)).toEqual({
      ok: false,
      error: "malformed",
    });
  });

  it("refuses a short key and a TTL under a second", () => {
    expect(() => createTokenSigner("short")).toThrow(/32 characters/);
    expect(() => createTokenSigner(key, 10)).toThrow(/one second/);
  });
});
