import { type MessageHandler, parseMessage } from "@ballot/adapters";
import type { TrackerDeps } from "./deps.ts";
import { handleCountyBallot } from "./handlers/county-ballot.ts";
import { handleCountyStatus } from "./handlers/county-status.ts";
import { handleCountyVoter } from "./handlers/county-voter.ts";
import { handleUspsScans } from "./handlers/usps-scan.ts";

/** Routes each event-stream message to its handler by subject; an unknown subject is a permanent error. */
export function createTrackerHandler(deps: TrackerDeps): MessageHandler {
  const { subjects } = deps.catalog;
  return async (message, log) => {
    switch (message.subject) {
      case subjects.uspsScans.name:
        return handleUspsScans(deps, parseMessage(subjects.uspsScans, message.data), log);
      case subjects.countyBallot.name:
        return handleCountyBallot(deps, parseMessage(subjects.countyBallot, message.data), log);
      case subjects.countyStatus.name:
        return handleCountyStatus(deps, parseMessage(subjects.countyStatus, message.data), message.deliveryCount, log);
      case subjects.countyVoter.name:
        return handleCountyVoter(deps, parseMessage(subjects.countyVoter, message.data));
      default:
        throw new Error(`the tracker has no handler for subject ${message.subject}`);
    }
  };
}
