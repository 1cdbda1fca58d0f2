import { isDeepStrictEqual } from "node:util";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createCatalog } from "./catalog.ts";
import { exactCheckOf, safeParseFast } from "./exact-check.ts";
import { uspsScanChunkSchema, uspsScanSchema } from "./messages.ts";

const scan = {
  imb: "00040314159000000123",
  mailerId: "314159",
  serialNumber: "000000123",
  serviceTypeId: "040",
  direction: "outbound",
  milestone: "in_transit",
  occurredAt: "2026-10-07T02:40:00.000Z",
  rawTimestamp: "2026-10-06 19:40:00",
  timeZone: "America/Los_Angeles",
  scanEventCode: "SD",
  facilityZip: "95616",
  expectedDeliveryDate: "2026-10-09",
  feed: "usps",
};

/** Values near a scan: each field replaced by something of the right kind, the wrong kind, or left out. */
const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.stringMatching(/^\d{0,33}$/),
  fc.constantFrom(
    "outbound",
    "return",
    "other",
    "delivered",
    "2026-02-29",
    "2024-02-29",
    "2026-10-07T02:40:00Z",
    "2026-10-07T02:40:00+05:30",
    "2026-10-07T02:40:00",
    "2026-13-07T02:40:00Z",
    "x".repeat(129),
    "x".repeat(64),
    "x".repeat(65),
  ),
  fc.integer(),
  fc.constantFrom(null, true, undefined, [], {}),
);
const nearScan = fc
  .record({
    changes: fc.dictionary(fc.constantFrom(...Object.keys(scan), "extra", "__proto__", "toString"), fieldValue, {
      maxKeys: 3,
    }),
    removed: fc.subarray(Object.keys(scan), { maxLength: 3 }),
  })
  .map(({ changes, removed }) => {
    const value: Record<string, unknown> = { ...scan };
    for (const key of removed) delete value[key];
    for (const [key, item] of Object.entries(changes))
      Object.defineProperty(value, key, { value: item, enumerable: true, configurable: true, writable: true });
    return value;
  });

/** What the check promises: yes exactly when zod accepts the value and gives back the same value. */
function expectAgreement(schema: z.ZodType, value: unknown): boolean {
  const check = exactCheckOf(schema);
  if (!check) throw new Error("the schema has no exact check");
  const parsed = schema.safeParse(value);
  const unchanged = parsed.success && isDeepStrictEqual(parsed.data, value);
  expect(check(value)).toBe(unchanged);
  return unchanged;
}

describe("exact checks", () => {
  it("accept a scan and a chunk that zod accepts, and give them back as they are", () => {
    const chunk = { scans: [scan, { ...scan, direction: "return" }], batchId: "batch-1" };
    expect(exactCheckOf(uspsScanSchema)?.(scan)).toBe(true);
    expect(safeParseFast(uspsScanChunkSchema, chunk)).toEqual({ success: true, data: chunk });
  });

  it("say yes exactly where zod accepts a value and gives it back unchanged (property, against zod)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(nearScan, (value) => {
        if (expectAgreement(uspsScanSchema, value)) accepted += 1;
        expectAgreement(uspsScanChunkSchema, { scans: [value], batchId: "b-1" });
      }),
      { numRuns: 3_000, seed: 2026 },
    );
    // Both answers were well represented.
    expect(accepted).toBeGreaterThan(300);
    expect(accepted).toBeLessThan(2_700);
  });

  it("defer to zod for what it would change or refuse, so that zod gives the reason", () => {
    const check = exactCheckOf(uspsScanChunkSchema);
    expect(check?.({ scans: [] })).toBe(false);
    expect(check?.({ scans: Array.from({ length: 513 }, () => scan) })).toBe(false);
    expect(check?.({ scans: [scan], unknown: 1 })).toBe(false);
    expect(check?.({ scans: [{ ...scan, feed: undefined }] })).toBe(false);
    expect(check?.([scan])).toBe(false);
    const bare = Object.assign(Object.create(null), { scans: [scan] });
    expect(check?.(bare)).toBe(false);
    expect(safeParseFast(uspsScanChunkSchema, bare)).toEqual({ success: true, data: { scans: [scan] } });
    expect(check?.(null)).toBe(false);
    const refused = safeParseFast(uspsScanChunkSchema, { scans: [{ ...scan, mailerId: "31415" }] });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path).toEqual(["scans", 0, "mailerId"]);
    // What zod would strip, it strips: the result is zod's own.
    expect(safeParseFast(uspsScanSchema, { ...scan, extra: 1 })).toEqual({ success: true, data: scan });
  });

  it("exist only for schemas whose every part they cover", () => {
    expect(exactCheckOf(z.object({ when: z.string().default("now") }))).toBeUndefined();
    expect(exactCheckOf(z.object({ link: z.url() }))).toBeUndefined();
    expect(exactCheckOf(z.string().refine((text) => text.length > 2))).toBeUndefined();
    expect(exactCheckOf(z.number())).toBeUndefined();
    expect(exactCheckOf(z.object({}).catchall(z.string()))).toBeUndefined();
    const subjects = createCatalog("t").subjects;
    expect(exactCheckOf(subjects.uspsScans.schema)).toBeDefined();
    expect(exactCheckOf(subjects.countyBallot.schema)).toBeDefined();
    expect(exactCheckOf(subjects.statusChanged.schema)).toBeDefined();
  });

  it("agree with zod on nullable fields and string lengths at their bounds", () => {
    const schema = z.object({ from: z.enum(["a", "b"]).nullable(), name: z.string().min(1).max(3) });
    for (const from of [null, "a", "c", undefined, 1])
      for (const name of ["", "x", "xyz", "wxyz", 3])
        expect(exactCheckOf(schema)?.({ from, name })).toBe(schema.safeParse({ from, name }).success);
  });
});
