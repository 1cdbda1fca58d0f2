import { createHmac, timingSafeEqual } from "node:crypto";
import twilio from "twilio";

/**
 * Twilio's X-Twilio-Signature over the full URL it called and the form parameters
 * (https://www.twilio.com/docs/usage/webhooks/webhooks-security). Fails closed: without an auth token, or without
 * a signature, nothing is accepted.
 */
export function isTwilioSignatureValid(input: {
  readonly authToken: string | undefined;
  readonly signature: string | undefined;
  readonly url: string;
  readonly params: Readonly<Record<string, string>>;
}): boolean {
  if (!input.authToken || !input.signature) return false;
  return twilio.validateRequest(input.authToken, input.signature, input.url, { ...input.params });
}

/** How old a Svix-signed webhook may be (Svix and Resend use five minutes). */
export const webhookToleranceMs = 5 * 60_000;

const svixKeyOf = (secret: string): Buffer => Buffer.from(secret.replace(/^whsec_/, ""), "base64");

/** Signs a payload as Svix does for Resend's webhooks: `v1,<base64 HMAC-SHA256 of id.timestamp.body>`. */
export function signSvixPayload(secret: string, id: string, timestampS: number, body: string): string {
  return `v1,${createHmac("sha256", svixKeyOf(secret)).update(`${id}.${timestampS}.${body}`).digest("base64")}`;
}

/**
 * Resend's webhook signature (Svix: `svix-id`, `svix-timestamp`, `svix-signature`, or the `webhook-*` names of
 * Standard Webhooks), checked in constant time, with the timestamp within the tolerance so that a captured request
 * cannot be replayed later. Fails closed without a secret or a header.
 */
export function isResendSignatureValid(input: {
  readonly secret: string | undefined;
  readonly headers: {
    readonly id?: string | undefined;
    readonly timestamp?: string | undefined;
    readonly signature?: string | undefined;
  };
  readonly body: string;
  readonly nowMs: number;
}): boolean {
  const { secret, headers } = input;
  if (!secret || !headers.id || !headers.timestamp || !headers.signature) return false;
  const timestampS = Number(headers.timestamp);
  if (!Number.isInteger(timestampS) || Math.abs(input.nowMs - timestampS * 1000) > webhookToleranceMs) return false;
  const expected = Buffer.from(signSvixPayload(secret, headers.id, timestampS, input.body).slice(3), "base64");
  return headers.signature.split(" ").some((candidate) => {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) return false;
    const given = Buffer.from(value, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
