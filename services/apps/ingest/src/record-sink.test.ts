import { uspsScanChunkSchema } from "@ballot/contracts";
import { defaultChunkBounds, scanFieldMaxLength } from "@ballot/core";
import { describe, expect, it } from "vitest";
import { cutRaw, deadLetterRawMaxBytes } from "./record-sink.ts";

const natsMaxPayloadBytes = 1024 * 1024;

describe("record sink bounds", () => {
  it("fits the largest chunk of the largest scans into one NATS message", () => {
    // "€" is one UTF-16 unit and three UTF-8 bytes; a quote doubles as a JSON escape: the worst a feed field can be.
    const widest = "€".repeat(scanFieldMaxLength);
    const scan = {
      imb: "0".repeat(31),
      mailerId: "9".repeat(9),
      serialNumber: "9".repeat(9),
      serviceTypeId: "720",
      direction: "outbound" as const,
      milestone: "out_for_delivery" as const,
      occurredAt: "2026-10-14T10:12:00.000Z",
      rawTimestamp: widest,
      timeZone: "x".repeat(64),
      scanEventCode: widest,
      mailPhase: '"'.repeat(scanFieldMaxLength),
      facilityZip: "95813",
      facilityLocaleKey: widest,
      expectedDeliveryDate: "2026-10-16",
      feed: "f".repeat(64),
    };
    const chunk = { scans: Array.from({ length: defaultChunkBounds.maxRecords }, () => scan) };
    expect(uspsScanChunkSchema.safeParse(chunk).success).toBe(true);
    expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThan(natsMaxPayloadBytes * 0.75);
  });

  it("keeps a raw record whole when it fits a dead letter, and cuts it on a character boundary when not", () => {
    expect(cutRaw("short", "why")).toEqual({ raw: "short", reason: "why" });
    const cut = cutRaw("é".repeat(deadLetterRawMaxBytes), "why");
    expect(Buffer.byteLength(cut.raw)).toBe(deadLetterRawMaxBytes);
    expect(cut.raw.endsWith("é")).toBe(true);
    expect(cut.reason).toBe(
      `why (raw record cut to its first ${deadLetterRawMaxBytes} of ${2 * deadLetterRawMaxBytes} bytes)`,
    );
  });
});
