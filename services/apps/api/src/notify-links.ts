import type { LinkOutcome, NotificationHandlerDeps } from "@ballot/adapters/notifications";
import { verifyLinkToken } from "@ballot/adapters/notifications";

/** What the API needs to serve the notifier's links and webhooks (see the notifier's README). */
export interface NotifyRoutesOptions {
  readonly handlers: NotificationHandlerDeps;
  /** The API as Twilio reaches it, when behind a proxy: Twilio signs the URL it called. */
  readonly publicUrl?: string | undefined;
  /** Webhook and unsubscribe form bodies; providers' events are larger than a lookup. */
  readonly maxBodyBytes?: number;
}

export const defaultWebhookMaxBodyBytes = 64 * 1024;

/** HTTP statuses of a link's outcome, for one-click clients that read only the status. */
export const linkOutcomeStatus = {
  confirmed: 200,
  unsubscribed: 200,
  already_used: 409,
  expired: 410,
  invalid: 400,
  no_such_channel: 404,
} as const satisfies Record<LinkOutcome, number>;

/**
 * The site's page for a link, in the language of the voter the link is for (English when the token does not say
 * whose it is): `/confirmed/` or `/<code>/unsubscribe/`.
 */
export async function sitePageOf(
  handlers: NotificationHandlerDeps,
  siteOrigin: string,
  page: "confirmed" | "unsubscribe",
  token: string,
  nowMs: number,
): Promise<string> {
  const claims = verifyLinkToken(token, handlers.linkSecret, nowMs);
  // An expired link still names its voter: the page that says so should be in their language.
  const voterId = claims.ok ? claims.value.voterId : undefined;
  const language = voterId ? await handlers.subscriptions.languageOf(voterId) : "en";
  return `${siteOrigin.replace(/\/+$/, "")}/${language === "en" ? "" : `${language}/`}${page}/`;
}
