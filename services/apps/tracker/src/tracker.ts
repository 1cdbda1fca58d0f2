import { type MessageHandler, parseMessage } from "@ballot/adapters";
import type { TrackerDeps } from "./deps.ts";
import { handleCountyBallot } from "./handlers/county-ballot.ts";
import { handleCountyStatus } from "./handlers/county-status.ts";
import { handleCountyVoter } from "./handlers/county-voter.ts";
import { handleUspsScans } from "./handlers/usps-scan.ts";

/** Runs at most `max` tasks at once; the others wait their turn in arrival order. */
function createLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    running += 1;
    try {
      return await task();
    } finally {
      running -= 1;
      waiting.shift()?.();
    }
  };
}

/** Routes each event-stream message to its handler by subject; an unknown subject is a permanent error. */
export function createTrackerHandler(deps: TrackerDeps): MessageHandler {
  const { subjects } = deps.catalog;
  // A chunk is a few hundred ballots worked on side by side, where a county record is one: the consumer's
  // concurrency suits the records, and this keeps the chunks' ballots in memory at once to what hides round trips.
  const limitScanChunks = createLimit(deps.scanChunksInFlight ?? 4);
  // Each status change says which ingest batch caused it (the safety hold counts a batch's changes per county).
  const inBatch = (batchId: string | undefined): TrackerDeps => (batchId ? { ...deps, batchId } : deps);
  return async (message, log) => {
    switch (message.subject) {
      case subjects.uspsScans.name: {
        const chunk = parseMessage(subjects.uspsScans, message.data);
        return limitScanChunks(() => handleUspsScans(inBatch(chunk.batchId), chunk, log));
      }
      case subjects.countyBallot.name: {
        const ballot = parseMessage(subjects.countyBallot, message.data);
        return handleCountyBallot(inBatch(ballot.batchId), ballot, log);
      }
      case subjects.countyStatus.name: {
        const update = parseMessage(subjects.countyStatus, message.data);
        return handleCountyStatus(inBatch(update.batchId), update, message.deliveryCount, log);
      }
      case subjects.countyVoter.name:
        return handleCountyVoter(deps, parseMessage(subjects.countyVoter, message.data));
      default:
        throw new Error(`the tracker has no handler for subject ${message.subject}`);
    }
  };
}
