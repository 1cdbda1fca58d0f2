import type { HandlerResponse, NotificationHandlerDeps } from "@ballot/adapters/notifications";
import type { Context, Hono } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ApiDeps, ApiEnvContext } from "./app.ts";
import { apiError } from "./errors.ts";
import { readFormBody } from "./form-body.ts";
import { defaultWebhookMaxBodyBytes, type NotifyRoutesOptions } from "./notify-links.ts";

/** A shared handler's answer through Hono, so that it keeps the headers every answer carries. */
export const replyOf = (c: Context, response: HandlerResponse): Response =>
  c.body(response.body, response.status as ContentfulStatusCode, { "content-type": response.contentType });

/** The URL Twilio signed: the one it called, which behind a proxy is the public one, not ours. */
export function signedUrlOf(request: Request, publicUrl: string | undefined): string {
  if (!publicUrl) return request.url;
  const url = new URL(request.url);
  return `${publicUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}

/** What Twilio posts to a webhook: the URL it called, its signature of it, and the form parameters. */
export interface TwilioWebhookRequest {
  readonly url: string;
  readonly signature: string | undefined;
  readonly params: Record<string, string>;
}

/**
 * Mounts one of the notifier's Twilio webhook handlers at `path`: the form body read within the webhook limit, the
 * signed URL worked out, and the handler's answer passed through.
 */
export function registerTwilioWebhook(
  app: Hono<ApiEnvContext>,
  deps: ApiDeps,
  notify: NotifyRoutesOptions,
  path: string,
  handle: (handlers: NotificationHandlerDeps, request: TwilioWebhookRequest, nowMs: number) => Promise<HandlerResponse>,
): void {
  app.post(path, async (c) => {
    const form = await readFormBody(c, notify.maxBodyBytes ?? defaultWebhookMaxBodyBytes);
    if (!form.ok) return apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${form.limitBytes} bytes`);
    const request = {
      url: signedUrlOf(c.req.raw, notify.publicUrl),
      signature: c.req.header("x-twilio-signature"),
      params: form.params,
    };
    return replyOf(c, await handle(notify.handlers, request, deps.now().getTime()));
  });
}
