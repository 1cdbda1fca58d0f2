import type { PendingAnnouncement, WriteOutcome } from "@ballot/adapters";
import { ballotKeyOf } from "@ballot/contracts";
import { applyEvidence, type BallotEvidence, type BallotState, emptyBallotState } from "@ballot/core";
import { type Logger, TransientError } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";

/** Writers that keep losing the compare-and-set give up after this many tries, and the event is retried later. */
const maxWriteAttempts = 50;

/**
 * Applies one piece of evidence to a ballot atomically, then announces what follows from the new state.
 */
export function applyToBallot(
  deps: TrackerDeps,
  ballotKey: string,
  evidence: BallotEvidence,
  log: Logger,
): Promise<BallotState> {
  return applyAllToBallot(deps, ballotKey, [evidence], log);
}

/**
 * Applies several pieces of evidence to one ballot in one write: the state, the county counts and queues, and the
 * claim of a changed status's announcement land together (RedisBallotStore.write), then the claimed announcement is
 * published and marked done. After a lost compare-and-set the ballot is read again.
 */
export async function applyAllToBallot(
  deps: TrackerDeps,
  ballotKey: string,
  evidence: readonly BallotEvidence[],
  log: Logger,
): Promise<BallotState> {
  for (let attempt = 1; attempt <= maxWriteAttempts; attempt += 1) {
    const stored = await deps.store.load(ballotKey);
    const after = withEvidence(stored?.state, evidence);
    const written = await deps.store.write(ballotKey, stored, after);
    if (written.outcome !== "conflict") {
      const announced = await publishAnnouncement(deps, ballotKey, after, written, log);
      if (announced) await deps.store.markAnnounced(ballotKey, announced);
      return after;
    }
    // Lost the race: back off a random, growing while so that contending writers spread out.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(attempt, 10) * 2));
  }
  throw new TransientError("ballot kept changing under concurrent writers", {
    context: { ballotKey, maxAttempts: maxWriteAttempts },
  });
}

/** A ballot's state with more evidence applied (the reducer is order-insensitive and idempotent). */
export function withEvidence(state: BallotState | undefined, evidence: readonly BallotEvidence[]): BallotState {
  let after = state ?? emptyBallotState;
  for (const item of evidence) after = applyEvidence(after, item);
  return after;
}

/**
 * Publishes a claimed announcement and returns it, for the caller to mark done (`store.markAnnounced`); undefined
 * when there is nothing to mark. A tracker that dies in between leaves the claim in the ballot, and the redelivered
 * event publishes it; the message id (ballot, status, corrections so far) makes a repeated publish a duplicate the
 * stream drops.
 */
export async function publishAnnouncement(
  deps: TrackerDeps,
  ballotKey: string,
  state: BallotState,
  { pending, projection }: WriteOutcome,
  log: Logger,
): Promise<PendingAnnouncement | undefined> {
  if (!pending || !projection) return undefined;
  if (deps.announce === false) return pending;
  if (!state.ballotId || !state.voterId || !state.electionId) return undefined;
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
      ...(deps.batchId ? { batchId: deps.batchId } : {}),
    },
    `${ballotKey}:${pending.to}:${pending.corrections}`,
  );
  log.info({ ballotKey, from: pending.from, to: pending.to }, "ballot status changed");
  return pending;
}

/** The ballot an IMb belongs to: the alias set at issuance, or else its own mailer id and serial. */
export async function ballotKeyForImb(deps: TrackerDeps, mailerId: string, serialNumber: string): Promise<string> {
  const [alias] = await deps.store.index.ballotKeysOfImbs([{ mailerId, serialNumber }]);
  return alias ?? ballotKeyOf(mailerId, serialNumber);
}
