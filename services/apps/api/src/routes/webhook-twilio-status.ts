import { handleTwilioStatusWebhook } from "@ballot/adapters/notifications";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import type { NotifyRoutesOptions } from "../notify-links.ts";
import { registerTwilioWebhook } from "../webhook-support.ts";

/** POST /v1/notify/webhooks/twilio/status: delivery status of a text or call, the notifier's handler. */
export function registerTwilioStatusWebhook(app: Hono<ApiEnvContext>, deps: ApiDeps, notify: NotifyRoutesOptions) {
  registerTwilioWebhook(app, deps, notify, "/v1/notify/webhooks/twilio/status", handleTwilioStatusWebhook);
}
