import { isTransientError, type Logger } from "@ballot/runtime";
import { workOnBroadcasts } from "./broadcasts.ts";
import { sendQueuedConfirmations, sendQueuedContactChangeNotices } from "./confirmations.ts";
import { deliverMessage, sendableOf } from "./deliver.ts";
import type { NotifierDeps } from "./deps.ts";
import { workOnSafetyHolds } from "./safety-hold.ts";

/**
 * Sends the held messages whose contact window has opened. Each is leased (so two notifiers never take the same
 * one, and one that dies leaves it to come back), checked against the subscription as it stands now (a STOP in the
 * night wins), sent at most once through the same dedupe record, and dropped.
 */
export async function releaseDueMessages(deps: NotifierDeps, log: Logger, limit = 256): Promise<number> {
  const due = await deps.held.leaseDue(deps.now(), limit, deps.sendLeaseMs);
  let released = 0;
  await Promise.all(
    due.map(async (message) => {
      const messageLog = log.child({ messageId: message.messageId, channel: message.channel });
      const subscription = await deps.subscriptions.load(message.voterId);
      const entry = subscription?.channels.find((candidate) => candidate.channel === message.channel);
      if (entry?.consent !== "confirmed") {
        // Also when the channel is gone: no entry is as good as not confirmed.
        await deps.notifications.markDead(message.messageId, "channel no longer confirmed", deps.now());
        await deps.held.drop(message.ballotKey, message.messageId);
        messageLog.info("held message dropped: the channel is no longer confirmed");
        return;
      }
      try {
        const outcome = await deliverMessage(deps, { ...sendableOf(message), address: entry.address }, messageLog);
        await deps.held.drop(message.ballotKey, message.messageId);
        if (outcome === "sent") released += 1;
      } catch (error) {
        // Left leased: it comes back when the lease ends.
        if (isTransientError(error)) messageLog.warn({ err: error }, "held message not sent yet; will retry");
        else messageLog.error({ err: error }, "held message failed");
      }
    }),
  );
  return released;
}

/** Runs the release, then the queued confirmation requests, every `intervalMs` (one run at a time) until stopped. */
export function startReleaseLoop(deps: NotifierDeps, log: Logger, intervalMs: number) {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= releaseDueMessages(deps, log)
      .then(async (released) => {
        if (released > 0) log.info({ released }, "held messages released");
        const confirmations = await sendQueuedConfirmations(deps, log);
        if (confirmations > 0) log.info({ confirmations }, "confirmation requests sent");
        const contactNotices = await sendQueuedContactChangeNotices(deps, log);
        if (contactNotices > 0) log.info({ contactNotices }, "previous contacts told of a change");
        await workOnSafetyHolds(deps, log);
        await workOnBroadcasts(deps, deps.broadcastStaging, log);
      })
      .catch((error: unknown) => log.error({ err: error }, "release of held messages failed; retrying next tick"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
