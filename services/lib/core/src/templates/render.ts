import { type BallotStatus, isBallotStatus } from "../ballot/index.ts";
import type { Channel, Language, NoticeTemplateId } from "../notifications/index.ts";
import { rejectionReasonOf } from "../notifications/index.ts";
import { assertNever, err, ok, type Result } from "../result/index.ts";
import type { BroadcastKind, LanguagePack, ServiceTemplateId, TemplateText } from "./language-pack.ts";
import { broadcastKinds, serviceTemplateChannels, serviceTemplateIds } from "./language-pack.ts";
import { languagePacks } from "./languages/index.ts";
import { countSmsSegments, type SmsEncoding } from "./sms-segments.ts";
import { sayVoices } from "./voices.ts";

/** Sent to an address that no longer gets alerts (the voter moved them): there is nothing for it to unsubscribe. */
const sentToFormerContact: ReadonlySet<string> = new Set(["contact_changed"]);

export type TemplateId = NoticeTemplateId | ServiceTemplateId | BroadcastKind;

export type RenderedMessage =
  | { readonly channel: "email"; readonly subject: string; readonly text: string; readonly html: string }
  | { readonly channel: "sms"; readonly text: string; readonly segments: number; readonly encoding: SmsEncoding }
  | {
      readonly channel: "voice";
      /** Sentences to say, in order, each with the voice and language to say it in. */
      readonly says: readonly { readonly text: string; readonly voice: string; readonly language: string }[];
    };

export type RenderError =
  | { readonly kind: "missing_variables"; readonly missing: readonly string[] }
  | { readonly kind: "sms_too_long"; readonly segments: number }
  | { readonly kind: "wrong_channel"; readonly channel: Channel };

/** An SMS may take at most two segments (DESIGN.md, Notifications). */
export const maxSmsSegments = 2;

const isServiceTemplate = (id: TemplateId): id is ServiceTemplateId =>
  (serviceTemplateIds as readonly string[]).includes(id);

export const isBroadcastTemplate = (id: TemplateId): id is BroadcastKind =>
  (broadcastKinds as readonly string[]).includes(id);

function textOf(pack: LanguagePack, id: TemplateId): TemplateText {
  if (isBroadcastTemplate(id)) return pack.broadcasts[id];
  return isServiceTemplate(id) ? pack.service[id] : pack.notices[id];
}

const placeholder = /\{([a-zA-Z]+)\}/g;

/** Fills `{name}` placeholders, collecting every one that has no non-empty value instead of writing a gap. */
function fill(template: string, values: Readonly<Record<string, string>>, missing: Set<string>): string {
  return template.replace(placeholder, (_match, name: string) => {
    const value = values[name];
    if (value === undefined || value.trim() === "") {
      missing.add(name);
      return "";
    }
    return value;
  });
}

function localDate(iso: string, locale: string, style: "long" | "medium"): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  return new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: "UTC" }).format(Date.parse(`${iso}T00:00:00Z`));
}

