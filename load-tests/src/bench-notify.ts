// pnpm bench:notify [--ballots N] [--sms-every N] [--notifiers N] [--concurrency N] [--steady-share S]
//                   [--steady-rate R] [--rate-limits] [--json]
//
// Starts nats-server and redis-server of its own, fake Resend and Twilio servers (the real SDKs talk to them over
// HTTP), and the notifier as its own process(es), as in production. Subscribes N voters (200,000 by default; every
// one by email, every `--sms-every`-th also by SMS), publishes one `ballot.status.changed` per ballot, and waits
// until every message has reached a fake provider: first a share of them (--steady-share, 20%) at a steady rate
// (--steady-rate, 1,000 changes/s) for the latency of one event, then the rest at once for throughput. Prints
// messages/s (burst: from its first publish to its last message taken), duplicates (messages a provider took twice for one (ballot, milestone, channel); must be 0: the fakes run
// with their idempotency off, so only the notifier's own dedupe prevents them) and the event-to-send latency (publish
// to the provider's receipt, p50 and p99 of the steady phase; the burst's says how long its queue was). Provider rate limits are off unless --rate-limits. --json prints one object.
import { randomBytes } from "node:crypto";
import {
  connectJetStream,
  connectRedis,
  contentMessageId,
  ensureStreams,
  JetStreamPublisher,
  RedisNotificationLog,
  RedisSubscriptionStore,
} from "@ballot/adapters";
import { type BallotStatusChanged, createCatalog, createRedisKeys } from "@ballot/contracts";
import {
  type LocalServer,
  type ServiceProcess,
  startNatsServer,
  startRedisServer,
  startService,
} from "@ballot/local-stack";
import { services } from "@ballot/local-stack/paths";
import {
  type FakeProvider,
  fakeResendApiKey,
  fakeTwilioAccountSid,
  fakeTwilioAuthToken,
  startFakeResend,
  startFakeTwilio,
} from "@ballot/testing/fake-providers";
import { benchArgs } from "./bench-support.ts";

const targetMessagesPerSecond = 2_000;
const namespace = "bnotify";
const county = "06999";

