import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmailSender, OutgoingMessage, SendReceipt, SmsSender, VoiceSender } from "./types.ts";

/** A file name for a message id: readable, and the same for every attempt, so a retry does not write twice. */
export const outboxFileOf = (messageId: string): string => `${messageId.replace(/[^A-Za-z0-9_.-]+/g, "_")}.json`;

/**
 * Without provider credentials, messages go to a folder a person can read: one JSON file per message, named by the
 * message id and written only if absent (the outbox's idempotency key).
 */
export class OutboxSender implements EmailSender, SmsSender, VoiceSender {
  readonly provider = "outbox";
  readonly #dir: string;
  #ready: Promise<unknown> | undefined;
  constructor(dir: string) {
    this.#dir = dir;
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    this.#ready ??= mkdir(this.#dir, { recursive: true });
    await this.#ready;
    const file = outboxFileOf(message.idempotencyKey);
    const { idempotencyKey: _key, ...content } = message;
    try {
      await writeFile(
        join(this.#dir, file),
        `${JSON.stringify({ ...content, writtenAt: new Date().toISOString() }, null, 2)}\n`,
        {
          flag: "wx",
        },
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    return { provider: this.provider, providerMessageId: file };
  }
}
