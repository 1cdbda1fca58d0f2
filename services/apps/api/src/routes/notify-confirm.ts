import { redeemLinkToken } from "@ballot/adapters/notifications";
import type { Hono } from "hono";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { type NotifyRoutesOptions, sitePageOf } from "../notify-links.ts";

/**
 * GET /v1/notify/confirm?token= (the email's confirmation link, `redeemLinkToken` from @ballot/adapters): confirms
 * once, then sends the voter to the site's `/confirmed/` page in their language with `?outcome=` (`confirmed`,
 * `already_used`, `expired`, `invalid`, `no_such_channel`).
 */
export function registerNotifyConfirm(app: Hono<ApiEnvContext>, deps: ApiDeps, notify: NotifyRoutesOptions) {
  app.get("/v1/notify/confirm", async (c) => {
    const token = c.req.query("token") ?? "";
    const nowMs = deps.now().getTime();
    const outcome = await redeemLinkToken(notify.handlers, token, nowMs);
    deps.log.info({ requestId: c.get("requestId"), outcome }, "confirmation link");
    const page = await sitePageOf(notify.handlers, deps.siteOrigin, "confirmed", token, nowMs);
    return c.redirect(`${page}?outcome=${outcome}`, 303);
  });
}
