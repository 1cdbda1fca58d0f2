// Shared by the notifier's integration tests: one notifier in-process, wired as main.ts wires it, against fake
// Resend and Twilio servers that the real SDKs talk to over HTTP.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { contentMessageId, ensureDurableConsumer, JetStreamPublisher, serveHttp } from "@ballot/adapters";
import { signSvixPayload } from "@ballot/adapters/notifications";
import type { BallotAlert, BallotStatusChanged } from "@ballot/contracts";
import type { Subscription } from "@ballot/core";
import { createLogger, parseEnv } from "@ballot/runtime";
import {
  type FakeProvider,
  fakeResendApiKey,
  fakeTwilioAccountSid,
  fakeTwilioAuthToken,
  isConsumerDrained,
  startFakeResend,
  startFakeTwilio,
  type TestNamespace,
} from "@ballot/testing";
import { notifierEnvSchema } from "./env.ts";
import { createNotifierApp } from "./http/app.ts";
import { notifierConsumerSpec, startNotifier } from "./wiring.ts";

const log = createLogger({ name: "notifier-test", level: process.env.TEST_LOG_LEVEL ?? "silent" });

/** The service's logger (with its redaction), writing into `lines`. */
function collectingLogger(lines: string[]) {
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(
        ...chunk
          .toString("utf8")
          .split("\n")
          .filter((line) => line !== ""),
      );
      done();
    },
  });
  return createLogger({ name: "notifier-test", level: "debug", destination });
}

export const sampleCounties = {
  "06999": {
    name: "Sample County",
    smsName: "Sample Co",
    phone: "(555) 555-0100",
    timeZone: "America/Los_Angeles",
    trackUrl: "https://vote.sample.example/track",
    cureFormUrl: "https://vote.sample.example/cure",
    emailFrom: "ballots@sample.example",
    smsFrom: "+15555550100",
    contactWindow: "00:00-24:00",
    autoEnroll: true,
  },
  "36061": {
    name: "New York County",
    smsName: "NY County",
    phone: "(555) 555-0200",
    timeZone: "America/New_York",
    trackUrl: "https://vote.ny.example/track",
    cureFormUrl: "https://vote.ny.example/cure",
    emailFrom: "ballots@ny.example",
    smsFrom: "+15555550200",
    contactWindow: "08:00-21:00",
  },
};

export const webhookSecret = `whsec_${randomBytes(24).toString("base64")}`;

export interface NotifierHarness {
  readonly resend: FakeProvider;
  readonly twilio: FakeProvider;
  readonly notifier: Awaited<ReturnType<typeof startNotifier>>;
  /** The notifier's HTTP server (webhooks, links). */
  readonly url: string;
  /** Environment for a notifier process pointed at the same servers and fakes. */
  readonly env: Record<string, string>;
  stop(): Promise<void>;
}

export async function startHarness(
  ns: TestNamespace,
  options: {
    readonly counties?: Record<string, unknown>;
    readonly now?: () => number;
    readonly env?: Record<string, string>;
    /** Collects every log line (level debug) here, to check what the logs hold. */
    readonly logLines?: string[];
  } = {},
): Promise<NotifierHarness> {
  const resend = await startFakeResend();
  const twilio = await startFakeTwilio();
  const env = notifierTestEnv(ns, resend, twilio, options);
  // The HTTP server first, so that the links in messages can point at it.
  let app: ReturnType<typeof createNotifierApp> | undefined;
  const server = await serveHttp({
    fetch: (request, bindings) => (app ? app.fetch(request, bindings) : new Response("starting", { status: 503 })),
  });
  env.NOTIFIER_LINK_BASE_URL ??= server.url;
  const parsed = parseEnv(notifierEnvSchema, env);
  await ensureDurableConsumer(ns.jetstream.jsm, notifierConsumerSpec(ns.catalog, parsed));
  const notifier = await startNotifier({
    env: parsed,
    catalog: ns.catalog,
    keys: ns.keys,
    redis: ns.redis,
    nats: ns.jetstream,
    log: options.logLines ? collectingLogger(options.logLines) : log,
    ...(options.now ? { now: options.now } : {}),
  });
  app = createNotifierApp({ handlers: notifier.handlers, now: options.now ?? Date.now });
  return {
    resend,
    twilio,
    notifier,
    url: server.url,
    env,
    async stop() {
      await notifier.stop();
      await server.close();
      await resend.close();
      await twilio.close();
    },
  };
}

