import { describe, expect, test } from "@ballot/testing";
import { contentMessageId, JetStreamPublisher } from "./publisher.ts";

describe("JetStreamPublisher", () => {
  test("a re-sent message with the same content id is stored once", async ({ ns }) => {
    const publisher = new JetStreamPublisher(ns.jetstream.js);
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
});