/** Turns language-independent values (ISO dates, reason and status codes) into the language's words. */
function localise(
  pack: LanguagePack,
  variables: Readonly<Record<string, string>>,
  dateStyle: "long" | "medium",
): Record<string, string> {
  const values: Record<string, string> = { ...variables };
  for (const name of ["deadline", "expectedDate"] as const) {
    const raw = variables[name];
    if (raw === undefined) continue;
    const formatted = localDate(raw, pack.locale, dateStyle);
    if (formatted) values[name] = formatted;
    else delete values[name];
  }
  if (variables.reason !== undefined) values.reason = pack.reasons[rejectionReasonOf(variables.reason)];
  if (variables.status !== undefined) {
    if (isBallotStatus(variables.status)) values.status = pack.statuses[variables.status as BallotStatus];
    else delete values.status;
  }
  return values;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The link a milestone message carries: the cure form where the voter must act on one, else the tracking page. */
const linkLineOf = (id: TemplateId): "cureLine" | "trackLine" | undefined =>
  id === "not_counted_cure" || id === "cure_deadline_reminder"
    ? "cureLine"
    : isServiceTemplate(id)
      ? undefined
      : "trackLine";

const linkOf = (id: TemplateId): string | undefined =>
  id === "not_counted_cure" || id === "cure_deadline_reminder"
    ? "{cureUrl}"
    : isServiceTemplate(id)
      ? undefined
      : "{trackUrl}";

function renderSms(pack: LanguagePack, id: TemplateId, values: Readonly<Record<string, string>>, missing: Set<string>) {
  const text = textOf(pack, id);
  const body = text.sms ?? text.body;
  if (isServiceTemplate(id)) return [fill(body, values, missing)];
  if (isBroadcastTemplate(id)) {
    const core = `{smsName}: ${body}`;
    return [fill(`${core} ${pack.frame.smsStop}`, values, missing), fill(core, values, new Set())];
  }
  const link = linkOf(id) ?? "";
  const core = `{smsName}: ${body} ${link}`;
  // The opt-out reminder goes when it fits; without it, the text still may.
  return [fill(`${core} ${pack.frame.smsStop}`, values, missing), fill(core, values, new Set())];
}

/**
 * Renders one template for one channel and language. Refuses (never sends a gap) when a variable is missing, and
 * when an SMS would take more than two segments.
 */
export function renderMessage(
  id: TemplateId,
  channel: Channel,
  language: Language,
  variables: Readonly<Record<string, string>>,
): Result<RenderedMessage, RenderError> {
  if (isServiceTemplate(id) && !serviceTemplateChannels[id].includes(channel)) {
    return err({ kind: "wrong_channel", channel });
  }
  const voice = sayVoices[language];
  const pack = languagePacks[channel === "voice" && !voice ? "en" : language];
  const missing = new Set<string>();
  const text = textOf(pack, id);
  switch (channel) {
    case "sms": {
      const candidates = renderSms(pack, id, localise(pack, variables, "medium"), missing);
      if (missing.size > 0) return err({ kind: "missing_variables", missing: [...missing].sort() });
      let fewest = Number.POSITIVE_INFINITY;
      for (const candidate of candidates) {
        const count = countSmsSegments(candidate);
        if (count.segments <= maxSmsSegments) {
          return ok({ channel, text: candidate, segments: count.segments, encoding: count.encoding });
        }
        fewest = Math.min(fewest, count.segments);
      }
      return err({ kind: "sms_too_long", segments: fewest });
    }
    case "email": {
      const values = localise(pack, variables, "long");
      const lineName = linkLineOf(id);
      const paragraphs = [
        pack.frame.emailGreeting,
        text.body,
        ...(lineName ? [pack.frame[lineName]] : []),
        pack.frame.helpLine,
        ...(sentToFormerContact.has(id) ? [] : [pack.frame.unsubscribeLine]),
      ];
      const filled = paragraphs.map((paragraph) => fill(paragraph, values, missing));
      const subject = fill(text.subject, values, missing);
      if (missing.size > 0) return err({ kind: "missing_variables", missing: [...missing].sort() });
      const html = paragraphs
        .map((paragraph) => {
          const escaped: Record<string, string> = {};
          for (const [name, value] of Object.entries(values)) escaped[name] = escapeHtml(value);
          // URLs become links; everything else is escaped text.
          const withLinks = escapeHtml(paragraph).replace(placeholder, (_match, name: string) =>
            name.endsWith("Url")
              ? `<a href="${escaped[name] ?? ""}">${escaped[name] ?? ""}</a>`
              : (escaped[name] ?? ""),
          );
          return `<p>${withLinks}</p>`;
        })
        .join("\n");
      return ok({ channel, subject, text: filled.join("\n\n"), html });
    }
    case "voice": {
      const values = localise(pack, variables, "long");
      const say = voice ?? sayVoices.en;
      if (!say) throw new Error("English needs a voice");
      const sentences = [pack.frame.voiceIntro, text.body, pack.frame.voiceOutro].map((sentence) =>
        fill(sentence, values, missing),
      );
      if (missing.size > 0) return err({ kind: "missing_variables", missing: [...missing].sort() });
      const notice = voice ? [] : [fill(languagePacks[language].frame.noVoiceNotice ?? "", values, new Set())];
      return ok({
        channel,
        says: [...notice.filter((line) => line !== ""), ...sentences].map((line) => ({
          text: line,
          voice: say.voice,
          language: say.language,
        })),
      });
    }
    default:
      return assertNever(channel, "channel");
  }
}
