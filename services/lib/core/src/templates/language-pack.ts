import type { BallotStatus } from "../ballot/index.ts";
import type { Channel, NoticeTemplateId, RejectionReason } from "../notifications/index.ts";

/** Messages that are not about a ballot milestone: consent, keywords and contact changes. */
export const serviceTemplateIds = [
  "sms_confirm_request",
  "sms_confirmed",
  "email_confirm",
  "contact_changed",
  "stop_ack",
  "start_ack",
  "help",
  "status_reply",
  "not_subscribed",
] as const;
export type ServiceTemplateId = (typeof serviceTemplateIds)[number];

/** The channels each service message is written for; milestone templates are written for every channel. */
export const serviceTemplateChannels: Readonly<Record<ServiceTemplateId, readonly Channel[]>> = {
  sms_confirm_request: ["sms"],
  sms_confirmed: ["sms"],
  email_confirm: ["email"],
  contact_changed: ["email", "sms"],
  stop_ack: ["sms"],
  start_ack: ["sms"],
  help: ["sms"],
  status_reply: ["sms"],
  not_subscribed: ["sms"],
};

/**
 * What election staff send a county's subscribers (dashboard broadcasts): each kind a template in every language, its
 * variables given by the official (see `@ballot/core` broadcasts).
 */
export const broadcastKinds = ["deadline_reminder", "polling_place_change"] as const;
export type BroadcastKind = (typeof broadcastKinds)[number];

export interface TemplateText {
  /** Email subject; also the status line of a STATUS reply. */
  readonly subject: string;
  /** Email and voice body; the SMS body too unless `sms` is given. No URLs: the frame adds the right link. */
  readonly body: string;
  /** A shorter SMS body, where `body` would not fit two segments with the frame. */
  readonly sms?: string;
}

/**
 * One language's templates. `{name}` is a variable; rendering refuses a template whose variable is missing.
 * Dates (`{deadline}`, `{expectedDate}`), `{reason}` and `{status}` are localised by the renderer.
 */
export interface LanguagePack {
  /** BCP 47 locale for dates. */
  readonly locale: string;
  /** Machine-drafted translations need review by a certified translator before production. */
  readonly reviewed: boolean;
  readonly notices: Readonly<Record<NoticeTemplateId, TemplateText>>;
  readonly service: Readonly<Record<ServiceTemplateId, TemplateText>>;
  /** Staff broadcasts; the SMS form carries no link, so that a place's name and address fit two segments. */
  readonly broadcasts: Readonly<Record<BroadcastKind, TemplateText>>;
  readonly reasons: Readonly<Record<RejectionReason, string>>;
  /** How a status reads in a correction or a STATUS reply. */
  readonly statuses: Readonly<Record<BallotStatus, string>>;
  readonly frame: {
    /** Ends a milestone SMS. */
    readonly smsStop: string;
    readonly emailGreeting: string;
    readonly trackLine: string;
    readonly cureLine: string;
    readonly helpLine: string;
    readonly unsubscribeLine: string;
    readonly voiceIntro: string;
    readonly voiceOutro: string;
    /** Said in English before an English call to a voter whose language has no voice. */
    readonly noVoiceNotice?: string;
  };
}
