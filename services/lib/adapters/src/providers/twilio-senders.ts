import { AsyncLocalStorage } from "node:async_hooks";
import { PermanentError, TransientError } from "@ballot/runtime";
import twilio from "twilio";
import type TwilioRequestClient from "twilio/lib/base/RequestClient.js";
import type { OutgoingCall, OutgoingSms, SendReceipt, SmsSender, VoiceSender } from "./types.ts";

/** The idempotency token of the request being made, for the request client to send. */
const idempotencyToken = new AsyncLocalStorage<string>();

/**
 * Twilio's own request client, with every `https://<product>.twilio.com` address rewritten to `baseUrl` (a local
 * fake in tests) and the message's idempotency token sent as `I-Twilio-Idempotency-Token`.
 */
export class RebasedTwilioRequestClient extends twilio.RequestClient {
  readonly #baseUrl: string | undefined;
  constructor(baseUrl?: string) {
    super({ keepAlive: true, timeout: 15_000 });
    this.#baseUrl = baseUrl?.replace(/\/+$/, "");
  }

  override request<TData>(opts: TwilioRequestClient.RequestOptions<TData>) {
    const uri = this.#baseUrl ? opts.uri.replace(/^https:\/\/[a-z0-9.-]+\.twilio\.com/, this.#baseUrl) : opts.uri;
    const token = idempotencyToken.getStore();
    const headers = { ...(opts.headers ?? {}), ...(token ? { "I-Twilio-Idempotency-Token": token } : {}) };
    return super.request<TData>({ ...opts, uri, headers });
  }
}

export interface TwilioOptions {
  readonly accountSid: string;
  readonly authToken: string;
  /** Where the REST API is; a local fake's in tests. Default: Twilio's. */
  readonly baseUrl?: string | undefined;
}

export const createTwilioClient = (options: TwilioOptions): twilio.Twilio =>
  twilio(options.accountSid, options.authToken, { httpClient: new RebasedTwilioRequestClient(options.baseUrl) });

/**
 * Twilio error codes that will fail the same way every time (https://www.twilio.com/docs/api/errors): invalid or
 * unreachable numbers, and 21610, a recipient who replied STOP.
 */
export const permanentTwilioCodes: ReadonlySet<number> = new Set([
  21211, 21214, 21217, 21407, 21408, 21610, 21612, 21614,
]);

/** An unsubscribed recipient (the carrier saw their STOP): the channel must be marked opted out. */
export const isUnsubscribedRecipient = (error: unknown): boolean =>
  error instanceof PermanentError && error.context.code === 21610;

/**
 * Twilio's failure as our error class. The vendor's error stays out of it (no `cause`): Twilio's messages quote the
 * phone number, and the HTTP client's errors carry the request with its Authorization header and body, none of
 * which may reach a log or a dead letter. The status and Twilio's code are kept in the context.
 */
function classify(error: unknown, what: string): never {
  const status = (error as { status?: number }).status;
  const code = (error as { code?: number | string }).code;
  const context = { provider: "twilio", status: status ?? "none", code: code ?? "none" };
  if (status === undefined || status === 429 || status >= 500) {
    throw new TransientError(
      `Twilio did not take the ${what} (status ${String(status ?? "none")}, code ${String(code ?? "none")})`,
      { context },
    );
  }
  // Any other 4xx is a request Twilio will refuse again: a bad number (21211), an unsubscribed recipient (21610).
  throw new PermanentError(`Twilio refused the ${what} (status ${status}, code ${String(code ?? "none")})`, {
    context,
  });
}

export class TwilioSmsSender implements SmsSender {
  readonly provider = "twilio";
  readonly #client: twilio.Twilio;
  constructor(client: twilio.Twilio) {
    this.#client = client;
  }

  async send(message: OutgoingSms): Promise<SendReceipt> {
    try {
      const sent = await idempotencyToken.run(message.idempotencyKey, () =>
        this.#client.messages.create({
          to: message.to,
          from: message.from,
          body: message.text,
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        }),
      );
      return { provider: this.provider, providerMessageId: sent.sid };
    } catch (error) {
      return classify(error, "text message");
    }
  }
}

/** The TwiML of a call: each sentence in its voice, for a language with none the English one after a notice. */
export function twimlOf(says: OutgoingCall["says"]): string {
  const response = new twilio.twiml.VoiceResponse();
  for (const say of says) {
    response.say(
      {
        // The voices and languages come from @ballot/core sayVoices, which names only ones Twilio offers.
        voice: say.voice as never,
        language: say.language as never,
      },
      say.text,
    );
  }
  return response.toString();
}

export class TwilioVoiceSender implements VoiceSender {
  readonly provider = "twilio";
  readonly #client: twilio.Twilio;
  constructor(client: twilio.Twilio) {
    this.#client = client;
  }

  async send(message: OutgoingCall): Promise<SendReceipt> {
    try {
      const call = await idempotencyToken.run(message.idempotencyKey, () =>
        this.#client.calls.create({
          to: message.to,
          from: message.from,
          twiml: twimlOf(message.says),
          ...(message.statusCallbackUrl ? { statusCallback: message.statusCallbackUrl } : {}),
        }),
      );
      return { provider: this.provider, providerMessageId: call.sid };
    } catch (error) {
      return classify(error, "call");
    }
  }
}
