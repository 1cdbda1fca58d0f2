import type { CountyStatusUpdate } from "@ballot/contracts";
import { type Logger, PermanentError, TransientError } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";
import { applyToBallot } from "./apply-to-ballot.ts";

export async function handleCountyStatus(
  deps: TrackerDeps,
  update: CountyStatusUpdate,
  deliveryCount: number,
  log: Logger,
): Promise<void> {
  const ballotKey = await deps.store.index.ballotKeyOfBallotId(update.ballotId);
  if (!ballotKey) {
    // The ballot file may simply not have arrived yet: wait for it a while, then dead-letter with the reason.
    const context = { county: update.county, attempt: deliveryCount };
    if (deliveryCount < deps.unknownBallotAttempts) throw new TransientError("ballot id not known yet", { context });
    throw new PermanentError(`unknown ballot id ${update.ballotId}: send its ballot record first`, { context });
  }
  await applyToBallot(
    deps,
    ballotKey,
    {
      kind: "county",
      status: update.status,
      occurredAtMs: Date.parse(update.occurredAt),
      reasonCode: update.reasonCode,
      cureDeadline: update.cureDeadline,
      cureUrl: update.cureUrl,
    },
    log,
  );
}
