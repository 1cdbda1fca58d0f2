import { handleTwilioStatusWebhook } from "@ballot/adapters/notifications";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";
import { readFormBody } from "../form-body.ts";
import { defaultWebhookMaxBodyBytes, type NotifyRoutesOptions } from "../notify-links.ts";
import { replyOf, signedUrlOf } from "../webhook-support.ts";

/** POST /v1/notify/webhooks/twilio/status: delivery status of a text or call, the notifier's handler. */
export function registerTwilioStatusWebhook(app: Hono<ApiEnvContext>, deps: ApiDeps, notify: NotifyRoutesOptions) {
  app.post("/v1/notify/webhooks/twilio/status", async (c) => {
    const form = await readFormBody(c, notify.maxBodyBytes ?? defaultWebhookMaxBodyBytes);
    if (!form.ok) return apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${form.limitBytes} bytes`);
    const request = {
      url: signedUrlOf(c.req.raw, notify.publicUrl),
      signature: c.req.header("x-twilio-signature"),
      params: form.params,
    };
    return replyOf(c, await handleTwilioStatusWebhook(notify.handlers, request, deps.now().getTime()));
  });
}
