import type { UspsScan, UspsScanChunk } from "@ballot/contracts";
import { isTransientError, type Logger } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";
import { applyToBallot, ballotKeyForImb } from "./apply-to-ballot.ts";

/** Pieces of one chunk worked on at once: enough to hide Redis round trips, few enough to stay fair to other messages. */
const piecesInFlightPerChunk = 16;

export async function handleUspsScan(deps: TrackerDeps, scan: UspsScan, log: Logger): Promise<void> {
  const ballotKey = await ballotKeyForImb(deps, scan.mailerId, scan.serialNumber);
  await applyToBallot(
    deps,
    ballotKey,
    {
      kind: "usps",
      leg: scan.direction === "return" ? "return" : "outbound",
      milestone: scan.milestone,
      occurredAtMs: Date.parse(scan.occurredAt),
      expectedDeliveryDate: scan.expectedDeliveryDate,
    },
    log,
  );
}

/**
 * Applies every scan of a chunk. Scans of one piece go one after another (they would only race for the same ballot);
 * different pieces go side by side. Every scan is tried even when one fails; then the chunk fails with a transient
 * error if there was one (the chunk is redelivered, and scans already applied apply again as no-ops, since the reducer
 * is idempotent), or else with the first error (the chunk is dead-lettered whole).
 */
export async function handleUspsScans(deps: TrackerDeps, chunk: UspsScanChunk, log: Logger): Promise<void> {
  const byPiece = new Map<string, UspsScan[]>();
  for (const scan of chunk.scans) {
    const piece = `${scan.mailerId}:${scan.serialNumber}`;
    const scans = byPiece.get(piece);
    if (scans) scans.push(scan);
    else byPiece.set(piece, [scan]);
  }
  const pieces = [...byPiece.values()];
  const errors: unknown[] = [];
  let next = 0;
  const worker = async () => {
    while (next < pieces.length) {
      const scans = pieces[next] as UspsScan[];
      next += 1;
      for (const scan of scans) {
        try {
          await handleUspsScan(deps, scan, log);
        } catch (error) {
          errors.push(error);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(piecesInFlightPerChunk, pieces.length) }, worker));
  if (errors.length > 0) throw errors.find(isTransientError) ?? errors[0];
}
