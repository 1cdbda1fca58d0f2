import { channels } from "@ballot/core";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { optOutChannels } from "../opt-out.ts";
import { authoriseVoter } from "../voter-auth.ts";

/** DELETE /v1/subscriptions with the lookup's token: unsubscribes from every channel. Answers as `GET` does. */
export function registerSubscriptionsDelete(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.delete("/v1/subscriptions", async (c) => {
    const auth = await authoriseVoter(c, deps);
    if (!auth.ok) return auth.answer;
    return optOutChannels(c, deps, auth.voterId, channels);
  });
}
