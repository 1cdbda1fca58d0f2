import { ballotKeyOf, type CountyBallot } from "@ballot/contracts";
import { splitImbDigits } from "@ballot/core";
import { type Logger, PermanentError } from "@ballot/runtime";
import type { TrackerDeps } from "../deps.ts";
import { applyToBallot } from "./apply-to-ballot.ts";

/**
 * A ballot issued to a voter: joins both envelopes' IMbs and the county ballot id to one ballot key, and marks the
 * older of two ballots for the same voter and election superseded (a reissue), whichever arrives first.
 */
export async function handleCountyBallot(deps: TrackerDeps, ballot: CountyBallot, log: Logger): Promise<void> {
  const outbound = splitImbDigits(ballot.outboundImb);
  if (!outbound.ok) throw new PermanentError(`outbound IMb is invalid: ${outbound.error}`);
  const ballotKey = ballotKeyOf(outbound.value.mailerId, outbound.value.serialNumber);
  const aliases = [outbound.value];
  if (ballot.returnImb) {
    const back = splitImbDigits(ballot.returnImb);
    if (!back.ok) throw new PermanentError(`return IMb is invalid: ${back.error}`);
    // The usual return envelope reuses the outbound mailer id and serial, which already name this ballot.
    if (ballotKeyOf(back.value.mailerId, back.value.serialNumber) !== ballotKey) aliases.push(back.value);
  }
  const transaction = deps.redis.multi();
  deps.store.index.record(transaction, {
    ballotKey,
    ballotId: ballot.ballotId,
    voterId: ballot.voterId,
    aliases: aliases.slice(1),
  });
  transaction.sadd(deps.keys.counties(), ballot.county);
  await transaction.exec();
  const issuedAtMs = Date.parse(ballot.issuedAt);
  await applyToBallot(
    deps,
    ballotKey,
    {
      kind: "issued",
      ballotId: ballot.ballotId,
      voterId: ballot.voterId,
      county: ballot.county,
      electionId: ballot.electionId,
      zip: outbound.value.routing.slice(0, 5) || undefined,
      occurredAtMs: issuedAtMs,
    },
    log,
  );
  await supersedeOlderBallots(deps, ballot.voterId, ballot.electionId, log);
}

/** Of a voter's ballots for one election, every one but the newest is superseded as of the newest's issue. */
async function supersedeOlderBallots(deps: TrackerDeps, voterId: string, electionId: string, log: Logger) {
  const keys = await deps.store.index.ballotKeysOfVoter(voterId);
  if (keys.length < 2) return;
  const stored = await Promise.all(keys.map(async (key) => ({ key, ballot: await deps.store.load(key) })));
  const sameElection = stored
    .filter(({ ballot }) => ballot?.state.electionId === electionId && ballot.state.issuedAtMs !== undefined)
    .sort(
      (a, b) =>
        (b.ballot?.state.issuedAtMs ?? 0) - (a.ballot?.state.issuedAtMs ?? 0) ||
        (b.ballot?.state.ballotId ?? "").localeCompare(a.ballot?.state.ballotId ?? ""),
    );
  const [newest, ...older] = sameElection;
  const supersededAtMs = newest?.ballot?.state.issuedAtMs;
  if (supersededAtMs === undefined) return;
  for (const { key } of older) {
    await applyToBallot(deps, key, { kind: "county", status: "superseded", occurredAtMs: supersededAtMs }, log);
  }
}