const args = benchArgs(import.meta.url, {
  ballots: { type: "string", default: "200000" },
  "sms-every": { type: "string", default: "5" },
  notifiers: { type: "string", default: "1" },
  concurrency: { type: "string", default: "512" },
  "rate-limits": { type: "boolean", default: false },
  "steady-share": { type: "string", default: "0.2" },
  "steady-rate": { type: "string", default: "1000" },
  json: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
});
if (args.help) {
  process.stdout.write(`pnpm bench:notify [-- options]

Status changes for N subscribed ballots through the notifier (its own process) to fake Resend and Twilio servers.

  --ballots N        subscribed ballots, one status change each (default 200000)
  --sms-every N      every Nth voter also gets an SMS; 0: email only (default 5)
  --notifiers N      notifier processes sharing the consumer (default 1)
  --concurrency N    messages in flight per notifier (default 512)
  --steady-share S   share of the ballots sent at a steady rate first, for latency (default 0.2)
  --steady-rate R    status changes per second in the steady phase (default 1000)
  --rate-limits      turn the notifier's provider rate limits on (100 emails/s, 30 texts/s)
  --json             print one JSON object
`);
  process.exit(0);
}
const whole = (name: string, text: string | undefined, min = 1): number => {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}`);
  return value;
};
const ballots = whole("ballots", args.ballots);
const smsEvery = whole("sms-every", args["sms-every"], 0);
const notifiers = whole("notifiers", args.notifiers);
const concurrency = whole("concurrency", args.concurrency);
const steadyRate = whole("steady-rate", args["steady-rate"]);
const steadyShare = Number(args["steady-share"]);
if (!(steadyShare >= 0 && steadyShare <= 1)) throw new Error("--steady-share must be from 0 to 1");

const say = (line: string) => process.stderr.write(`[bench:notify] ${line}\n`);
const count = (value: number) => Math.round(value).toLocaleString("en-US");
const percentile = (sorted: readonly number[], share: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;

const ballotKeyOf = (index: number) => `314159:${String(100_000_000 + index)}`;
const voterIdOf = (index: number) => `BV${String(index).padStart(7, "0")}`;
const hasSms = (index: number) => smsEvery > 0 && index % smsEvery === 0;
const expectedMessages = ballots + (smsEvery > 0 ? Math.ceil(ballots / smsEvery) : 0);

const started: { stop(): Promise<void> }[] = [];
const stopAll = async () => {
  for (const item of started.splice(0).reverse()) await item.stop().catch(() => {});
};
process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));

async function main() {
  say(`${count(ballots)} ballots, ${count(expectedMessages)} messages expected, ${notifiers} notifier process(es)`);
  const nats: LocalServer = await startNatsServer();
  started.push(nats);
  const redisServer: LocalServer = await startRedisServer();
  started.push(redisServer);
  const resend: FakeProvider = await startFakeResend({ idempotency: false, keepBodies: false });
  const twilio: FakeProvider = await startFakeTwilio({ idempotency: false, keepBodies: false });
  started.push({ stop: () => resend.close() }, { stop: () => twilio.close() });

  const catalog = createCatalog(namespace);
  const keys = createRedisKeys(namespace);
  const jetstream = await connectJetStream(nats.url, "bench-notify");
  started.push({ stop: () => jetstream.close() });
  await ensureStreams(jetstream.jsm, Object.values(catalog.streams));
  const redis = connectRedis(redisServer.url, "bench-notify");
  started.push({ stop: async () => void (await redis.quit()) });

  const subscribeStartMs = Date.now();
  const store = new RedisSubscriptionStore(redis, keys);
  for (let start = 0; start < ballots; start += 2_000) {
    const batch = [];
    for (let index = start; index < Math.min(ballots, start + 2_000); index += 1) {
      const base = { consent: "confirmed", source: "voter", updatedAtMs: 0 } as const;
      batch.push(
        store.save({
          voterId: voterIdOf(index),
          language: index % 3 === 0 ? "es" : "en",
          channels: [
            { ...base, channel: "email", address: `${voterIdOf(index).toLowerCase()}@voter.example` },
            ...(hasSms(index)
              ? [{ ...base, channel: "sms" as const, address: `+1555${String(index).padStart(7, "0")}` }]
              : []),
          ],
        }),
      );
    }
    await Promise.all(batch);
  }
  say(`subscribed ${count(ballots)} voters in ${((Date.now() - subscribeStartMs) / 1000).toFixed(1)} s`);

  const env: Record<string, string> = {
    NATS_URL: nats.url,
    REDIS_URL: redisServer.url,
    NAMESPACE: namespace,
    LOG_LEVEL: "warn",
    NOTIFIER_COUNTIES: JSON.stringify({
      [county]: {
        name: "Bench County",
        smsName: "Bench Co",
        phone: "(555) 555-0100",
        trackUrl: "https://vote.bench.example/track",
        cureFormUrl: "https://vote.bench.example/cure",
        emailFrom: "ballots@bench.example",
        smsFrom: "+15555550100",
        // Quiet hours off: the bench measures sending, not waiting for the morning.
        contactWindow: "00:00-24:00",
      },
    }),
    NOTIFIER_LINK_SECRET: randomBytes(32).toString("base64url"),
    NOTIFIER_PORT: "0",
    RESEND_API_KEY: fakeResendApiKey,
    RESEND_BASE_URL: resend.url,
    TWILIO_ACCOUNT_SID: fakeTwilioAccountSid,
    TWILIO_AUTH_TOKEN: fakeTwilioAuthToken,
    TWILIO_BASE_URL: twilio.url,
    NOTIFIER_EMAIL_PER_SECOND: args["rate-limits"] ? "100" : "0",
    NOTIFIER_SMS_PER_SECOND: args["rate-limits"] ? "30" : "0",
    NOTIFIER_VOICE_PER_SECOND: "0",
    NOTIFIER_CONCURRENCY: String(concurrency),
    NOTIFIER_BATCH_SIZE: String(Math.min(1_024, concurrency * 2)),
    NOTIFIER_RETRY_DELAYS_MS: "250,1000",
    // A larger young generation: the notifier allocates per message, and scavenges were a sixth of its CPU. As the
    // notifier's README recommends for production; BENCH_NODE_OPTIONS replaces it (e.g. to profile).
    NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? "--max-semi-space-size=64",
  };
  const processes: ServiceProcess[] = [];
  for (let index = 0; index < notifiers; index += 1) {
    const notifier = await startService({ name: `notifier-${index}`, ...services.notifier, env });
    processes.push(notifier);
    started.push({ stop: () => notifier.stop() });
  }
  say(`notifier ready (providers: fake Resend ${resend.url}, fake Twilio ${twilio.url})`);

  const publishedAtMs = new Float64Array(ballots);
  const publisher = new JetStreamPublisher(jetstream);
  const occurredAt = new Date().toISOString();
  const sentCount = () => resend.messages.length + twilio.messages.length;
  let lastProgressMs = Date.now();
  let lastProgressCount = 0;
  const progressTimer = setInterval(() => {
    const nowMs = Date.now();
    if (nowMs - lastProgressMs < 2_000) return;
    const sent = sentCount();
    say(
      `${count(sent)}/${count(expectedMessages)} messages sent, ` +
        `${count(((sent - lastProgressCount) * 1000) / (nowMs - lastProgressMs))}/s now`,
    );
    lastProgressMs = nowMs;
    lastProgressCount = sent;
  }, 500);
  const publishRange = async (from: number, to: number) => {
    const items = [];
    for (let index = from; index < to; index += 1) {
      const change: BallotStatusChanged = {
        ballotKey: ballotKeyOf(index),
        ballotId: `BB${index}`,
        voterId: voterIdOf(index),
        county,
        electionId: "2026-11-03-general",
        from: "in_transit",
        to: "delivered",
        occurredAt,
        asOf: occurredAt,
      };
      items.push({ payload: change, msgId: contentMessageId(change.ballotKey, change.to) });
    }
    const atMs = Date.now();
    for (let index = from; index < to; index += 1) publishedAtMs[index] = atMs;
    await publisher.publishAll(catalog.subjects.statusChanged, items);
  };
  const messagesOf = (from: number, to: number) =>
    to - from + (smsEvery > 0 ? Array.from({ length: to - from }, (_, k) => from + k).filter(hasSms).length : 0);
  const waitForSent = async (total: number) => {
    let lastCount = -1;
    let lastChangeMs = Date.now();
    while (sentCount() < total) {
      if (sentCount() !== lastCount) {
        lastCount = sentCount();
        lastChangeMs = Date.now();
      } else if (Date.now() - lastChangeMs > 30_000) {
        throw new Error(`stalled at ${count(lastCount)} of ${count(total)} messages for 30 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  // Phase 1, steady: status changes at a rate the notifier keeps up with, for the latency of one event.
  const steadyEnd = Math.min(ballots, Math.round(ballots * steadyShare));
  const steadyStartMs = Date.now();
  const tickMs = 50;
  const perTick = Math.max(1, Math.round((steadyRate * tickMs) / 1000));
  for (let start = 0; start < steadyEnd; start += perTick) {
    await publishRange(start, Math.min(steadyEnd, start + perTick));
    const dueMs = steadyStartMs + ((start + perTick) / steadyRate) * 1000;
    if (dueMs > Date.now()) await new Promise((resolve) => setTimeout(resolve, dueMs - Date.now()));
  }
  await waitForSent(messagesOf(0, steadyEnd));
  say(`steady phase: ${count(steadyEnd)} status changes at ${count(steadyRate)}/s, all sent`);

  // Phase 2, burst: the rest as fast as JetStream takes them, for throughput.
  const burstStartMs = Date.now();
  for (let start = steadyEnd; start < ballots; start += 512) await publishRange(start, Math.min(ballots, start + 512));
  say(
    `burst phase: published ${count(ballots - steadyEnd)} status changes in ${((Date.now() - burstStartMs) / 1000).toFixed(1)} s`,
  );
  await waitForSent(expectedMessages);
  clearInterval(progressTimer);
  const messages = [...resend.messages, ...twilio.messages];
  const indexOf = (key: string) => Number(key.split(":")[1]) - 100_000_000;
  const burstMessages = messages.filter((message) => indexOf(message.idempotencyKey ?? "") >= steadyEnd);
  const lastSendMs = burstMessages.reduce((latest, message) => Math.max(latest, message.receivedAtMs), burstStartMs);
  const elapsedS = (lastSendMs - burstStartMs) / 1000;

  // Let redeliveries, if any, arrive before counting duplicates: the consumer must be drained.
  const drainDeadlineMs = Date.now() + 30_000;
  for (;;) {
    const info = await jetstream.jsm.consumers.info(
      catalog.consumers.notifier.stream,
      catalog.consumers.notifier.durable,
    );
    if (info.num_pending === 0 && info.num_ack_pending === 0) break;
    if (Date.now() > drainDeadlineMs) throw new Error("the notifier did not drain its consumer within 30 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const keysSeen = new Set<string>();
  let duplicates = 0;
  const steadyLatenciesMs: number[] = [];
  const burstLatenciesMs: number[] = [];
  for (const message of [...resend.messages, ...twilio.messages]) {
    const key = message.idempotencyKey ?? message.id;
    if (keysSeen.has(key)) duplicates += 1;
    keysSeen.add(key);
    const index = indexOf(key);
    const latencyMs = message.receivedAtMs - (publishedAtMs[index] ?? message.receivedAtMs);
    (index < steadyEnd ? steadyLatenciesMs : burstLatenciesMs).push(latencyMs);
  }
  steadyLatenciesMs.sort((a, b) => a - b);
  burstLatenciesMs.sort((a, b) => a - b);
  const log = new RedisNotificationLog(redis, keys);
  const sampleRecord = await log.get(`${ballotKeyOf(0)}:delivered:email`);

  const result = {
    tool: "node (bench-notify.ts): fake Resend and Twilio over HTTP, real SDKs, real nats-server and redis-server",
    ballots,
    messages: messages.length,
    expectedMessages,
    notifierProcesses: notifiers,
    concurrency,
    rateLimits: args["rate-limits"],
    steadyStatusChanges: steadyEnd,
    steadyRatePerSecond: steadyRate,
    burstStatusChanges: ballots - steadyEnd,
    burstMessages: burstMessages.length,
    elapsedS: Math.round(elapsedS * 10) / 10,
    messagesPerSecond: Math.round(burstMessages.length / elapsedS),
    targetMessagesPerSecond,
    duplicates,
    providerRequests: resend.requestCount() + twilio.requestCount(),
    latencyP50Ms: percentile(steadyLatenciesMs, 0.5),
    latencyP99Ms: percentile(steadyLatenciesMs, 0.99),
    burstLatencyP99Ms: percentile(burstLatenciesMs, 0.99),
    sampleRecordState: sampleRecord?.state,
  };
  if (args.json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } else {
    process.stdout.write(
      [
        `messages:      ${count(result.messages)} of ${count(expectedMessages)} (${count(ballots)} ballots, every ${smsEvery || "no"}th also by SMS)`,
        `throughput:    ${count(result.messagesPerSecond)} messages/s over ${result.elapsedS} s of burst (target ${count(targetMessagesPerSecond)}/s, rate limits ${result.rateLimits ? "on" : "off"})`,
        `duplicates:    ${result.duplicates}`,
        `event-to-send: p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms at a steady ${count(steadyRate)} changes/s (in the burst, p99 ${count(result.burstLatencyP99Ms)} ms: queueing)`,
        `requests:      ${count(result.providerRequests)} to the fake providers`,
        "",
      ].join("\n"),
    );
  }
  return result;
}

try {
  const result = await main();
  await stopAll();
  process.exit(result.duplicates === 0 ? 0 : 1);
} catch (error) {
  say(`failed: ${error instanceof Error ? error.message : String(error)}`);
  await stopAll();
  process.exit(1);
}
