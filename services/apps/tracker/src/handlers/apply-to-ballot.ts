import { projectionOf } from "@ballot/adapters";
import { ballotKeyOf } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, type BallotState, emptyBallotState } from "@ballot/core";
import { type Logger, TransientError } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";

/**
 * Applies one piece of evidence to a ballot atomically, then settles what follows from the new state.
 */
export async function applyToBallot(
  deps: TrackerDeps,
  ballotKey: string,
  evidence: BallotEvidence,
  log: Logger,
): Promise<BallotState> {
  const { after, projected } = await deps.store.update(ballotKey, (state) =>
    applyEvidence(state ?? emptyBallotState, evidence),
  );
  await settleBallot(deps, ballotKey, after, projected, log);
  return after;
}

/**
 * Moves the ballot's contribution to its county's counts and queues, claiming in the same atomic step the
 * announcement of a changed voter-facing status, then publishes the claimed announcement and marks it done. A
 * tracker that dies in between leaves the claim in the ballot, and the redelivered event publishes it; the message
 * id (ballot, status, corrections so far) makes a repeated publish a duplicate the stream drops.
 */
async function settleBallot(
  deps: TrackerDeps,
  ballotKey: string,
  settled: BallotState,
  settledMarker: string,
  log: Logger,
): Promise<void> {
  let state = settled;
  let marker = settledMarker;
  for (let attempt = 1; attempt <= 20; attempt += 1) {
    const projection = projectionOf(state);
    if (!projection) return;
    const { outcome, pending } = await deps.store.project(ballotKey, marker, projection);
    if (outcome !== "conflict") {
      if (pending && deps.announce === false) {
        await deps.store.markAnnounced(ballotKey, pending);
      } else if (pending && state.ballotId && state.voterId && state.electionId) {
        await deps.publisher.publish(
          deps.catalog.subjects.statusChanged,
          {
            ballotKey,
            ballotId: state.ballotId,
            voterId: state.voterId,
            county: projection.county,
            electionId: state.electionId,
            from: pending.from,
            to: pending.to,
            occurredAt: new Date(projection.statusAtMs).toISOString(),
            asOf: new Date(state.asOfMs).toISOString(),
          },
          `${ballotKey}:${pending.to}:${pending.corrections}`,
        );
        await deps.store.markAnnounced(ballotKey, pending);
        log.info({ ballotKey, from: pending.from, to: pending.to }, "ballot status changed");
      }
      return;
    }
    // Another tracker settled this ballot meanwhile: look again at what it left.
    const reloaded = await deps.store.load(ballotKey);
    if (!reloaded) return;
    state = reloaded.state;
    marker = reloaded.projected;
  }
  throw new TransientError("ballot kept changing while its status was being settled", { context: { ballotKey } });
}

/** The ballot an IMb belongs to: the alias set at issuance, or else its own mailer id and serial. */
export async function ballotKeyForImb(deps: TrackerDeps, mailerId: string, serialNumber: string): Promise<string> {
  return (await deps.redis.get(deps.keys.imbAlias(mailerId, serialNumber))) ?? ballotKeyOf(mailerId, serialNumber);
}
