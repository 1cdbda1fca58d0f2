import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A scripted answer instead of success: an HTTP error (with Twilio's error code), or no answer at all. */
export type ScriptedResponse =
  | { readonly status: number; readonly code?: number; readonly message?: string }
  /** Takes the message (it counts as sent) and never answers: the client dies or times out waiting. */
  | { readonly hang: true };

export interface FakeMessage {
  readonly id: string;
  readonly path: string;
  /** The idempotency key the client sent (Resend `Idempotency-Key`, Twilio `I-Twilio-Idempotency-Token`). */
  readonly idempotencyKey: string | undefined;
  readonly to: string;
  readonly from: string;
  /** Email: subject, text, html, headers; SMS: Body; call: Twiml. */
  readonly body: Readonly<Record<string, unknown>>;
  readonly receivedAtMs: number;
}

export interface FakeProviderOptions {
  /** Repeated idempotency keys get the first answer and send nothing (default); off, every request sends. */
  readonly idempotency?: boolean;
  /** Keep whole bodies (default); off, only ids, keys and times (for benchmarks of hundreds of thousands). */
  readonly keepBodies?: boolean;
}

export interface FakeProvider {
  readonly url: string;
  /** Messages the provider took (once per idempotency key when idempotency is on), in arrival order. */
  readonly messages: readonly FakeMessage[];
  /** Requests of any outcome, including refused and repeated ones. */
  requestCount(): number;
  /** Requests that repeated an idempotency key already taken (answered with the first result). */
  repeatedKeyCount(): number;
  /** The next requests get these answers, one each, in order. */
  script(...responses: ScriptedResponse[]): void;
  /** Every request to this address gets this answer (an invalid number, an unsubscribed recipient). */
  failFor(to: string, response: ScriptedResponse): void;
  /** Answers 429 above this many requests per second (0: no limit). */
  setRateLimit(perSecond: number): void;
  close(): Promise<void>;
}

interface Route {
  readonly match: (method: string, path: string) => boolean;
  readonly prefix: string;
  readonly parse: (raw: string) => Record<string, unknown>;
  readonly addressOf: (body: Record<string, unknown>) => { to: string; from: string };
  readonly answer: (id: string, body: Record<string, unknown>) => Record<string, unknown>;
  readonly error: (status: number, code: number | undefined, message: string) => Record<string, unknown>;
}

const readBody = (request: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });

