import type { SimulatedCounty } from "./county.ts";
import { createRandom } from "./random.ts";

const hourMs = 60 * 60 * 1000;
const dayMs = 24 * hourMs;

/** Something that happens in the simulated election: a USPS scan reported by the feed, or a county status row. */
export type ElectionEvent =
  | { readonly kind: "usps"; readonly sendAtMs: number; readonly event: Readonly<Record<string, string>> }
  | { readonly kind: "status"; readonly sendAtMs: number; readonly row: Readonly<Record<string, string>> };

export interface ElectionPlan {
  readonly startMs: number;
  readonly electionDayMs: number;
  readonly endMs: number;
  /** Sorted by the time the feed or county sends them. */
  readonly events: readonly ElectionEvent[];
}

export interface ElectionOptions {
  /** When ballots are issued (simulated day 0). */
  readonly startMs: number;
  /** Days from issue to election day. */
  readonly daysToElection?: number;
  readonly seed?: number;
}

const pacific = new Intl.DateTimeFormat("en-US", { timeZone: "America/Los_Angeles", timeZoneName: "longOffset" });

/** An instant as the facility's local time with its UTC offset, as IV-MTR writes it. */
function facilityTime(ms: number): string {
  const offset = pacific.formatToParts(new Date(ms)).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(offset);
  const sign = match?.[1] === "-" ? -1 : 1;
  const offsetMs = match ? sign * (Number(match[2]) * 60 + Number(match[3])) * 60_000 : 0;
  const local = new Date(ms + offsetMs).toISOString().slice(0, 19);
  return match ? `${local}${match[1]}${match[2]}:${match[3]}` : `${local}Z`;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

interface Scan {
  readonly phase: string;
  readonly handling: string;
  readonly opcode: string;
  readonly facilityZip: string;
}

const outboundScans: readonly Scan[] = [
  { phase: "Phase 1a - Origin Primary Processing", handling: "Physical", opcode: "271", facilityZip: "95813" },
  { phase: "Phase 2c - Destination Primary Processing", handling: "Physical", opcode: "291", facilityZip: "95813" },
  {
    phase: "Phase 3c - Destination Sequenced Carrier Sortation",
    handling: "Physical",
    opcode: "919",
    facilityZip: "95813",
  },
  { phase: "Phase 4c - Delivery", handling: "Logical Out for Delivery Event", opcode: "LOF", facilityZip: "" },
  { phase: "Phase 4c - Delivery", handling: "Logical Delivery Event", opcode: "LDE", facilityZip: "" },
];

const returnScans: readonly Scan[] = [
  {
    phase: "Phase 0 - Origin Processing Cancellation of Postage",
    handling: "Physical",
    opcode: "015",
    facilityZip: "95813",
  },
  { phase: "Phase 1a - Origin Primary Processing", handling: "Physical", opcode: "271", facilityZip: "95813" },
  { phase: "Phase 3b - Destination Box Mail Processing", handling: "Physical", opcode: "895", facilityZip: "95695" },
];

const parsScan: Scan = { phase: "PARS Processing", handling: "Physical", opcode: "857", facilityZip: "95813" };

/**
 * Plans a compressed election for a county: outbound legs with the usual phases over one to three days, ballots
 * back in the mail for most voters, county receipts, acceptances, signature rejections and cures, counting after
 * election day; with the noise real feeds have (missing scans, duplicates, late events, undeliverable pieces, other
 * mailers' IMbs).
 */
export function planElection(county: SimulatedCounty, { startMs, daysToElection = 28, seed = 7 }: ElectionOptions) {
  const random = createRandom(seed);
  const electionDayMs = startMs + daysToElection * dayMs;
  const events: ElectionEvent[] = [];
  const usps = (atMs: number, imb: string, scan: Scan, expectedDeliveryMs?: number) => {
    const event: Record<string, string> = {
      imb,
      scanDatetime: facilityTime(atMs),
      scanEventCode: scan.opcode,
      mailPhase: scan.phase,
      handlingEventTypeDescription: scan.handling,
      ...(scan.facilityZip ? { scanFacilityZip: scan.facilityZip } : {}),
      ...(expectedDeliveryMs ? { expectedDeliveryDate: isoDay(expectedDeliveryMs) } : {}),
    };
    // The feed reports scans a few hours late, sometimes a day late, and now and then twice.
    const lateMs = random.chance(0.03) ? dayMs : random.int(1, 6) * hourMs;
    events.push({ kind: "usps", sendAtMs: atMs + lateMs, event });
    if (random.chance(0.01)) events.push({ kind: "usps", sendAtMs: atMs + lateMs + 2 * hourMs, event });
  };
  const status = (atMs: number, row: Record<string, string>) => {
    events.push({
      kind: "status",
      sendAtMs: atMs + random.int(1, 4) * hourMs,
      row: { ...row, occurred_at: new Date(atMs).toISOString() },
    });
  };

  for (const ballot of county.ballots) {
    const mailedMs = startMs + dayMs + random.int(0, 2 * 24) * hourMs;
    status(mailedMs, { ballot_id: ballot.ballotId, status: "mailed", channel: "mail" });
    const deliveryMs = mailedMs + random.int(24, 72) * hourMs;
    if (random.chance(0.015)) {
      // Undeliverable as addressed: into PARS after destination processing, then back to the county.
      usps(mailedMs + random.int(2, 10) * hourMs, ballot.outboundImb, outboundScans[0] as Scan, deliveryMs);
      usps(mailedMs + random.int(20, 40) * hourMs, ballot.outboundImb, parsScan);
      status(mailedMs + random.int(4, 8) * dayMs, { ballot_id: ballot.ballotId, status: "undeliverable" });
      continue;
    }
    const steps = outboundScans.length;
    outboundScans.forEach((scan, step) => {
      if (random.chance(0.02)) return; // a scan the machines missed
      const atMs = mailedMs + ((deliveryMs - mailedMs) * (step + 1)) / steps - random.int(0, 3) * hourMs;
      usps(atMs, ballot.outboundImb, scan, deliveryMs);
    });
    if (!random.chance(0.9)) continue; // not every voter votes
    const backInMailMs = deliveryMs + random.next() * (daysToElection - 4) * dayMs + random.int(2, 20) * hourMs;
    returnScans.forEach((scan, step) => {
      if (random.chance(0.02)) return;
      usps(backInMailMs + step * random.int(6, 18) * hourMs, ballot.returnImb, scan);
    });
    const receivedMs = backInMailMs + random.int(30, 60) * hourMs;
    status(receivedMs, { ballot_id: ballot.ballotId, status: "received", channel: "mail" });
    const reviewedMs = receivedMs + random.int(1, 3) * dayMs;
    let acceptedMs = reviewedMs;
    if (random.chance(0.025)) {
      const cureDeadline = isoDay(electionDayMs + 28 * dayMs);
      status(reviewedMs, {
        ballot_id: ballot.ballotId,
        status: "rejected",
        reason_code: random.chance(0.7) ? "signature_mismatch" : "signature_missing",
        cure_deadline: cureDeadline,
        cure_url: "https://elections.example.org/cure",
      });
      if (!random.chance(0.5)) continue;
      acceptedMs = reviewedMs + random.int(3, 10) * dayMs;
      status(acceptedMs, { ballot_id: ballot.ballotId, status: "cured" });
    }
    status(acceptedMs, { ballot_id: ballot.ballotId, status: "accepted" });
    status(Math.max(acceptedMs, electionDayMs) + random.int(1, 3) * dayMs, {
      ballot_id: ballot.ballotId,
      status: "counted",
    });
  }
  // Scans of other mailers' pieces in the same feed (STID 300, ordinary First-Class): counted and kept apart.
  for (let index = 0; index < Math.ceil(county.ballots.length * 0.005); index += 1) {
    const foreignImb = `00300${String(random.int(100_000, 899_999))}${String(random.int(0, 999_999_999)).padStart(9, "0")}95616`;
    usps(startMs + random.int(1, daysToElection) * dayMs, foreignImb, outboundScans[1] as Scan);
  }
  events.sort((a, b) => a.sendAtMs - b.sendAtMs);
  const endMs = events.at(-1)?.sendAtMs ?? electionDayMs;
  return { startMs, electionDayMs, endMs, events } satisfies ElectionPlan;
}

export { dayMs, hourMs };
