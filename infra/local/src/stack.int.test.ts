import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { defaultContactWindow, isWithinWindow, wallClockAt } from "@ballot/core";
import type { SimulatedVoter } from "@ballot/simulator";
import { waitFor } from "@ballot/testing";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";
import { localCountyTimeZone } from "./stack.ts";

const groupAlive = (pgid: number): boolean => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};

type Sample = Pick<SimulatedVoter, "voterId" | "firstName" | "lastName" | "dateOfBirth" | "zip" | "language">;

/**
 * The done-when's broadcast: the printed staff token drafts a deadline reminder to the whole county, the preview
 * counts every sample voter (the only subscribers), the second printed token approves it, the first sends it; each
 * sample voter's email reaches the outbox in their language (at night: every message waits for the morning).
 */
/**
 * Runs the county import exactly as the stack prints it, with a statuses file of one good row (the sample voter's
 * ballot received at a drop box) and one bad one: the printed address and token work, and a bad row is reported.
 */
function importCountyFile(output: string, sample: Sample) {
  const printed =
    /the county's own files \(CSV\): INGEST_URL=(\S+) INGEST_COUNTY_TOKEN=(\S+) .*--county (\S+) FILE/.exec(output);
  expect(printed).not.toBeNull();
  const [, ingestUrl, token, county] = printed as unknown as [string, string, string, string];
  const dir = mkdtempSync(join(tmpdir(), "stack-county-"));
  const file = join(dir, "statuses.csv");
  // The simulator numbers ballots after their voters (V00000001 holds B00000001).
  const ballotId = `B${sample.voterId.slice(1)}`;
  writeFileSync(
    file,
    "ballot_id,status,occurred_at,reason_code,cure_deadline,cure_url,channel,note\r\n" +
      `${ballotId},received,${new Date().toISOString()},,,,drop_box,\r\n` +
      `${ballotId},counted,not a date,,,,,\r\n`,
  );
  const run = spawnSync(
    process.execPath,
    ["services/apps/ingest/src/cli/county.ts", "import", "statuses", "--county", county, "--json", file],
    { cwd: repoRoot, env: { ...process.env, INGEST_URL: ingestUrl, INGEST_COUNTY_TOKEN: token }, encoding: "utf8" },
  );
  rmSync(dir, { recursive: true, force: true });
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout)).toMatchObject({ records: 2, accepted: 1, rejected: 1 });
}

