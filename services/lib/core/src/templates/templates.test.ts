import { describe, expect, it } from "vitest";
import { type Channel, channels, type Language, languages } from "../notifications/index.ts";
import { serviceTemplateChannels, serviceTemplateIds } from "./language-pack.ts";
import { languagePacks } from "./languages/index.ts";
import { renderMessage, type TemplateId } from "./render.ts";
import { countSmsSegments } from "./sms-segments.ts";

const noticeTemplateIds = [
  "handed_to_usps",
  "expected_delivery",
  "delivered",
  "undeliverable",
  "back_in_mail",
  "received",
  "not_counted_cure",
  "not_counted_other",
  "cured",
  "counted",
  "return_deadline_reminder",
  "cure_deadline_reminder",
  "lost_suspected",
  "correction",
  "retraction",
] as const satisfies readonly TemplateId[];

/** The longest values county settings allow (see the notifier's county settings schema), so the SMS bound holds. */
const fullVariables = {
  countyName: "San Bernardino County",
  smsName: "SanBernardino",
  countyPhone: "(909) 555-0123",
  trackUrl: "https://vote.sbcounty.example/track",
  cureUrl: "https://vote.sbcounty.example/cure-form",
  confirmUrl: "https://vote.sbcounty.example/confirm?t=abcdefghijklmnopqrstuvwxyz0123456789",
  unsubscribeUrl: "https://vote.sbcounty.example/unsubscribe?t=abcdefghijklmnopqrstuvwxyz0123456789",
  deadline: "2026-12-01",
  expectedDate: "2026-10-09",
  reason: "signature_mismatch",
  status: "cure_pending",
};

const channelsOf = (id: TemplateId): readonly Channel[] =>
  (serviceTemplateIds as readonly string[]).includes(id)
    ? serviceTemplateChannels[id as (typeof serviceTemplateIds)[number]]
    : channels;
const allTemplates: readonly TemplateId[] = [...noticeTemplateIds, ...serviceTemplateIds];
const cases = languages.flatMap((language) =>
  allTemplates.flatMap((id) =>
    channels
      .filter((channel) => channelsOf(id).includes(channel))
      .map((channel) => [language, id, channel] as [Language, TemplateId, Channel]),
  ),
);

