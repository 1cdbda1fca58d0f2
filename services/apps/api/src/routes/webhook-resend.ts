import { handleResendWebhook } from "@ballot/adapters/notifications";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";
import { readFormBody } from "../form-body.ts";
import { defaultWebhookMaxBodyBytes, type NotifyRoutesOptions } from "../notify-links.ts";
import { replyOf } from "../webhook-support.ts";

/** POST /v1/notify/webhooks/resend: Resend's Svix-signed delivery events, the notifier's handler. */
export function registerResendWebhook(app: Hono<ApiEnvContext>, deps: ApiDeps, notify: NotifyRoutesOptions) {
  app.post("/v1/notify/webhooks/resend", async (c) => {
    const body = await readFormBody(c, notify.maxBodyBytes ?? defaultWebhookMaxBodyBytes);
    if (!body.ok) return apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${body.limitBytes} bytes`);
    const header = (name: string) => c.req.header(`svix-${name}`) ?? c.req.header(`webhook-${name}`);
    const id = header("id");
    const timestamp = header("timestamp");
    const signature = header("signature");
    const headers = {
      ...(id ? { id } : {}),
      ...(timestamp ? { timestamp } : {}),
      ...(signature ? { signature } : {}),
    };
    return replyOf(c, await handleResendWebhook(notify.handlers, { headers, body: body.text }, deps.now().getTime()));
  });
}
