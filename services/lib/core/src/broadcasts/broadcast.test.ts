import { describe, expect, it } from "vitest";
import { sampleCountySettings } from "../../test-data/county-settings.ts";
import { channels, languages, type Subscription } from "../notifications/index.ts";
import { broadcastKinds, languagePacks } from "../templates/index.ts";
import {
  broadcastMessageIdOf,
  broadcastRecipientsOf,
  broadcastVariableNames,
  checkBroadcastVariables,
  createAudienceTally,
  isInAudience,
  renderBroadcastPreview,
} from "./broadcast.ts";

const today = "2026-10-20";
/** The longest county settings allowed (the notifier's county settings schema) and the longest values. */
const longestCounty = {
  ...sampleCountySettings,
  name: "San Bernardino County Registrar of Voter",
  smsName: "SanBernardino.",
  phone: "(909) 555-0123 x1234",
  trackUrl: "https://vote.sbcounty.example/track/ballot/status/abcdefghijk",
};
const longestPlace = {
  placeName: "N".repeat(30),
  placeAddress: "1234 Very Long Avenue Name, Suite 100, San Bernardino 92415",
};

describe("broadcast variables", () => {
  it("a deadline reminder takes the deadline date", () => {
    expect(checkBroadcastVariables("deadline_reminder", { deadline: "2026-11-03" }, today)).toEqual({
      ok: true,
      value: { deadline: "2026-11-03" },
    });
  });

  it.each([
    ["deadline_reminder", {}, "variables.deadline", /missing/],
    ["deadline_reminder", { deadline: " " }, "variables.deadline", /missing/],
    ["deadline_reminder", { deadline: "11/03/2026" }, "variables.deadline", /YYYY-MM-DD/],
    ["deadline_reminder", { deadline: "2026-02-30" }, "variables.deadline", /YYYY-MM-DD/],
    ["deadline_reminder", { deadline: "2026-10-19" }, "variables.deadline", /in the past/],
    ["deadline_reminder", { deadline: "2026-11-03", placeName: "Hall" }, "variables.placeName", /no variable/],
    ["polling_place_change", { placeName: "Hall" }, "variables.placeAddress", /missing/],
    [
      "polling_place_change",
      { placeName: "Hall", placeAddress: "1 Main St", deadlin: "x" },
      "variables.deadlin",
      /no variable deadlin/,
    ],
    [
      "polling_place_change",
      { placeName: "N".repeat(31), placeAddress: "1 Main St" },
      "variables.placeName",
      /at most 30/,
    ],
    ["polling_place_change", { placeName: "Hall\nB", placeAddress: "1 Main St" }, "variables.placeName", /plain text/],
    [
      "polling_place_change",
      { placeName: "{deadline}", placeAddress: "1 Main St" },
      "variables.placeName",
      /plain text/,
    ],
    ["polling_place_change", { placeName: 42, placeAddress: "1 Main St" }, "variables.placeName", /text/],
  ] as const)("%s with %j is refused on %s", (kind, given, field, message) => {
    const checked = checkBroadcastVariables(kind, given, today);
    if (checked.ok) throw new Error("accepted");
    expect(checked.error.field).toBe(field);
    expect(checked.error.message).toMatch(message);
  });

  it.each(broadcastKinds)("every language's %s template uses exactly the declared variables", (kind) => {
    const system = new Set(["countyName", "smsName", "countyPhone", "trackUrl"]);
    for (const language of languages) {
      const text = languagePacks[language].broadcasts[kind];
      const used = new Set(
        [text.subject, text.body, text.sms ?? ""].flatMap((part) =>
          [...part.matchAll(/\{([a-zA-Z]+)\}/g)].map((m) => m[1]),
        ),
      );
      for (const name of system) used.delete(name);
      expect([...used].sort(), language).toEqual([...broadcastVariableNames[kind]].sort());
    }
  });
});

