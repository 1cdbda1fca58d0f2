import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { RedisSubscriptionStore } from "@ballot/adapters";
import { describe, expect, test } from "@ballot/testing";
import { sampleCounties } from "../test-support.ts";

const run = promisify(execFile);
const script = join(import.meta.dirname, "enroll.ts");

describe("enroll.ts", () => {
  test("enrols the roll's contacts of a county that enrols, keeps a voter's STOP, skips bad lines", async ({ ns }) => {
    const dir = mkdtempSync(join(tmpdir(), "enroll-"));
    const file = join(dir, "contacts.jsonl");
    const lines = [
      { voterId: "V1", county: "06999", language: "tl", email: "v1@example.org", phone: "+15555550101" },
      { voterId: "V2", county: "06999", language: "xx", phone: "+15555550102" },
      { voterId: "V3", county: "36061", language: "en", email: "v3@example.org" },
      { voterId: "V4", county: "99999", email: "v4@example.org" },
      { voterId: "V5", county: "06999", email: "not an email" },
    ];
    writeFileSync(file, `${lines.map((line) => JSON.stringify(line)).join("\n")}\n`);
    const env = { ...process.env, ...ns.env, NOTIFIER_COUNTIES: JSON.stringify(sampleCounties) };
    const first = await run(process.execPath, [script, file], { env });
    // 36061 does not enrol automatically; 99999 has no settings; V5's email is not one.
    expect(JSON.parse(first.stdout)).toEqual({ enrolled: 2, kept: 0, not_enrolled: 1, invalid: 2 });
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    expect(await store.load("V1")).toMatchObject({
      language: "tl",
      channels: [
        { channel: "email", consent: "confirmed", source: "roll" },
        { channel: "sms", consent: "pending", source: "roll" },
      ],
    });
    expect((await store.load("V2"))?.language).toBe("en");
    await store.setConsent("V1", "email", "opted_out", Date.now());
    const again = await run(process.execPath, [script, file], { env });
    expect(JSON.parse(again.stdout)).toMatchObject({ enrolled: 0, kept: 2 });
    expect((await store.load("V1"))?.channels[0]?.consent).toBe("opted_out");
  });
});
