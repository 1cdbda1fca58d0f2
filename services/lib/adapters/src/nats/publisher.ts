import { createHash } from "node:crypto";
import type { Subject } from "@ballot/contracts";
import { TransientError } from "@ballot/runtime";
import { createInbox, headers, type NatsConnection } from "@nats-io/transport-node";
import type { z } from "zod";

export interface PublishOutcome {
  readonly duplicate: boolean;
  readonly sequence: number;
}

/**
 * A message id derived from the content, so that a re-sent record is dropped by the stream's duplicate window: the
 * SHA-256 of the parts, each followed by a NUL. Hashed as one string (one native call, where a chunk's id has hundreds
 * of parts); the bytes are those of the parts one after the other, since every part ends at a NUL.
 */
export function contentMessageId(...parts: readonly string[]): string {
  const text = parts.length === 0 ? "" : `${parts.join("\u0000")}\u0000`;
  return createHash("sha256").update(text).digest("base64url").slice(0, 32);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** How long a publish waits for the stream's acknowledgement (what nats.js's JetStream client waits, too). */
const defaultAckTimeoutMs = 5_000;

interface PendingAck {
  readonly subject: string;
  readonly deadlineMs: number;
  readonly resolve: (outcome: PublishOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/** What a stream answers to a publish: `{stream, seq, duplicate?}`, or `{error: {code, description}}`. */
interface PubAckJson {
  readonly stream?: string;
  readonly seq?: number;
  readonly duplicate?: boolean;
  readonly error?: { readonly code?: number; readonly description?: string };
}

/**
 * Publishes to JetStream and waits for each acknowledgement, over one connection: the message goes out as a plain
 * publish whose reply subject is this publisher's inbox plus a counter, and one subscription on that inbox settles
 * the waiting publishes, with one timer for all of their deadlines. It is what `js.publish` does, without a request
 * object, a timer and a "cancelled" error with its stack built for every message: the tracker publishes a status
 * change for about every second scan, and nats.js's request machinery cost more CPU than the publish.
 */
export class JetStreamPublisher {
  readonly #nc: NatsConnection;
  readonly #inbox: string;
  readonly #ackTimeoutMs: number;
  readonly #pending = new Map<number, PendingAck>();
  #subscribed = false;
  #sweeper: ReturnType<typeof setInterval> | undefined;
  #next = 0;

  constructor(connection: { readonly nc: NatsConnection }, { ackTimeoutMs = defaultAckTimeoutMs } = {}) {
    this.#nc = connection.nc;
    this.#inbox = createInbox();
    this.#ackTimeoutMs = ackTimeoutMs;
  }

  /** Publishes one typed payload with its message id and waits for the stream's acknowledgement. */
  publish<Schema extends z.ZodType>(
    subject: Subject<Schema>,
    payload: z.input<Schema>,
    msgId: string,
  ): Promise<PublishOutcome> {
    return new Promise<PublishOutcome>((resolve, reject) => {
      this.#listen();
      const id = this.#next++;
      this.#pending.set(id, { subject: subject.name, deadlineMs: Date.now() + this.#ackTimeoutMs, resolve, reject });
      const header = headers();
      header.set("Nats-Msg-Id", msgId);
      try {
        this.#nc.publish(subject.name, encoder.encode(JSON.stringify(payload)), {
          reply: `${this.#inbox}.${id}`,
          headers: header,
        });
      } catch (error) {
        this.#settle(id, error);
      }
    });
  }

  /** Subscribes to the inbox and starts the deadline timer, at the first publish. */
  #listen(): void {
    if (this.#subscribed) return;
    this.#subscribed = true;
    this.#nc.subscribe(`${this.#inbox}.*`, {
      callback: (error, msg) => {
        if (error) {
          for (const id of [...this.#pending.keys()]) this.#settle(id, error);
          return;
        }
        const id = Number(msg.subject.slice(this.#inbox.length + 1));
        if (msg.headers?.hasError) {
          const status = msg.headers.code;
          this.#settle(
            id,
            new Error(
              status === 503
                ? "no stream takes this subject (no responders)"
                : `JetStream answered ${status} ${msg.headers.description}`,
            ),
          );
          return;
        }
        let ack: PubAckJson;
        try {
          ack = JSON.parse(decoder.decode(msg.data)) as PubAckJson;
        } catch (parseError) {
          this.#settle(id, new Error("JetStream's acknowledgement is not JSON", { cause: parseError }));
          return;
        }
        if (ack.error) this.#settle(id, new Error(`JetStream refused it: ${ack.error.description ?? "no reason"}`));
        else if (!ack.stream || ack.seq === undefined) this.#settle(id, new Error("invalid acknowledgement"));
        else this.#settle(id, undefined, { duplicate: ack.duplicate === true, sequence: ack.seq });
      },
    });
    const sweepMs = Math.max(10, Math.min(500, this.#ackTimeoutMs / 4));
    this.#sweeper = setInterval(() => {
      const now = Date.now();
      for (const [id, pending] of this.#pending) {
        if (pending.deadlineMs <= now) this.#settle(id, new Error(`no acknowledgement in ${this.#ackTimeoutMs} ms`));
      }
    }, sweepMs);
    this.#sweeper.unref();
  }

  #settle(id: number, error: unknown, outcome?: PublishOutcome): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (outcome) pending.resolve(outcome);
    else
      pending.reject(
        new TransientError("JetStream did not acknowledge a publish", {
          cause: error,
          context: { subject: pending.subject },
        }),
      );
  }

  /**
   * Publishes many messages with their acknowledgements in flight together (one round trip per window rather than
   * per message), and returns each outcome in order.
   */
  async publishAll<Schema extends z.ZodType>(
    subject: Subject<Schema>,
    items: readonly { readonly payload: z.input<Schema>; readonly msgId: string }[],
    windowSize = 512,
  ): Promise<PublishOutcome[]> {
    const outcomes: PublishOutcome[] = [];
    for (let start = 0; start < items.length; start += windowSize) {
      const window = items.slice(start, start + windowSize);
      outcomes.push(...(await Promise.all(window.map((item) => this.publish(subject, item.payload, item.msgId)))));
    }
    return outcomes;
  }
}