function startFake(
  routes: readonly Route[],
  authorize: (request: IncomingMessage) => boolean,
  idempotencyHeader: string,
  options: FakeProviderOptions,
): Promise<FakeProvider> {
  const idempotency = options.idempotency ?? true;
  const keepBodies = options.keepBodies ?? true;
  const messages: FakeMessage[] = [];
  const answered = new Map<string, { status: number; body: string }>();
  const scripted: ScriptedResponse[] = [];
  const failures = new Map<string, ScriptedResponse>();
  const hung = new Set<ServerResponse>();
  let requests = 0;
  let repeated = 0;
  let ratePerSecond = 0;
  let windowStartMs = 0;
  let windowCount = 0;

  const send = (response: ServerResponse, status: number, body: string) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(body);
  };

  const server: Server = createServer(async (request, response) => {
    requests += 1;
    const raw = await readBody(request);
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    const route = routes.find((candidate) => candidate.match(request.method ?? "", path));
    if (!route) return send(response, 404, JSON.stringify({ message: `no route ${request.method} ${path}` }));
    if (!authorize(request)) return send(response, 401, JSON.stringify(route.error(401, 20003, "Authenticate")));
    const nowMs = Date.now();
    if (ratePerSecond > 0) {
      if (nowMs - windowStartMs >= 1_000) {
        windowStartMs = nowMs;
        windowCount = 0;
      }
      windowCount += 1;
      if (windowCount > ratePerSecond) {
        return send(response, 429, JSON.stringify(route.error(429, 20429, "Too Many Requests")));
      }
    }
    const key = request.headers[idempotencyHeader] as string | undefined;
    if (idempotency && key) {
      const previous = answered.get(key);
      if (previous) {
        repeated += 1;
        return send(response, previous.status, previous.body);
      }
    }
    const body = route.parse(raw);
    const { to, from } = route.addressOf(body);
    const outcome = failures.get(to) ?? scripted.shift();
    if (outcome && "status" in outcome) {
      return send(
        response,
        outcome.status,
        JSON.stringify(route.error(outcome.status, outcome.code, outcome.message ?? "scripted failure")),
      );
    }
    const id = `${route.prefix}${randomBytes(16).toString("hex")}`;
    messages.push({
      id,
      path,
      idempotencyKey: key,
      to,
      from,
      body: keepBodies ? body : {},
      receivedAtMs: nowMs,
    });
    const answer = { status: route.prefix === "" ? 200 : 201, body: JSON.stringify(route.answer(id, body)) };
    if (idempotency && key) answered.set(key, answer);
    if (outcome && "hang" in outcome) {
      hung.add(response);
      return;
    }
    send(response, answer.status, answer.body);
  });
  server.keepAliveTimeout = 60_000;

  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        messages,
        requestCount: () => requests,
        repeatedKeyCount: () => repeated,
        script: (...responses) => {
          scripted.push(...responses);
        },
        failFor: (to, response) => {
          failures.set(to, response);
        },
        setRateLimit: (perSecond) => {
          ratePerSecond = perSecond;
        },
        close: () =>
          new Promise<void>((done) => {
            for (const response of hung) response.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

export const fakeResendApiKey = "re_fake_0123456789abcdef";

/**
 * A small Resend: `POST /emails` with a bearer key, `Idempotency-Key` honoured for 24 hours as Resend does (here:
 * for the fake's life), errors in Resend's shape (`{ statusCode, name, message }`). The real SDK points at it with
 * `new Resend(key, { baseUrl })`.
 */
export function startFakeResend(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const names: Record<number, string> = {
    400: "validation_error",
    422: "validation_error",
    429: "rate_limit_exceeded",
  };
  return startFake(
    [
      {
        match: (method, path) => method === "POST" && path === "/emails",
        prefix: "",
        parse: (raw) => JSON.parse(raw) as Record<string, unknown>,
        addressOf: (body) => ({
          to: Array.isArray(body.to) ? String(body.to[0]) : String(body.to),
          from: String(body.from),
        }),
        answer: (id) => ({ id }),
        error: (status, _code, message) => ({
          statusCode: status,
          name: names[status] ?? (status >= 500 ? "internal_server_error" : "application_error"),
          message,
        }),
      },
    ],
    (request) => request.headers.authorization === `Bearer ${fakeResendApiKey}`,
    "idempotency-key",
    options,
  );
}

export const fakeTwilioAccountSid = `AC${"0".repeat(31)}1`;
export const fakeTwilioAuthToken = "fake_twilio_auth_token_0123456789";

/**
 * A small Twilio REST API: Messages and Calls under `/2010-04-01/Accounts/<sid>/`, form bodies, basic auth, errors in
 * Twilio's shape (`{ code, message, more_info, status }`), `I-Twilio-Idempotency-Token` honoured. The real SDK
 * points at it through `RebasedTwilioRequestClient`.
 */
export function startFakeTwilio(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const form = (raw: string) => Object.fromEntries(new URLSearchParams(raw)) as Record<string, unknown>;
  const error = (status: number, code: number | undefined, message: string) => ({
    code: code ?? status * 100,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code ?? status * 100}`,
    status,
  });
  const base = `/2010-04-01/Accounts/${fakeTwilioAccountSid}`;
  return startFake(
    [
      {
        match: (method, path) => method === "POST" && path === `${base}/Messages.json`,
        prefix: "SM",
        parse: form,
        addressOf: (body) => ({ to: String(body.To), from: String(body.From) }),
        answer: (sid, body) => ({
          sid,
          account_sid: fakeTwilioAccountSid,
          to: body.To,
          from: body.From,
          body: body.Body,
          status: "queued",
          num_segments: "1",
          date_created: new Date().toUTCString(),
        }),
        error,
      },
      {
        match: (method, path) => method === "POST" && path === `${base}/Calls.json`,
        prefix: "CA",
        parse: form,
        addressOf: (body) => ({ to: String(body.To), from: String(body.From) }),
        answer: (sid, body) => ({
          sid,
          account_sid: fakeTwilioAccountSid,
          to: body.To,
          from: body.From,
          status: "queued",
          date_created: new Date().toUTCString(),
        }),
        error,
      },
    ],
    (request) =>
      request.headers.authorization ===
      `Basic ${Buffer.from(`${fakeTwilioAccountSid}:${fakeTwilioAuthToken}`).toString("base64")}`,
    "i-twilio-idempotency-token",
    options,
  );
}

/**
 * X-Twilio-Signature as Twilio computes it (https://www.twilio.com/docs/usage/webhooks/webhooks-security): HMAC-SHA1
 * with the auth token over the URL followed by each form parameter's name and value, sorted by name; base64.
 */
export function signTwilioWebhook(authToken: string, url: string, params: Readonly<Record<string, string>>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((text, name) => text + name + params[name], url);
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}
