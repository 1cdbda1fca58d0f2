import type { Subject } from "@ballot/contracts";
import { safeParseFast } from "@ballot/contracts/exact-check";
import { describeError, isTransientError, type Logger } from "@ballot/runtime";
import type { ConsumerMessages, JetStreamClient, JsMsg } from "@nats-io/jetstream";
import type { z } from "zod";
import type { JetStreamPublisher } from "./publisher.ts";

export interface ReceivedMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  readonly streamSequence: number;
  readonly deliveryCount: number;
}

export type MessageHandler = (message: ReceivedMessage, log: Logger) => Promise<void>;

export interface ConsumerLoopOptions {
  readonly js: JetStreamClient;
  readonly stream: string;
  readonly durable: string;
  readonly handler: MessageHandler;
  readonly log: Logger;
  /** Where messages that can never succeed go, with the reason and the raw payload. */
  readonly deadLetters: { readonly publisher: JetStreamPublisher; readonly subject: Subject };
  readonly maxMessages?: number;
  /**
   * Messages handled at once. Above 1, handlers must tolerate any order (the tracker's reducer does), since a later
   * message can finish before an earlier one.
   */
  readonly concurrency?: number;
  /** Retry delays for transient failures, by delivery attempt; the last one repeats. */
  readonly retryDelaysMs?: readonly number[];
  readonly now?: () => Date;
}

export interface ConsumerLoop {
  /** Stops pulling, lets the message in hand finish, and resolves when the loop has ended. */
  stop(): Promise<void>;
  /** Resolves when the loop ends (after stop, or when the consumer is gone). */
  readonly done: Promise<void>;
}

const decoder = new TextDecoder();

/**
 * The one place where outcomes become JetStream actions: success acks; a TransientError naks with backoff; any
 * other error (a permanent one, a bad payload) publishes a dead letter and terminates the message, so one bad
 * record never blocks the rest and nothing crashes the process.
 */
export async function startConsumerLoop(options: ConsumerLoopOptions): Promise<ConsumerLoop> {
  const { js, stream, durable, handler, log, deadLetters } = options;
  const retryDelaysMs = options.retryDelaysMs ?? [250, 1_000, 5_000, 15_000, 60_000];
  const now = options.now ?? (() => new Date());
  const consumer = await js.consumers.get(stream, durable);
  const messages: ConsumerMessages = await consumer.consume({ max_messages: options.maxMessages ?? 256 });

  const handleOne = async (msg: JsMsg): Promise<void> => {
    const message: ReceivedMessage = {
      subject: msg.subject,
      data: msg.data,
      streamSequence: msg.info.streamSequence,
      deliveryCount: msg.info.deliveryCount,
    };
    const messageLog = log.child({ subject: msg.subject, seq: msg.info.streamSequence });
    try {
      await handler(message, messageLog);
      msg.ack();
    } catch (error) {
      if (isTransientError(error)) {
        const delayMs = retryDelaysMs[Math.min(msg.info.deliveryCount - 1, retryDelaysMs.length - 1)] ?? 1_000;
        messageLog.warn({ err: error, delayMs, attempt: msg.info.deliveryCount }, "transient failure; will retry");
        msg.nak(delayMs);
        return;
      }
      messageLog.error({ err: error }, "message cannot be processed; dead-lettering it");
      try {
        await deadLetters.publisher.publish(
          deadLetters.subject,
          {
            source: `${stream}/${durable}`,
            reason: describeError(error),
            raw: decoder.decode(msg.data),
            receivedAt: now().toISOString(),
          },
          `${stream}:${msg.info.streamSequence}`,
        );
        // No reason text: nats-server 2.9 ignores "+TERM <reason>" and would redeliver; the reason is in the letter.
        msg.term();
      } catch (deadLetterError) {
        // Not dead-lettered, so not terminated: it will come back rather than be lost.
        messageLog.error({ err: deadLetterError }, "dead-letter publish failed; leaving the message for redelivery");
        msg.nak(retryDelaysMs.at(-1) ?? 1_000);
      }
    }
  };

  const concurrency = options.concurrency ?? 1;
  const inFlight = new Set<Promise<void>>();
  const done = (async () => {
    for await (const msg of messages) {
      const work = handleOne(msg).finally(() => inFlight.delete(work));
      inFlight.add(work);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  })();

  return {
    done,
    async stop() {
      await messages.close();
      await done;
    },
  };
}

/** Parses a message body as JSON and checks it against the subject's schema; a mismatch is a permanent error. */
export function parseMessage<Schema extends z.ZodType>(subject: Subject<Schema>, data: Uint8Array): z.infer<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(decoder.decode(data));
  } catch (error) {
    throw new Error(`message on ${subject.name} is not JSON`, { cause: error });
  }
  const parsed = safeParseFast(subject.schema, json);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`message on ${subject.name} does not match its schema: ${where}`);
  }
  return parsed.data;
}
