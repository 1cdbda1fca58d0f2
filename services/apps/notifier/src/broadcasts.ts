import type { Broadcast } from "@ballot/adapters/redis/broadcast-store";
import {
  type BroadcastRecipient,
  broadcastMessageIdOf,
  broadcastTemplateVariablesOf,
  type Channel,
  type CountyNotificationSettings,
  nextSendTimeMs,
} from "@ballot/core";
import type { Logger } from "@ballot/runtime";
import { type DeliveryOutcome, deliverMessage } from "./deliver.ts";
import type { NotifierDeps } from "./deps.ts";

/** How a broadcast goes out: a small first stage, a pause to watch it (and cancel), then the rest a page at a time. */
export interface BroadcastStaging {
  /** Voters reached before the pause. */
  readonly firstStageVoters: number;
  /** Reachable voters read (and sent to) per turn; a turn comes every release interval. */
  readonly pageVoters: number;
  readonly pauseMs: number;
}

/** How often, within a page, the broadcast's status is read again: a cancellation stops it within this many voters. */
const cancelCheckEvery = 10;

function sendableOf(broadcast: Broadcast, county: CountyNotificationSettings, voterId: string, to: BroadcastRecipient) {
  return {
    messageId: broadcastMessageIdOf(broadcast.id, voterId, to.channel),
    voterId,
    county: broadcast.county,
    channel: to.channel,
    address: to.address,
    language: to.language,
    templateId: broadcast.kind,
    variables: broadcastTemplateVariablesOf(county, broadcast.variables),
  };
}

const isSending = async (deps: NotifierDeps, broadcast: Broadcast) =>
  (await deps.broadcasts.get(broadcast.county, broadcast.id))?.status === "sending";

/**
 * Sends a broadcast's messages whose contact window has opened, checked against the subscription as it stands now (a
 * STOP in the night wins).
 */
async function sendWaiting(
  deps: NotifierDeps,
  broadcast: Broadcast,
  county: CountyNotificationSettings,
  limit: number,
  log: Logger,
): Promise<void> {
  const due = await deps.broadcasts.dueWaiting(broadcast.county, broadcast.id, deps.now(), limit);
  for (const [index, { voterId, channel }] of due.entries()) {
    if (index % cancelCheckEvery === 0 && index > 0 && !(await isSending(deps, broadcast))) return;
    const subscription = await deps.subscriptions.load(voterId);
    const entry = subscription?.channels.find((candidate) => candidate.channel === channel);
    let outcome: DeliveryOutcome | "dropped" = "dropped";
    if (subscription && entry?.consent === "confirmed") {
      const language = entry.language ?? subscription.language;
      const to = { channel: channel as Channel, address: entry.address, language };
      outcome = await deliverMessage(deps, sendableOf(broadcast, county, voterId, to), log);
    }
    await deps.broadcasts.dropWaiting(broadcast.county, broadcast.id, voterId, channel);
    await deps.broadcasts.count(broadcast.county, broadcast.id, {
      waiting: -1,
      sent: outcome === "sent" ? 1 : 0,
      failed: outcome === "dead_lettered" ? 1 : 0,
    });
  }
}

/**
 * Walks one page of the audience from the recorded cursor: each voter's confirmed channels get the message now, or
 * wait for the contact window. The cursor moves only once the page is done, so a notifier that dies mid-page does the
 * page again, and the dedupe record of each (broadcast, voter, channel) keeps what went out from going twice. The
 * first stage stops at its size; the same page is walked again after the pause (what it sent is already done).
 */
