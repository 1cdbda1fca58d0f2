import { signTwilioWebhook } from "@ballot/testing";
import { Resend } from "resend";
import { describe, expect, it } from "vitest";
import { signLinkToken, verifyLinkToken } from "./link-tokens.ts";
import { isResendSignatureValid, isTwilioSignatureValid, signSvixPayload } from "./webhook-signatures.ts";

const key = "k".repeat(32);
const nowMs = Date.parse("2026-10-10T12:00:00Z");

describe("link tokens", () => {
  const token = signLinkToken({ action: "confirm", voterId: "V1", channel: "email", expiresAtMs: nowMs + 1000 }, key);

  it("verify with the key that signed them, until they expire", () => {
    expect(verifyLinkToken(token, key, nowMs)).toMatchObject({ ok: true, value: { voterId: "V1", channel: "email" } });
    expect(verifyLinkToken(token, key, nowMs + 1000)).toEqual({ ok: false, error: "expired" });
    expect(verifyLinkToken(token, "x".repeat(32), nowMs)).toEqual({ ok: false, error: "bad_signature" });
  });

  it.each([
    ["an empty token", ""],
    ["another version", token.replace(/^v1/, "v2")],
    ["a changed payload", token.replace(/\.([^.]+)\./, ".$1A.")],
    ["extra parts", `${token}.x`],
  ])("refuse %s", (_name, candidate) => {
    expect(verifyLinkToken(candidate, key, nowMs).ok).toBe(false);
  });

  it("refuse a key shorter than 32 characters", () => {
    expect(() =>
      signLinkToken({ action: "confirm", voterId: "V1", channel: "sms", expiresAtMs: 1 }, "short"),
    ).toThrow();
  });
});

describe("webhook signatures", () => {
  const secret = `whsec_${Buffer.from("0123456789abcdef0123456789abcdef").toString("base64")}`;
  const body = JSON.stringify({ type: "email.delivered", data: { email_id: "e1" } });
  const timestampS = Math.floor(nowMs / 1000);
  const signature = signSvixPayload(secret, "msg_1", timestampS, body);

  it("Svix signatures as we make them pass the Resend SDK's own verification", () => {
    // The SDK checks the timestamp against the real clock.
    const nowS = Math.floor(Date.now() / 1000);
    const fresh = signSvixPayload(secret, "msg_1", nowS, body);
    expect(() =>
      new Resend("re_unused_for_verification").webhooks.verify({
        payload: body,
        headers: { id: "msg_1", timestamp: String(nowS), signature: fresh },
        webhookSecret: secret,
      }),
    ).not.toThrow();
  });

  it("Resend webhooks: valid, tampered, stale, unsigned, and without a secret", () => {
    const headers = { id: "msg_1", timestamp: String(timestampS), signature };
    expect(isResendSignatureValid({ secret, headers, body, nowMs })).toBe(true);
    expect(
      isResendSignatureValid({ secret, headers: { ...headers, signature: `v1,bad ${signature}` }, body, nowMs }),
    ).toBe(true);
    expect(isResendSignatureValid({ secret, headers, body: `${body} `, nowMs })).toBe(false);
    expect(isResendSignatureValid({ secret, headers, body, nowMs: nowMs + 6 * 60_000 })).toBe(false);
    expect(
      isResendSignatureValid({ secret, headers: { id: "msg_1", timestamp: String(timestampS) }, body, nowMs }),
    ).toBe(false);
    expect(isResendSignatureValid({ secret: undefined, headers, body, nowMs })).toBe(false);
  });

  it("Twilio webhooks: Twilio's algorithm (as the fake signs) passes the SDK's check; anything else fails closed", () => {
    const url = "https://notify.example/v1/notify/webhooks/twilio/sms?x=1";
    const params = { From: "+15555550123", Body: "STOP", MessageSid: "SM1" };
    const authToken = "t".repeat(32);
    const signed = signTwilioWebhook(authToken, url, params);
    expect(isTwilioSignatureValid({ authToken, signature: signed, url, params })).toBe(true);
    expect(isTwilioSignatureValid({ authToken, signature: signed, url, params: { ...params, Body: "START" } })).toBe(
      false,
    );
    expect(isTwilioSignatureValid({ authToken, signature: undefined, url, params })).toBe(false);
    expect(isTwilioSignatureValid({ authToken: undefined, signature: signed, url, params })).toBe(false);
  });
});
