import { describe, expect, test, waitFor } from "@ballot/testing";
import { county, startPipeline } from "./test-pipeline.ts";

const election = "2026-11-03-general";
const imbOf = (serial: string, stid: string, zip: string) => `00${stid}314159${serial}${zip}`;

/** One voter's ballot, and every step of its life as the county files and the USPS feed report it. */
function ballotLife(index: number) {
  const serial = String(700 + index).padStart(9, "0");
  const voterId = `V${700 + index}`;
  const ballotId = `B${700 + index}`;
  const outboundImb = imbOf(serial, "720", "95616123456");
  const returnImb = imbOf(serial, "777", "95695123401");
  const statusHeader = "ballot_id,status,occurred_at,reason_code,cure_deadline,cure_url,channel,note";
  const statusCsv = (row: string) => ({ path: `/v1/counties/${county}/statuses`, csv: `${statusHeader}\n${row}\n` });
  const scan = (imb: string, at: string, mailPhase: string) => ({
    path: "/v1/feeds/usps/ivmtr",
    json: { events: [{ imb, scanDatetime: at, scanEventCode: "919", mailPhase, expectedDeliveryDate: "2026-10-09" }] },
  });
  const steps = [
    {
      path: `/v1/counties/${county}/ballots`,
      csv: `ballot_id,voter_id,election_id,outbound_imb,return_imb,issued_at\n${ballotId},${voterId},${election},${outboundImb},${returnImb},2026-10-05\n`,
      status: "issued",
    },
    { ...statusCsv(`${ballotId},mailed,2026-10-06T09:00:00-07:00,,,,mail,`), status: "mailed" },
    { ...scan(outboundImb, "2026-10-07T02:40:00-07:00", "Phase 1a - Origin Primary Processing"), status: "in_transit" },
    { ...scan(outboundImb, "2026-10-09T11:05:00-07:00", "Phase 4c - Delivery"), status: "delivered" },
    {
      ...scan(returnImb, "2026-10-15T20:10:00-07:00", "Phase 1a - Origin Primary Processing"),
      status: "returned_by_voter",
    },
    { ...statusCsv(`${ballotId},received,2026-10-17T10:00:00-07:00,,,,mail,`), status: "received" },
    {
      ...statusCsv(
        `${ballotId},rejected,2026-10-18T10:00:00-07:00,signature_mismatch,11-12-2026,https://vote.example.gov/cure,,`,
      ),
      status: "cure_pending",
    },
    { ...statusCsv(`${ballotId},cured,2026-10-20T10:00:00-07:00,,,,,`), status: "cured" },
    { ...statusCsv(`${ballotId},accepted,2026-10-21T10:00:00-07:00,,,,,`), status: "accepted" },
    { ...statusCsv(`${ballotId},counted,2026-11-04T10:00:00-08:00,,,,,`), status: "counted" },
  ];
  const voterRow = `${voterId},Renée,Dela Cruz-Ngô,03-0${index + 1}-1961,95616,${county},tl,,`;
  const identity = {
    firstName: "Renee",
    lastName: "dela cruz ngo",
    dateOfBirth: `03-0${index + 1}-1961`,
    zip: "95616",
  };
  return { ballotId, steps, voterRow, identity };
}

type Step = ReturnType<typeof ballotLife>["steps"][number];

describe("a ballot's whole life", () => {
  test("issued to counted through the county CSV and USPS feed interfaces, read back through the API in any order", async ({
    ns,
  }) => {
    const pipeline = await startPipeline(ns);
    try {
      const inOrder = ballotLife(0);
      const backwards = ballotLife(1);
      const interleaved = ballotLife(2);
      const lives = [inOrder, backwards, interleaved];
      const voters = await pipeline.postCsv(
        `/v1/counties/${county}/voters`,
        [
          "voter_id,first_name,last_name,date_of_birth,zip,county,language,email,phone",
          ...lives.map((l) => l.voterRow),
        ].join("\n"),
      );
      expect(voters.body).toMatchObject({ accepted: 3, rejected: 0 });
      const send = async (step: Step) => {
        const answer =
          step.csv !== undefined
            ? await pipeline.postCsv(step.path, step.csv)
            : await pipeline.postJson(step.path, step.json);
        expect(answer.body).toMatchObject({ accepted: 1, rejected: 0 });
      };
      const statusOf = async (identity: Record<string, string>) => (await pipeline.lookup(identity)).body.ballots?.[0];

      // In order, one step at a time: the voter sees each status as it happens.
      for (const step of inOrder.steps) {
        await send(step);
        await waitFor(
          `${inOrder.ballotId} to show ${step.status}`,
          async () => (await statusOf(inOrder.identity))?.status === step.status,
        );
      }
      // Backwards, and odd steps before even ones: the county's statuses often come before the ballot record.
      for (const step of [...backwards.steps].reverse()) await send(step);
      const odd = interleaved.steps.filter((_, position) => position % 2 === 1);
      const even = interleaved.steps.filter((_, position) => position % 2 === 0);
      for (const step of [...odd, ...even]) await send(step);

      const everyStatus = inOrder.steps.map((step) => step.status);
      for (const life of lives) {
        const ballot = await waitFor(`${life.ballotId} to be counted`, async () => {
          const found = await statusOf(life.identity);
          return found?.status === "counted" && found.timeline.length === everyStatus.length ? found : undefined;
        });
        expect(ballot.ballotId).toBe(life.ballotId);
        expect(ballot.timeline.map((entry) => entry.status)).toEqual(everyStatus);
        expect(ballot.expectedDeliveryDate).toBe("2026-10-09");
        expect(ballot.timeline.find((entry) => entry.status === "cure_pending")).toMatchObject({
          reasonCode: "signature_mismatch",
        });
      }
      // The three orders end in one state: the same answer, timestamps and all.
      const answers = await Promise.all(
        lives.map(async (life) => JSON.stringify({ ...(await statusOf(life.identity)), ballotId: "" })),
      );
      expect(new Set(answers).size).toBe(1);
    } finally {
      await pipeline.stop();
    }
  });
});
