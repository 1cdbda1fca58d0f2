import { redeemLinkToken } from "@ballot/adapters/notifications";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { apiError } from "../errors.ts";
import { readFormBody } from "../form-body.ts";
import {
  defaultWebhookMaxBodyBytes,
  linkOutcomeStatus,
  type NotifyRoutesOptions,
  sitePageOf,
} from "../notify-links.ts";

/**
 * The one-click unsubscribe link of every email (RFC 8058), `redeemLinkToken` from @ballot/adapters:
 * - GET only sends the voter to the site's `/unsubscribe/` page with the token in the fragment (never sent to a
 *   server, never in a Referer), where a button posts it back: mail scanners follow links and must not unsubscribe.
 * - POST (`token` in the query, as `List-Unsubscribe` has it, or in the form) unsubscribes and answers the outcome
 *   as text with a status that says it (200 `unsubscribed`, 400 `invalid`, 410 `expired`, 404 `no_such_channel`).
 */
export function registerNotifyUnsubscribe(app: Hono<ApiEnvContext>, deps: ApiDeps, notify: NotifyRoutesOptions) {
  app.get("/v1/notify/unsubscribe", async (c) => {
    const token = c.req.query("token") ?? "";
    const page = await sitePageOf(notify.handlers, deps.siteOrigin, "unsubscribe", token, deps.now().getTime());
    return c.redirect(`${page}#token=${encodeURIComponent(token)}`, 303);
  });
  app.post("/v1/notify/unsubscribe", async (c) => {
    const form = await readFormBody(c, notify.maxBodyBytes ?? defaultWebhookMaxBodyBytes);
    if (!form.ok) return apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${form.limitBytes} bytes`);
    const token = c.req.query("token") ?? form.params.token ?? "";
    const outcome = await redeemLinkToken(notify.handlers, token, deps.now().getTime());
    deps.log.info({ requestId: c.get("requestId"), outcome }, "unsubscribe link");
    return c.text(outcome, linkOutcomeStatus[outcome]);
  });
}
