import { setTimeout as sleep } from "node:timers/promises";
import type { MessageSender, OutgoingMessage, SendReceipt } from "./types.ts";

/**
 * Spaces calls to at most `perSecond` (0: no limit) in this process, so a provider's rate limit is met rather than
 * hit; what still comes back as 429 is retried with backoff.
 */
export function rateLimited<Message extends OutgoingMessage>(
  sender: MessageSender<Message>,
  perSecond: number,
  now: () => number = Date.now,
): MessageSender<Message> {
  if (perSecond <= 0) return sender;
  const intervalMs = 1_000 / perSecond;
  let nextFreeMs = 0;
  return {
    provider: sender.provider,
    async send(message: Message): Promise<SendReceipt> {
      const atMs = now();
      const slotMs = Math.max(atMs, nextFreeMs);
      nextFreeMs = slotMs + intervalMs;
      if (slotMs > atMs) await sleep(slotMs - atMs);
      return sender.send(message);
    },
  };
}
