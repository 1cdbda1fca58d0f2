import { type Channel, channels } from "@ballot/core";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";
import { optOutChannels } from "../opt-out.ts";
import { authoriseVoter } from "../voter-auth.ts";

/** DELETE /v1/subscriptions/:channel (`email`, `sms`, `voice`): unsubscribes from one channel. */
export function registerSubscriptionChannelDelete(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.delete("/v1/subscriptions/:channel", async (c) => {
    const auth = await authoriseVoter(c, deps);
    if (!auth.ok) return auth.answer;
    const channel = c.req.param("channel") as Channel;
    if (!channels.includes(channel)) {
      return apiError(c, "VALIDATION_FAILED", "channel: one of email, sms, voice", { field: "channel" });
    }
    return optOutChannels(c, deps, auth.voterId, [channel]);
  });
}