describe("templates", () => {
  it.each(cases)(
    "%s %s renders for %s with every variable, an SMS in at most two segments",
    (language, id, channel) => {
      const rendered = renderMessage(id, channel, language, fullVariables);
      if (!rendered.ok) throw new Error(`${language} ${id} ${channel}: ${JSON.stringify(rendered.error)}`);
      const message = rendered.value;
      const texts =
        message.channel === "email"
          ? [message.subject, message.text, message.html]
          : message.channel === "sms"
            ? [message.text]
            : message.says.map((say) => say.text);
      for (const text of texts) {
        expect(text).not.toMatch(/\{[a-zA-Z]+\}/);
        expect(text).not.toContain("undefined");
      }
      if (message.channel === "sms") expect(countSmsSegments(message.text).segments).toBeLessThanOrEqual(2);
    },
  );

  it.each(languages)("%s milestone SMS carry the opt-out reminder", (language) => {
    const rendered = renderMessage("received", "sms", language, fullVariables);
    expect(rendered.ok && rendered.value.channel === "sms" && rendered.value.text).toContain("STOP");
  });

  it.each(channels)("a %s message with a missing variable is refused, not sent with a gap", (channel) => {
    const { deadline: _deadline, ...withoutDeadline } = fullVariables;
    const rendered = renderMessage("return_deadline_reminder", channel, "en", withoutDeadline);
    expect(rendered).toEqual({ ok: false, error: { kind: "missing_variables", missing: ["deadline"] } });
  });

  it("an empty or malformed date counts as missing", () => {
    expect(renderMessage("cure_deadline_reminder", "sms", "es", { ...fullVariables, deadline: "soon" }).ok).toBe(false);
    expect(renderMessage("cure_deadline_reminder", "sms", "es", { ...fullVariables, deadline: " " }).ok).toBe(false);
  });

  it("a template is refused on a channel it is not written for", () => {
    expect(renderMessage("email_confirm", "sms", "en", fullVariables)).toEqual({
      ok: false,
      error: { kind: "wrong_channel", channel: "sms" },
    });
  });

  it("an email without an unsubscribe link is refused", () => {
    const { unsubscribeUrl: _url, ...rest } = fullVariables;
    expect(renderMessage("counted", "email", "en", rest)).toMatchObject({ ok: false });
  });

  it("email html escapes variables and links the URLs", () => {
    const rendered = renderMessage("received", "email", "en", { ...fullVariables, countyName: "<b>A & B</b>" });
    if (!rendered.ok || rendered.value.channel !== "email") throw new Error("not rendered");
    expect(rendered.value.html).toContain("&#60;b&#62;A &#38; B&#60;/b&#62;");
    expect(rendered.value.html).toContain('<a href="https://vote.sbcounty.example/track">');
  });

  it("dates and reasons read in the voter's language", () => {
    const rendered = renderMessage("not_counted_cure", "email", "es", fullVariables);
    if (!rendered.ok || rendered.value.channel !== "email") throw new Error("not rendered");
    expect(rendered.value.text).toContain("1 de diciembre de 2026");
    expect(rendered.value.text).toContain("la firma no coincide");
    expect(rendered.value.text).toContain("https://vote.sbcounty.example/cure-form");
  });

  it("a Khmer call is announced and read in English, since Twilio has no Khmer voice", () => {
    const rendered = renderMessage("counted", "voice", "km", fullVariables);
    if (!rendered.ok || rendered.value.channel !== "voice") throw new Error("not rendered");
    expect(rendered.value.says[0]?.text).toMatch(/in English because no Khmer voice/);
    expect(rendered.value.says.every((say) => say.language === "en-US")).toBe(true);
    expect(rendered.value.says.map((say) => say.text).join(" ")).toContain("Your ballot was counted.");
  });

  it.each(languages.filter((language) => language !== "en"))(
    "%s translations are flagged for review by a certified translator",
    (language) => {
      expect(languagePacks[language].reviewed).toBe(false);
    },
  );
});

describe("countSmsSegments", () => {
  it.each([
    ["", "GSM-7", 0],
    ["a".repeat(160), "GSM-7", 1],
    ["a".repeat(161), "GSM-7", 2],
    ["a".repeat(306), "GSM-7", 2],
    ["a".repeat(307), "GSM-7", 3],
    // Extension characters cost two septets.
    ["€".repeat(80), "GSM-7", 1],
    ["€".repeat(81), "GSM-7", 2],
    // An escape pair is not split: 152 plain septets then a euro sign needs a new segment.
    [`${"a".repeat(152)}€${"a".repeat(10)}`, "GSM-7", 2],
    [`${"a".repeat(152)}€${"a".repeat(152)}`, "GSM-7", 3],
    ["é".repeat(160), "GSM-7", 1],
    // á is not in the GSM alphabet: the whole message becomes UCS-2.
    [`á${"a".repeat(69)}`, "UCS-2", 1],
    [`á${"a".repeat(70)}`, "UCS-2", 2],
    ["中".repeat(134), "UCS-2", 2],
    ["中".repeat(135), "UCS-2", 3],
    // A surrogate pair (emoji) is two code units and is not split across segments.
    [`${"中".repeat(66)}🗳${"中".repeat(10)}`, "UCS-2", 2],
    [`${"中".repeat(66)}🗳${"中".repeat(66)}`, "UCS-2", 3],
  ] as const)("%#: %s takes its segments in %s", (text, encoding, segments) => {
    expect(countSmsSegments(text)).toMatchObject({ encoding, segments });
  });
});
