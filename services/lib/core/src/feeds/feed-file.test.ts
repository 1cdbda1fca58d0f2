import { describe, expect, it } from "vitest";
import { detectTextFormat, parseFeedJson, parseFeedText, splitFeedRecords } from "./feed-file.ts";

const imb = "0072031415910000000395616123456";
const push = JSON.stringify({ events: [{ imb, scanDatetime: "2026-10-14T10:12:00Z" }] });
const pull = JSON.stringify({ data: { imb, scans: [{ scan_date_time: "2026-10-14T10:12:00Z" }] } });
const delimited = `imb|scan_date_time\n${imb}|2026-10-14T10:12:00Z\n`;
const legacy = "80204,141,07/20/2016 12:38:20, ,00040123456789123456\n";

describe("feed files", () => {
  it.each([
    [push, "ivmtr-push"],
    [` \n${pull}`, "ivmtr-pull"],
    [delimited, "delimited"],
    [legacy, "legacy-pkg"],
  ])("detects the format of %j and reads its record", (text, format) => {
    const parsed = parseFeedText(text);
    expect(parsed.ok && parsed.value.format).toBe(format);
    expect(parsed.ok && parsed.value.records.map((record) => record.ok)).toEqual([true]);
  });

  it.each([
    ["\u0000\u0001\u0002binary", "binary"],
    ["\uFFFD".repeat(20), "binary"],
    ["   ", "empty"],
  ])("refuses %j as a whole", (text, reason) => {
    const detected = detectTextFormat(text);
    expect(!detected.ok && detected.error).toContain(reason);
  });

  it("refuses JSON that is truncated or has neither shape", () => {
    expect(parseFeedText(push.slice(0, 30))).toMatchObject({
      ok: false,
      error: expect.stringContaining("not valid JSON"),
    });
    expect(parseFeedText('{"records": []}').ok).toBe(false);
    expect(parseFeedJson([1, 2]).ok).toBe(false);
  });

  it("treats a .json file name as JSON and honours an explicit format", () => {
    expect(detectTextFormat("imb,x", "scans.json")).toEqual({ ok: true, value: "json" });
    expect(parseFeedText(push, { format: "ivmtr-pull" }).ok).toBe(false);
    expect(parseFeedText(legacy, { format: "legacy-pkg" }).ok).toBe(true);
  });

  it("cuts line-oriented files into records that keep quoted line breaks", () => {
    const text = `imb,mail_phase\n${imb},"a\nb"\n${imb},c\n`;
    expect(splitFeedRecords(text, "delimited")).toEqual({
      header: "imb,mail_phase",
      records: [`${imb},"a\nb"`, `${imb},c`],
    });
    expect(splitFeedRecords(`${legacy}\n${legacy}`, "legacy-pkg").records).toHaveLength(2);
  });
});
