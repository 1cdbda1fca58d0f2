import type { PendingAnnouncement, WriteOutcome } from "@ballot/adapters";
import { ballotKeyOf, type UspsScan, type UspsScanChunk } from "@ballot/contracts";
import type { BallotEvidence, BallotState } from "@ballot/core";
import { isTransientError, type Logger, TransientError } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";
import { applyAllToBallot, publishAnnouncement, withEvidence } from "./apply-to-ballot.ts";

function evidenceOf(scan: UspsScan): BallotEvidence {
  return {
    kind: "usps",
    leg: scan.direction === "return" ? "return" : "outbound",
    milestone: scan.milestone,
    occurredAtMs: Date.parse(scan.occurredAt),
    expectedDeliveryDate: scan.expectedDeliveryDate,
  };
}

/**
 * The ballot of each piece, in one round trip. An outbound IMb is always the one a ballot is keyed on, so only other
 * IMbs (a return envelope with its own serial) are looked up in the aliases set at issuance.
 */
async function ballotKeysOf(deps: TrackerDeps, pieces: readonly UspsScan[]): Promise<string[]> {
  const lookups = pieces.filter((scan) => scan.direction !== "outbound");
  const found = await deps.store.index.ballotKeysOfImbs(lookups);
  const aliases = new Map<UspsScan, string | undefined>(lookups.map((scan, index) => [scan, found[index]]));
  return pieces.map((scan) => aliases.get(scan) ?? ballotKeyOf(scan.mailerId, scan.serialNumber));
}

/**
 * Applies every scan of a chunk. A ballot's scans are applied together in one write (they would only race for the
 * same ballot); the chunk's ballots are read in one round trip and written in one script call (each ballot in its
 * own atomic step), and their announcements are marked published in one more. Every ballot is tried even when one
 * fails; then the chunk fails with a transient error if there was one (the chunk is redelivered, and scans
 * already applied apply again as no-ops, since the reducer is idempotent), or else with the first error (the chunk is
 * dead-lettered whole).
 */
export async function handleUspsScans(deps: TrackerDeps, chunk: UspsScanChunk, log: Logger): Promise<void> {
  const byPiece = new Map<string, UspsScan[]>();
  for (const scan of chunk.scans) {
    const piece = `${scan.mailerId}:${scan.serialNumber}:${scan.direction}`;
    const scans = byPiece.get(piece);
    if (scans) scans.push(scan);
    else byPiece.set(piece, [scan]);
  }
  const pieces = [...byPiece.values()];
  const ballotKeys = await ballotKeysOf(
    deps,
    pieces.map((scans) => scans[0] as UspsScan),
  );
  const byBallot = new Map<string, BallotEvidence[]>();
  pieces.forEach((scans, index) => {
    const ballotKey = ballotKeys[index] as string;
    const evidence = byBallot.get(ballotKey) ?? [];
    for (const scan of scans) evidence.push(evidenceOf(scan));
    byBallot.set(ballotKey, evidence);
  });
  const ballots = [...byBallot.entries()];
  const loaded = await deps.store.loadMany(ballots.map(([ballotKey]) => ballotKey));
  const afters = ballots.map(([, evidence], index) => withEvidence(loaded[index]?.state, evidence));
  const outcomes = await deps.store
    .writeAll(
      ballots.map(([ballotKey], index) => ({ ballotKey, stored: loaded[index], after: afters[index] as BallotState })),
    )
    .catch((error: unknown) => {
      throw new TransientError("Redis did not take a chunk's ballot writes", { cause: error });
    });
  const errors: unknown[] = [];
  const announced: { ballotKey: string; announcement: PendingAnnouncement }[] = [];
  await Promise.all(
    ballots.map(async ([ballotKey, evidence], index) => {
      try {
        const outcome = outcomes[index] as WriteOutcome;
        if (outcome.outcome === "conflict") {
          // Another writer got there first: this ballot goes again on its own, from a fresh read.
          await applyAllToBallot(deps, ballotKey, evidence, log);
        } else {
          const announcement = await publishAnnouncement(deps, ballotKey, afters[index] as BallotState, outcome, log);
          if (announcement) announced.push({ ballotKey, announcement });
        }
      } catch (error) {
        errors.push(error);
      }
    }),
  );
  await deps.store.markAllAnnounced(announced);
  if (errors.length > 0) throw errors.find(isTransientError) ?? errors[0];
}
