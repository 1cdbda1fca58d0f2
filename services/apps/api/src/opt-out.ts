import type { Channel } from "@ballot/core";
import type { Context } from "hono";
import type { ApiDeps } from "./app.ts";
import { apiError } from "./errors.ts";
import { loadSubscriptionView } from "./subscription-view.ts";

/**
 * Opts the voter's channels out. The channel stays stored as `opted_out` rather than removed, so that a re-sent
 * county roll (which only adds channels a voter does not have) cannot sign the voter up again.
 */
export async function optOutChannels(
  c: Context,
  deps: ApiDeps,
  voterId: string,
  which: readonly Channel[],
): Promise<Response> {
  const nowMs = deps.now().getTime();
  const stored = await deps.subscriptions.load(voterId);
  const present = which.filter((channel) => stored?.channels.some((entry) => entry.channel === channel));
  if (which.length === 1 && present.length === 0) {
    return apiError(c, "NOT_FOUND", `you have no ${which[0]} alerts to unsubscribe from`, { field: "channel" });
  }
  for (const channel of present) {
    await deps.subscriptions.setConsent(voterId, channel, "opted_out", nowMs);
    await deps.confirmations.done(voterId, channel);
  }
  deps.log.info({ requestId: c.get("requestId"), voterId, channels: present }, "unsubscribed");
  return c.json(await loadSubscriptionView(deps, voterId));
}