describe("broadcast preview", () => {
  it.each([
    ["deadline_reminder", { deadline: "2026-11-03" }],
    ["polling_place_change", longestPlace],
  ] as const)("%s renders in all ten languages on every channel, each SMS in two segments", (kind, variables) => {
    const preview = renderBroadcastPreview(kind, variables, longestCounty);
    if (!preview.ok) throw new Error(JSON.stringify(preview.error));
    for (const language of languages) {
      for (const channel of channels) {
        const message = preview.value[language][channel];
        expect(message.channel).toBe(channel);
        const texts =
          message.channel === "email"
            ? [message.subject, message.text]
            : message.channel === "sms"
              ? [message.text]
              : message.says.map((say) => say.text);
        for (const text of texts) expect(text, `${language} ${channel}`).not.toMatch(/\{[a-zA-Z]+\}|undefined/);
        if (message.channel === "sms") expect(message.segments, language).toBeLessThanOrEqual(2);
      }
    }
  });

  it("the place and the localised date appear in the voter's language", () => {
    const place = renderBroadcastPreview(
      "polling_place_change",
      { placeName: "Veterans Hall", placeAddress: "203 E 14th St" },
      sampleCountySettings,
    );
    const date = renderBroadcastPreview("deadline_reminder", { deadline: "2026-11-03" }, sampleCountySettings);
    if (!place.ok || !date.ok) throw new Error("not rendered");
    const sms = place.value.vi.sms;
    expect(sms.channel === "sms" && sms.text).toContain("Nơi bỏ phiếu mới: Veterans Hall, 203 E 14th St");
    const email = date.value.es.email;
    expect(email.channel === "email" && email.text).toContain("3 de noviembre de 2026");
    expect(email.channel === "email" && email.text).toContain(sampleCountySettings.trackUrl);
  });

  it("a template whose variable is missing is refused, naming the language, channel and variable", () => {
    const preview = renderBroadcastPreview("polling_place_change", { placeName: "Hall" }, sampleCountySettings);
    expect(preview).toMatchObject({
      ok: false,
      error: { field: "variables.placeAddress", language: "en", channel: "email" },
    });
  });
});

describe("audience", () => {
  const ballot = { county: "06113", electionId: "2026-11-03-general", zip: "95616", status: "in_transit" } as const;

  it.each([
    [{}, true],
    [{ electionId: "2026-11-03-general" }, true],
    [{ electionId: "2027-03-01-special" }, false],
    [{ zips: ["95616", "95618"] }, true],
    [{ zips: ["95618"] }, false],
    [{ statuses: ["mailed", "in_transit"] as const }, true],
    [{ statuses: ["received"] as const }, false],
    [{ electionId: "2026-11-03-general", zips: ["95616"], statuses: ["in_transit"] as const }, true],
  ])("filter %j matches the voter: %s", (filter, expected) => {
    expect(isInAudience("06113", filter, [ballot])).toBe(expected);
  });

  it("a ballot of another county never puts its voter in the audience", () => {
    expect(isInAudience("06067", {}, [ballot])).toBe(false);
  });

  it("a voter with a reissued ballot is in when any ballot matches", () => {
    expect(
      isInAudience("06113", { statuses: ["received"] }, [
        { ...ballot, status: "superseded" },
        { ...ballot, status: "received" },
      ]),
    ).toBe(true);
  });

  it("counts voters once and messages per confirmed channel in each channel's language", () => {
    const subscription: Subscription = {
      voterId: "V1",
      language: "es",
      channels: [
        { channel: "email", address: "v@example.org", consent: "confirmed", source: "voter", updatedAtMs: 0 },
        { channel: "sms", address: "+15555550123", consent: "pending", source: "voter", updatedAtMs: 0 },
        {
          channel: "voice",
          address: "+15555550124",
          consent: "confirmed",
          language: "en",
          source: "voter",
          updatedAtMs: 0,
        },
      ],
    };
    const tally = createAudienceTally();
    tally.add(broadcastRecipientsOf(subscription));
    tally.add([]);
    const count = tally.count();
    expect(count).toMatchObject({ voters: 1, messages: 2, byChannel: { email: 1, sms: 0, voice: 1, total: 2 } });
    expect(count.byLanguage.es).toEqual({ email: 1, sms: 0, voice: 0, total: 1 });
    expect(count.byLanguage.en).toEqual({ email: 0, sms: 0, voice: 1, total: 1 });
  });

  it("one message id per broadcast, voter and channel", () => {
    expect(broadcastMessageIdOf("b1", "V1", "sms")).toBe("broadcast:b1:V1:sms");
    expect(broadcastMessageIdOf("b1", "V1", "sms")).not.toBe(broadcastMessageIdOf("b2", "V1", "sms"));
  });
});
