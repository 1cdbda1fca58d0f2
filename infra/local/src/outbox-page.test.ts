import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readOutbox, renderOutboxPage } from "./outbox-page.ts";

describe("the local outbox page", () => {
  it("lists messages newest first, escapes their text, and skips files it cannot read", async () => {
    const dir = await mkdtemp(join(tmpdir(), "outbox-page-"));
    const message = (id: string, writtenAt: string, text: string) => ({
      messageId: `314159:000000001:${id}:sms`,
      channel: "sms",
      to: "+15555550150",
      text,
      writtenAt,
    });
    await writeFile(join(dir, "a.json"), JSON.stringify(message("received", "2026-10-20T10:00:00Z", "Recibida <b>")));
    await writeFile(join(dir, "b.json"), JSON.stringify(message("counted", "2026-11-04T10:00:00Z", "Counted & done")));
    await writeFile(join(dir, "c.json"), "{ half a file");
    const messages = await readOutbox(dir);
    expect(messages.map((entry) => entry.messageId.split(":")[2])).toEqual(["counted", "received"]);
    const page = renderOutboxPage(messages, dir);
    expect(page).toContain("Recibida &#60;b&#62;");
    expect(page).not.toContain("<b>");
    expect(page).toContain("Counted &#38; done");
    expect(page.indexOf("counted")).toBeLessThan(page.indexOf("received"));
  });

  it("says where messages will appear while there are none", async () => {
    expect(await readOutbox(join(tmpdir(), "no-such-outbox-folder"))).toEqual([]);
    expect(renderOutboxPage([], "/tmp/outbox")).toContain("No messages yet");
    expect(renderOutboxPage([], "/tmp/outbox", 12)).toContain("12 held for quiet hours");
  });
});
