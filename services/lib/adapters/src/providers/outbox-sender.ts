import { randomBytes } from "node:crypto";
import { link, mkdir, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { EmailSender, OutgoingMessage, SendReceipt, SmsSender, VoiceSender } from "./types.ts";

/** A file name for a message id: readable, and the same for every attempt, so a retry does not write twice. */
export const outboxFileOf = (messageId: string): string => `${messageId.replace(/[^A-Za-z0-9_.-]+/g, "_")}.json`;

/**
 * Without provider credentials, messages go to a folder a person can read: one JSON file per message, named by the
 * message id and written only if absent (the outbox's idempotency key), whole or not at all.
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
    // Written aside, then linked into place: a reader never sees half a file, and link refuses to replace one.
    const temporary = join(this.#dir, `.${file}.${randomBytes(6).toString("hex")}.tmp`);
    await writeFile(temporary, `${JSON.stringify({ ...content, writtenAt: new Date().toISOString() }, null, 2)}\n`);
    try {
      await link(temporary, join(this.#dir, file));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await unlink(temporary);
    }
    return { provider: this.provider, providerMessageId: file };
  }
}
