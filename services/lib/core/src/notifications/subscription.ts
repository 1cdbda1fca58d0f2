import type { SafetyHoldSettings } from "./safety-hold.ts";

/** California's ten languages (DESIGN.md, Notifications), as the county roll spells them. */
export const languages = ["en", "es", "zh", "hi", "ja", "km", "ko", "tl", "th", "vi"] as const;
export type Language = (typeof languages)[number];
export const isLanguage = (value: string): value is Language => (languages as readonly string[]).includes(value);
/** A roll language we have no templates for falls back to English rather than to silence. */
export const languageOrEnglish = (value: string | undefined): Language => (value && isLanguage(value) ? value : "en");

export const channels = ["email", "sms", "voice"] as const;
export type Channel = (typeof channels)[number];

/**
 * Consent per channel: `pending` until the voter confirms (email link, SMS "YES"); voice needs no confirmation and
 * starts `confirmed`; `opted_out` after STOP or an unsubscribe, until START or a new subscription.
 */
export const consentStates = ["pending", "confirmed", "opted_out"] as const;
export type ConsentState = (typeof consentStates)[number];

/** Minutes after local midnight, in the county's time zone; `start` < `end` is a daytime window. */
export interface ContactWindow {
  readonly startMinute: number;
  readonly endMinute: number;
}

/** 08:00-21:00 (DESIGN.md, Quiet hours). */
export const defaultContactWindow: ContactWindow = { startMinute: 8 * 60, endMinute: 21 * 60 };

export interface ChannelSubscription {
  readonly channel: Channel;
  /** E.164 phone number for SMS and voice, an email address for email. */
  readonly address: string;
  readonly consent: ConsentState;
  /** Overrides the voter's language for this channel. */
  readonly language?: Language | undefined;
  /** Overrides the county's contact window for this channel. */
  readonly window?: ContactWindow | undefined;
  /** How the channel came to be: the voter asked, or the county roll enrolled them (opt-out). */
  readonly source: "voter" | "roll";
  readonly updatedAtMs: number;
}

/** One voter's subscriptions, stored by voter id. */
export interface Subscription {
  readonly voterId: string;
  readonly language: Language;
  readonly channels: readonly ChannelSubscription[];
}

/** The county's notification settings and the details its templates quote (per-county template overrides). */
export interface CountyNotificationSettings {
  readonly county: string;
  readonly name: string;
  /** The sender name an SMS starts with; short, since it counts against the two segments. */
  readonly smsName: string;
  readonly phone: string;
  /** IANA zone, e.g. America/Los_Angeles. */
  readonly timeZone: string;
  /** Where a voter tracks a ballot. */
  readonly trackUrl: string;
  /** The county's cure form, when a rejection carries no link of its own. */
  readonly cureFormUrl: string;
  readonly emailFrom: string;
  readonly smsFrom: string;
  readonly contactWindow: ContactWindow;
  /** Colorado-style: voters with contact details in the roll are enrolled (with opt-out). */
  readonly autoEnroll: boolean;
  /** When one batch's notices are held for review (see safety-hold.ts); unset: `defaultSafetyHold`. */
  readonly safetyHold?: SafetyHoldSettings | undefined;
}

/** Contact details from the county roll, for auto-enrolment. */
export interface RollContact {
  readonly voterId: string;
  readonly language: string;
  readonly email?: string | undefined;
  readonly phone?: string | undefined;
}

/**
 * The subscription a county roll gives a voter when the county enrols automatically: email and voice at once (both
 * carry an opt-out), SMS only pending, since nothing but the confirmation request may be texted before a "YES".
 * Undefined when the county does not enrol or the voter left no contact details.
 */
export function enrollFromRoll(
  contact: RollContact,
  county: CountyNotificationSettings,
  nowMs: number,
): Subscription | undefined {
  if (!county.autoEnroll) return undefined;
  const entries: ChannelSubscription[] = [];
  const base = { source: "roll", updatedAtMs: nowMs } as const;
  if (contact.email) entries.push({ ...base, channel: "email", address: contact.email, consent: "confirmed" });
  if (contact.phone) entries.push({ ...base, channel: "sms", address: contact.phone, consent: "pending" });
  if (entries.length === 0) return undefined;
  return { voterId: contact.voterId, language: languageOrEnglish(contact.language), channels: entries };
}

/** The consent a new or changed contact starts with: confirmation needed except for voice. */
export const initialConsent = (channel: Channel): ConsentState => (channel === "voice" ? "confirmed" : "pending");

export interface ContactChange {
  readonly subscription: Subscription;
  /** The address that was replaced, to be told of the change; undefined for a new channel or the same address. */
  readonly previousAddress?: string | undefined;
}

/**
 * Sets a channel's address. A new address must be confirmed again (except voice), and the old one is returned so
 * that it can be told (issue 5: changing a contact re-confirms the new one and tells the old one).
 */
export function changeContact(
  subscription: Subscription,
  channel: Channel,
  address: string,
  nowMs: number,
): ContactChange {
  const current = subscription.channels.find((entry) => entry.channel === channel);
  if (current && current.address === address) return { subscription };
  const next: ChannelSubscription = {
    channel,
    address,
    consent: initialConsent(channel),
    source: "voter",
    updatedAtMs: nowMs,
    ...(current?.language ? { language: current.language } : {}),
    ...(current?.window ? { window: current.window } : {}),
  };
  return {
    subscription: {
      ...subscription,
      channels: [...subscription.channels.filter((entry) => entry.channel !== channel), next],
    },
    previousAddress: current?.address,
  };
}

/** Sets the consent of one channel (YES, STOP, START, an unsubscribe click, a confirmation link). */
export function setConsent(
  subscription: Subscription,
  channel: Channel,
  consent: ConsentState,
  nowMs: number,
): Subscription {
  return {
    ...subscription,
    channels: subscription.channels.map((entry) =>
      entry.channel === channel ? { ...entry, consent, updatedAtMs: nowMs } : entry,
    ),
  };
}