async function walkPage(
  deps: NotifierDeps,
  broadcast: Broadcast,
  county: CountyNotificationSettings,
  staging: BroadcastStaging,
  log: Logger,
): Promise<"walked" | "paused" | "cancelled" | "more"> {
  const state = await deps.broadcasts.sendingState(broadcast.county, broadcast.id);
  if (state.walked) return "walked";
  const firstStageLeft = state.firstStageDone
    ? Number.POSITIVE_INFINITY
    : staging.firstStageVoters - state.firstStageVoters;
  if (firstStageLeft <= 0) {
    await deps.broadcasts.recordPage(broadcast.county, broadcast.id, {
      ...emptyPage(state.cursor),
      firstStageDone: true,
    });
    log.info({ broadcastId: broadcast.id, voters: state.firstStageVoters }, "broadcast first stage sent; pausing");
    return "paused";
  }
  const page = await deps.audience.page(broadcast.county, broadcast.audience, state.cursor, staging.pageVoters);
  const counts = { voters: 0, sent: 0, waiting: 0, failed: 0 };
  let stoppedEarly = false;
  for (const [index, member] of page.members.entries()) {
    if (index % cancelCheckEvery === 0 && !(await isSending(deps, broadcast))) return "cancelled";
    if (counts.voters >= firstStageLeft) {
      stoppedEarly = true;
      break;
    }
    let reached = false;
    for (const to of member.recipients) {
      const sendAtMs = nextSendTimeMs(deps.now(), county.timeZone, to.window ?? county.contactWindow);
      if (sendAtMs > deps.now()) {
        if (await deps.broadcasts.wait(broadcast.county, broadcast.id, member.voterId, to.channel, sendAtMs)) {
          counts.waiting += 1;
          reached = true;
        }
        continue;
      }
      const outcome = await deliverMessage(deps, sendableOf(broadcast, county, member.voterId, to), log);
      if (outcome === "sent") counts.sent += 1;
      if (outcome === "dead_lettered") counts.failed += 1;
      reached ||= outcome === "sent";
    }
    if (reached) counts.voters += 1;
  }
  const walked = !stoppedEarly && page.cursor === "0";
  await deps.broadcasts.recordPage(broadcast.county, broadcast.id, {
    ...counts,
    cursor: stoppedEarly ? state.cursor : page.cursor,
    walked,
    ...(state.firstStageDone ? {} : { firstStageVoters: state.firstStageVoters + counts.voters }),
  });
  return walked ? "walked" : "more";
}

const emptyPage = (cursor: string) => ({ cursor, walked: false, voters: 0, sent: 0, waiting: 0, failed: 0 });

/**
 * One turn of the broadcasts being sent: takes the one due soonest (leased, so that notifiers share the work and a
 * dead one's turn comes back), sends its due waiting messages, walks a page of its audience, and then schedules its
 * next turn: at once, after the first stage's pause, or when its next waiting message is due; once the audience is
 * walked and nothing waits, it is sent. A cancelled broadcast is dropped from the queue and sends nothing more.
 */
export async function workOnBroadcasts(deps: NotifierDeps, staging: BroadcastStaging, log: Logger): Promise<void> {
  const leased = await deps.broadcasts.leaseDue(deps.now(), deps.sendLeaseMs);
  if (!leased) return;
  const broadcast = await deps.broadcasts.get(leased.county, leased.id);
  if (broadcast?.status !== "sending") {
    await deps.broadcasts.stopSending(leased.county, leased.id);
    if (broadcast?.status === "cancelled") log.info({ broadcastId: leased.id }, "broadcast cancelled; stopped");
    return;
  }
  const county = deps.countySettingsOf(broadcast.county);
  if (!county) {
    // Left leased: it is tried again when the lease ends, once the settings are there.
    log.error(
      { broadcastId: broadcast.id, county: broadcast.county },
      "no notification settings for the broadcast's county",
    );
    return;
  }
  const fields = { broadcastId: broadcast.id, county: broadcast.county };
  await sendWaiting(deps, broadcast, county, staging.pageVoters, log);
  const walk = await walkPage(deps, broadcast, county, staging, log);
  if (walk === "cancelled") {
    await deps.broadcasts.stopSending(broadcast.county, broadcast.id);
    log.info(fields, "broadcast cancelled; stopped");
    return;
  }
  const nowMs = deps.now();
  if (walk === "paused") return deps.broadcasts.scheduleNext(broadcast.county, broadcast.id, nowMs + staging.pauseMs);
  if (walk === "more") return deps.broadcasts.scheduleNext(broadcast.county, broadcast.id, nowMs);
  const nextWaitingAtMs = await deps.broadcasts.nextWaitingAtMs(broadcast.county, broadcast.id);
  if (nextWaitingAtMs !== undefined) {
    return deps.broadcasts.scheduleNext(broadcast.county, broadcast.id, Math.max(nowMs, nextWaitingAtMs));
  }
  const finished = await deps.broadcasts.finish(broadcast.county, broadcast.id, nowMs);
  await deps.broadcasts.stopSending(broadcast.county, broadcast.id);
  if (finished.outcome === "done") log.info({ ...fields, ...finished.broadcast.progress }, "broadcast sent");
}