async function driveBroadcast(output: string, apiUrl: string, outboxDir: string, samples: readonly Sample[]) {
  const staffToken = /staff token for this run: (\S+)\)/.exec(output)?.[1];
  const secondToken = /a second approver's token, to approve a broadcast someone else drafted: (\S+)/.exec(output)?.[1];
  expect(staffToken && secondToken).toBeTruthy();
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${apiUrl}/v1/dashboard/counties/06999/broadcasts${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const created = await call(staffToken as string, "POST", "", {
    kind: "deadline_reminder",
    variables: { deadline },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const id = created.body.id as string;
  type Preview = {
    audience: { voters: number; messages: number };
    messages: Record<string, { email: { subject: string } }>;
  };
  // The sample voters count once the roll has given each one's county.
  const preview = await waitFor("the preview to count every sample voter", async () => {
    const answer = await call(staffToken as string, "GET", `/${id}/preview`);
    const body = answer.body as unknown as Preview;
    return answer.status === 200 && body.audience.voters === samples.length ? body : undefined;
  });
  expect((await call(staffToken as string, "POST", `/${id}/approve`)).status).toBe(403);
  expect((await call(secondToken as string, "POST", `/${id}/approve`)).body).toMatchObject({ status: "approved" });
  expect((await call(staffToken as string, "POST", `/${id}/send`)).body).toMatchObject({ status: "sending" });
  const fileOf = (voterId: string) => join(outboxDir, `broadcast_${id}_${voterId}_email.json`);
  if (isWithinWindow(wallClockAt(Date.now(), localCountyTimeZone).minute, defaultContactWindow)) {
    for (const sample of samples) {
      await waitFor(`the broadcast's email to ${sample.voterId}`, () => existsSync(fileOf(sample.voterId)), {
        timeoutMs: 30_000,
      });
      const email = JSON.parse(readFileSync(fileOf(sample.voterId), "utf8")) as { subject: string; to: string };
      const language = preview.messages[sample.language] ? sample.language : "en";
      expect(email.subject, sample.voterId).toBe(preview.messages[language]?.email.subject);
      expect(email.to).toBe(`${sample.voterId.toLowerCase()}@voter.example`);
    }
    await waitFor(
      "the broadcast to be sent",
      async () => (await call(staffToken as string, "GET", `/${id}`)).body.status === "sent",
      {
        timeoutMs: 30_000,
      },
    );
  } else {
    await waitFor(
      "every message of the broadcast to wait for the morning",
      async () =>
        ((await call(staffToken as string, "GET", `/${id}`)).body.progress as { waiting: number }).waiting ===
        preview.audience.messages,
      { timeoutMs: 30_000 },
    );
    expect(samples.filter((sample) => existsSync(fileOf(sample.voterId)))).toEqual([]);
  }
}

describe("npm start stack", () => {
  it("serves a sample voter's ballot status through the API within 60 seconds and stops cleanly on Ctrl-C", async () => {
    const startedAt = Date.now();
    const { NATS_URL: _nats, REDIS_URL: _redis, ...env } = process.env;
    // Its own process group, as a terminal gives it, so Ctrl-C (SIGINT to the group) can be played exactly.
    const child = spawn(
      process.execPath,
      [
        "infra/local/src/main.ts",
        "--voters",
        "1500",
        "--days-per-minute",
        "120",
        "--api-port",
        "0",
        "--ingest-port",
        "0",
        "--site-port",
        "0",
      ],
      { cwd: repoRoot, env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
    );
    const pgid = child.pid as number;
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => lines.push(line));
    createInterface({ input: child.stderr }).on("line", (line) => lines.push(line));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      const samplesLine = await waitFor(
        "the stack to print its sample voters",
        () => lines.find((line) => line.includes("samples as JSON: ")),
        { timeoutMs: 50_000 },
      );
      const apiUrl = /API:\s+(http:\/\/\S+)\/v1\/lookup/.exec(lines.join("\n"))?.[1];
      const siteUrl = /site: (http:\/\/\S+)\//.exec(lines.join("\n"))?.[1];
      expect(apiUrl).toBeDefined();
      const samples = JSON.parse(samplesLine.split("samples as JSON: ")[1] as string) as Sample[];
      expect(samples.length).toBeGreaterThanOrEqual(3);
      const sample = samples[0] as (typeof samples)[number];
      const [year, month, day] = sample.dateOfBirth.split("-");
      const ballots = await waitFor("the sample voter's ballot", async () => {
        const response = await fetch(`${apiUrl}/v1/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ ...sample, dateOfBirth: `${month}-${day}-${year}` }),
        });
        const body = (await response.json()) as { ballots?: { status: string }[] };
        return response.ok && body.ballots?.length ? body.ballots : undefined;
      });
      expect(ballots[0]?.status).toMatch(/^[a-z_]+$/);
      expect(Date.now() - startedAt).toBeLessThan(60_000);
      const outboxDir = /messages to the sample voters go to the outbox: (\S+)/.exec(lines.join("\n"))?.[1] as string;
      // The notifier makes the folder with its first message.
      const outboxFiles = () =>
        existsSync(outboxDir)
          ? readdirSync(outboxDir, { withFileTypes: true }).filter(
              (entry) => entry.isFile() && !entry.name.startsWith("."),
            )
          : [];
      if (isWithinWindow(wallClockAt(Date.now(), localCountyTimeZone).minute, defaultContactWindow)) {
        const outboxFile = await waitFor("a message to a sample voter in the outbox", () => outboxFiles()[0]?.name, {
          timeoutMs: 30_000,
        });
        const message = JSON.parse(readFileSync(join(outboxDir, outboxFile), "utf8")) as {
          channel: string;
          to: string;
        };
        // Only the sample voters are subscribed: the message is to one of their synthetic addresses.
        expect(["email", "sms", "voice"]).toContain(message.channel);
        expect(message.to).toMatch(/@voter\.example$|^\+1555555\d{4}$/);
        // The outbox page of the site lists it, whole.
        const outboxPage = await fetch(`${siteUrl}/outbox/`);
        expect(outboxPage.status).toBe(200);
        expect(await outboxPage.text()).toContain(message.to);
      } else {
        // Night in the county: the sample voters' messages are held for the morning, and nothing goes out.
        expect(lines.join("\n")).toContain("it is night in the county");
        await waitFor(
          "the outbox page to say messages are held for quiet hours",
          async () => / held for quiet hours/.test(await (await fetch(`${siteUrl}/outbox/`)).text()),
          { timeoutMs: 30_000 },
        );
        expect(outboxFiles()).toEqual([]);
      }
      await driveBroadcast(lines.join("\n"), apiUrl as string, outboxDir, samples);
      importCountyFile(lines.join("\n"), sample);
      const page = await fetch(`${siteUrl}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Track your mail ballot");
    } finally {
      process.kill(-pgid, "SIGINT");
    }
    expect(await exited).toBe(0);
    await waitFor("every process of the stack to be gone", () => !groupAlive(pgid), { timeoutMs: 15_000 });
    expect(lines.join("\n")).toContain("stopped; nothing left running");
  });
});