/** The environment of a notifier pointed at the namespace's servers and at the fake providers. */
export function notifierTestEnv(
  ns: TestNamespace,
  resend: FakeProvider,
  twilio: FakeProvider,
  options: { readonly counties?: Record<string, unknown>; readonly env?: Record<string, string> } = {},
): Record<string, string> {
  return {
    ...ns.env,
    NOTIFIER_COUNTIES: JSON.stringify(options.counties ?? sampleCounties),
    NOTIFIER_LINK_SECRET: "a-test-link-secret-of-at-least-32-characters",
    NOTIFIER_PORT: "0",
    RESEND_API_KEY: fakeResendApiKey,
    RESEND_BASE_URL: resend.url,
    RESEND_WEBHOOK_SECRET: webhookSecret,
    TWILIO_ACCOUNT_SID: fakeTwilioAccountSid,
    TWILIO_AUTH_TOKEN: fakeTwilioAuthToken,
    TWILIO_BASE_URL: twilio.url,
    NOTIFIER_EMAIL_PER_SECOND: "0",
    NOTIFIER_SMS_PER_SECOND: "0",
    NOTIFIER_VOICE_PER_SECOND: "0",
    NOTIFIER_RETRY_DELAYS_MS: "20",
    NOTIFIER_ACK_WAIT_MS: "5000",
    NOTIFIER_RELEASE_INTERVAL_MS: "20",
    ...options.env,
  };
}

let serial = 0;
/** A status change as the tracker publishes it, with its content-derived message id. */
export async function publishStatusChange(
  ns: TestNamespace,
  change: Partial<BallotStatusChanged> & Pick<BallotStatusChanged, "to">,
): Promise<BallotStatusChanged> {
  serial += 1;
  const full: BallotStatusChanged = {
    ballotKey: `314159:${String(serial).padStart(9, "0")}`,
    ballotId: `B${serial}`,
    voterId: "V1",
    county: "06999",
    electionId: "2026-11-03-general",
    from: null,
    occurredAt: "2026-10-10T18:00:00Z",
    asOf: "2026-10-10T18:00:00Z",
    ...change,
  };
  await new JetStreamPublisher(ns.jetstream).publish(
    ns.catalog.subjects.statusChanged,
    full,
    contentMessageId(full.ballotKey, full.to, full.occurredAt),
  );
  return full;
}

export const voter = (voterId: string, language: Subscription["language"], channels: Subscription["channels"]) =>
  ({ voterId, language, channels }) satisfies Subscription;

export const isNotifierDrained = (ns: TestNamespace) =>
  isConsumerDrained(ns.jetstream.jsm, ns.catalog.consumers.notifier.stream, ns.catalog.consumers.notifier.durable);

/** The dead letters the notifier has published, oldest first. */
export async function readNotifierDeadLetters(ns: TestNamespace): Promise<{ reason: string; raw: string }[]> {
  const stream = ns.catalog.streams.deadLetters.name;
  const info = await ns.jetstream.jsm.streams.info(stream);
  const letters: { reason: string; raw: string }[] = [];
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq += 1) {
    const message = await ns.jetstream.jsm.streams.getMessage(stream, { seq }).catch(() => undefined);
    if (message?.subject === ns.catalog.subjects.deadLetter("notifier").name) {
      letters.push(message.json<{ reason: string; raw: string }>());
    }
  }
  return letters;
}

/** An alert as the rules publish it. */
export async function publishAlert(ns: TestNamespace, alert: Partial<BallotAlert> & Pick<BallotAlert, "kind">) {
  serial += 1;
  const full: BallotAlert = {
    ballotKey: `314159:${String(serial).padStart(9, "0")}`,
    ballotId: `B${serial}`,
    voterId: "V1",
    county: "06999",
    electionId: "2026-11-03-general",
    raisedAt: "2026-10-27T16:00:00Z",
    ...alert,
  };
  await new JetStreamPublisher(ns.jetstream).publish(
    ns.catalog.subjects.alert,
    full,
    contentMessageId(full.ballotKey, full.kind, full.deadline ?? ""),
  );
  return full;
}

/** Posts a Twilio webhook form, signed when `signature` is given. */
export async function postTwilio(url: string, params: Record<string, string>, signature?: string) {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature ? { "x-twilio-signature": signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: response.status, body: await response.text() };
}

/** Posts a Resend webhook; its status. */
export async function postResend(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return response.status;
}

/** Svix signature headers for a Resend webhook body. */
export const svixHeaders = (secret: string, body: string, timestampS = Math.floor(Date.now() / 1000)) => ({
  "svix-id": "msg_2abc",
  "svix-timestamp": String(timestampS),
  "svix-signature": signSvixPayload(secret, "msg_2abc", timestampS, body),
});
