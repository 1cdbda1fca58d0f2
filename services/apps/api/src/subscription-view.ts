import { type ChannelSubscription, languageOrEnglish, type Subscription } from "@ballot/core";
import type { ApiDeps } from "./app.ts";
import { formatContactWindow, maskEmail, maskPhone } from "./contact-details.ts";

/** A channel as the voter sees it: the address masked, the consent, the contact window (null: the county's). */
export interface ChannelView {
  readonly channel: ChannelSubscription["channel"];
  readonly address: string;
  readonly consent: ChannelSubscription["consent"];
  readonly contactWindow: string | null;
  readonly language: string | null;
}

export interface SubscriptionView {
  readonly language: string;
  /** The window the voter set (the channels share one on the site); null: the county's default. */
  readonly contactWindow: string | null;
  readonly channels: readonly ChannelView[];
}

const channelOrder = { email: 0, sms: 1, voice: 2 } as const;

/** What `GET /v1/subscriptions` and every change answer with; addresses never leave the API unmasked. */
export function viewSubscription(subscription: Subscription | undefined, fallbackLanguage: string): SubscriptionView {
  const channels = [...(subscription?.channels ?? [])]
    .sort((a, b) => channelOrder[a.channel] - channelOrder[b.channel])
    .map(
      (entry): ChannelView => ({
        channel: entry.channel,
        address: entry.channel === "email" ? maskEmail(entry.address) : maskPhone(entry.address),
        consent: entry.consent,
        contactWindow: entry.window ? formatContactWindow(entry.window) : null,
        language: entry.language ?? null,
      }),
    );
  return {
    language: subscription?.language ?? fallbackLanguage,
    contactWindow: channels.find((entry) => entry.contactWindow !== null)?.contactWindow ?? null,
    channels,
  };
}

/** The voter's subscription as stored, and the view of it; the voter's roll language when there is none yet. */
export async function loadSubscriptionView(
  deps: Pick<ApiDeps, "subscriptions" | "redis" | "keys">,
  voterId: string,
): Promise<SubscriptionView> {
  const [subscription, rollLanguage] = await Promise.all([
    deps.subscriptions.load(voterId),
    deps.redis.hget(deps.keys.voter(voterId), "language"),
  ]);
  return viewSubscription(subscription, languageOrEnglish(rollLanguage ?? undefined));
}
