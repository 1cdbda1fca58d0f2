import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { loadSubscriptionView } from "../subscription-view.ts";
import { authoriseVoter } from "../voter-auth.ts";

/**
 * GET /v1/subscriptions with the lookup's token: the voter's channels (addresses masked), each with its consent
 * (`pending`, `confirmed`, `opted_out`) and contact window, and the voter's language. No channels yet: an empty list.
 */
export function registerSubscriptionsGet(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.get("/v1/subscriptions", async (c) => {
    const auth = await authoriseVoter(c, deps);
    if (!auth.ok) return auth.answer;
    return c.json(await loadSubscriptionView(deps, auth.voterId));
  });
}
