import { createHash } from "node:crypto";
import type { Subject } from "@ballot/contracts";
import { TransientError } from "@ballot/runtime";
import type { JetStreamClient } from "@nats-io/jetstream";
import type { z } from "zod";

export interface PublishOutcome {
  readonly duplicate: boolean;
  readonly sequence: number;
}

/** A message id derived from the content, so that a re-sent record is dropped by the stream's duplicate window. */
export function contentMessageId(...parts: readonly string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("base64url").slice(0, 32);
}

const encoder = new TextEncoder();

export class JetStreamPublisher {
  readonly #js: JetStreamClient;
  constructor(js: JetStreamClient) {
    this.#js = js;
  }

  /** Publishes one typed payload with its message id and waits for the stream's acknowledgement. */
  async publish<Schema extends z.ZodType>(
    subject: Subject<Schema>,
    payload: z.input<Schema>,
    msgId: string,
  ): Promise<PublishOutcome> {
    try {
      const ack = await this.#js.publish(subject.name, encoder.encode(JSON.stringify(payload)), { msgID: msgId });
      return { duplicate: ack.duplicate, sequence: ack.seq };
    } catch (error) {
      throw new TransientError("JetStream did not acknowledge a publish", {
        cause: error,
        context: { subject: subject.name },
      });
    }
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
