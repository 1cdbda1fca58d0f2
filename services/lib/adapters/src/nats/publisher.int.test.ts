import { describe, expect, test } from "@ballot/testing";
import { contentMessageId, JetStreamPublisher } from "./publisher.ts";

describe("JetStreamPublisher", () => {
  test("a re-sent message with the same content id is stored once", async ({ ns }) => {
    const publisher = new JetStreamPublisher(ns.jetstream);
    const letter = { source: "test", reason: "because", raw: "{}", receivedAt: "2026-11-03T08:00:00Z" };
    const subject = ns.catalog.subjects.deadLetter("test");
    const id = contentMessageId(letter.raw, letter.reason);
    const first = await publisher.publish(subject, letter, id);
    const again = await publisher.publishAll(subject, [{ payload: letter, msgId: id }]);
    expect(first.duplicate).toBe(false);
    expect(again[0]?.duplicate).toBe(true);
    const info = await ns.jetstream.jsm.streams.info(ns.catalog.streams.deadLetters.name);
    expect(info.state.messages).toBe(1);
  });

  test("many publishes at once each get their own acknowledgement, in order", async ({ ns }) => {
    const publisher = new JetStreamPublisher(ns.jetstream);
    const subject = ns.catalog.subjects.deadLetter("many");
    const items = Array.from({ length: 1_000 }, (_, index) => ({
      payload: { source: "test", reason: "many", raw: String(index), receivedAt: "2026-11-03T08:00:00Z" },
      msgId: `many-${index % 900}`,
    }));
    const outcomes = await publisher.publishAll(subject, items, 256);
    expect(outcomes.filter((outcome) => outcome.duplicate)).toHaveLength(100);
    const sequences = outcomes.filter((outcome) => !outcome.duplicate).map((outcome) => outcome.sequence);
    expect(new Set(sequences).size).toBe(900);
  });

  test("a subject no stream takes is refused at once, as a transient error", async ({ ns }) => {
    const publisher = new JetStreamPublisher(ns.jetstream, { ackTimeoutMs: 30_000 });
    const startedAt = performance.now();
    const subject = { ...ns.catalog.subjects.deadLetter("x"), name: `no-stream-${Date.now()}.here` };
    await expect(
      publisher.publish(subject, { source: "t", reason: "r", raw: "{}", receivedAt: "x" }, "id-1"),
    ).rejects.toMatchObject({
      name: "TransientError",
      cause: { message: expect.stringContaining("no stream") },
    });
    expect(performance.now() - startedAt).toBeLessThan(10_000);
  });
});
