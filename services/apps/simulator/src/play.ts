import type { SimulatedCounty } from "./county.ts";
import type { ElectionPlan } from "./election.ts";
import type { BatchSummary, IngestClient } from "./ingest-client.ts";

export interface PlayProgress {
  readonly simulatedNowMs: number;
  readonly day: number;
  readonly days: number;
  readonly scansSent: number;
  readonly statusesSent: number;
  readonly eventsLeft: number;
  readonly rejected: number;
}

export interface PlayOptions {
  readonly client: IngestClient;
  readonly county: SimulatedCounty;
  readonly plan: ElectionPlan;
  /** Simulated milliseconds per real millisecond. */
  readonly speed: number;
  readonly onProgress?: (progress: PlayProgress) => void;
  readonly progressEveryMs?: number;
  readonly tickMs?: number;
  readonly batchSize?: number;
}

const sum = (summaries: readonly BatchSummary[], field: keyof BatchSummary) =>
  summaries.reduce((total, summary) => total + summary[field], 0);

async function sendInBatches<T>(
  items: readonly T[],
  size: number,
  send: (batch: readonly T[]) => Promise<BatchSummary>,
) {
  const summaries: BatchSummary[] = [];
  for (let start = 0; start < items.length; start += size) summaries.push(await send(items.slice(start, start + size)));
  return summaries;
}

/** Loads the roll and the ballots, as a county does before mailing. */
export async function loadCounty(client: IngestClient, county: SimulatedCounty, issuedAtMs: number, batchSize = 2_000) {
  const voters = await sendInBatches(
    county.voters.map((voter) => ({
      voter_id: voter.voterId,
      first_name: voter.firstName,
      last_name: voter.lastName,
      date_of_birth: voter.dateOfBirth,
      zip: voter.zip,
      county: county.county,
      language: voter.language,
    })),
    batchSize,
    (batch) => client.sendCountyRecords("voters", batch),
  );
  const ballots = await sendInBatches(
    county.ballots.map((ballot) => ({
      ballot_id: ballot.ballotId,
      voter_id: ballot.voterId,
      election_id: county.electionId,
      outbound_imb: ballot.outboundImb,
      return_imb: ballot.returnImb,
      issued_at: new Date(issuedAtMs).toISOString(),
    })),
    batchSize,
    (batch) => client.sendCountyRecords("ballots", batch),
  );
  return {
    voters: sum(voters, "accepted") + sum(voters, "duplicate"),
    ballots: sum(ballots, "accepted") + sum(ballots, "duplicate"),
  };
}

/**
 * Plays the election's events against ingest on a compressed clock: each tick sends what the simulated clock has
 * reached, USPS scans as IV-MTR pushes and county statuses as county records. Resolves when everything is sent or
 * `stop` is called.
 */
export function playElection(options: PlayOptions) {
  const { client, plan, speed } = options;
  const tickMs = options.tickMs ?? 250;
  const batchSize = options.batchSize ?? 2_000;
  const days = Math.ceil((plan.endMs - plan.startMs) / 86_400_000);
  let stopped = false;
  let next = 0;
  let scansSent = 0;
  let statusesSent = 0;
  let rejected = 0;
  const realStart = Date.now();
  let lastProgress = 0;

  const progress = (simulatedNowMs: number): PlayProgress => ({
    simulatedNowMs,
    day: Math.min(days, Math.floor((simulatedNowMs - plan.startMs) / 86_400_000)),
    days,
    scansSent,
    statusesSent,
    eventsLeft: plan.events.length - next,
    rejected,
  });

  const done = (async () => {
    while (!stopped && next < plan.events.length) {
      const simulatedNowMs = plan.startMs + (Date.now() - realStart) * speed;
      const scans: unknown[] = [];
      const statuses: unknown[] = [];
      while (next < plan.events.length && (plan.events[next]?.sendAtMs ?? Number.POSITIVE_INFINITY) <= simulatedNowMs) {
        const event = plan.events[next];
        next += 1;
        if (event?.kind === "usps") scans.push(event.event);
        else if (event?.kind === "status") statuses.push(event.row);
      }
      const summaries = [
        ...(await sendInBatches(scans, batchSize, client.pushScans)),
        ...(await sendInBatches(statuses, batchSize, (batch) => client.sendCountyRecords("statuses", batch))),
      ];
      scansSent += scans.length;
      statusesSent += statuses.length;
      rejected += sum(summaries, "rejected");
      if (options.onProgress && Date.now() - lastProgress >= (options.progressEveryMs ?? 5_000)) {
        lastProgress = Date.now();
        options.onProgress(progress(simulatedNowMs));
      }
      if (scans.length === 0 && statuses.length === 0) await new Promise((resolve) => setTimeout(resolve, tickMs));
    }
    const final = progress(Math.min(plan.endMs, plan.startMs + (Date.now() - realStart) * speed));
    options.onProgress?.(final);
    return final;
  })();

  return {
    done,
    stop() {
      stopped = true;
      return done;
    },
  };
}
