import {
  type BallotState,
  type BallotStatus,
  ballotStatuses,
  type CountyEntry,
  type CountyStatus,
  countyStatuses,
  type UspsStatus,
} from "@ballot/core";

/**
 * Ballot state as one short string, written for memory: there is one per ballot, 22 million in California, each a
 * field of a bucket hash (redis-keys.ts `ballot`). Times are base-36 epoch seconds, statuses their index in a fixed
 * list, and the parts, in this order, are separated by `/`:
 *
 * | part | value |
 * | --- | --- |
 * | ids | `ballotId|voterId|county|electionId|issued|zip` |
 * | USPS | USPS evidence, earliest per status: `statusIndex:time,...` |
 * | county | county statuses: `statusIndex:time:reason:cureDeadline:cureUrl;...` (`correction` is index 99) |
 * | as of | as-of time |
 * | delivery | expected delivery date and when USPS said so: `YYYY-MM-DD@time` |
 * | last scan | the latest outbound scan time |
 * | back at the county | the return envelope's first delivery scan |
 *
 * Empty parts at the end are left out. The store puts its own parts (version, counted marker, claimed announcement)
 * in front (ballot-store.ts). The separators never occur in what they separate: ids are `[A-Za-z0-9._-]`, reason
 * codes are words, cure URLs are percent-encoded (which encodes `/` too).
 */
const time = (ms: number): string => Math.floor(ms / 1000).toString(36);
const fromTime = (text: string): number => Number.parseInt(text, 36) * 1000;
const statusIndex = (status: string): number => ballotStatuses.indexOf(status as BallotStatus);
const correctionIndex = 99;

function encodeCountyEntry(entry: CountyEntry): string {
  const index = entry.status === "correction" ? correctionIndex : statusIndex(entry.status);
  const tail = [
    entry.reasonCode ?? "",
    entry.cureDeadline ?? "",
    entry.cureUrl ? encodeURIComponent(entry.cureUrl) : "",
  ];
  while (tail.length > 0 && tail.at(-1) === "") tail.pop();
  return [String(index), time(entry.atMs), ...tail].join(":");
}

function decodeCountyEntry(text: string): CountyEntry | undefined {
  const [indexText = "", atText = "", reasonCode, cureDeadline, cureUrl] = text.split(":");
  const index = Number(indexText);
  const status = index === correctionIndex ? "correction" : ballotStatuses[index];
  if (status !== "correction" && !countyStatuses.includes(status as CountyStatus)) return undefined;
  return {
    status: status as CountyStatus,
    atMs: fromTime(atText),
    ...(reasonCode ? { reasonCode } : {}),
    ...(cureDeadline ? { cureDeadline } : {}),
    ...(cureUrl ? { cureUrl: decodeURIComponent(cureUrl) } : {}),
  };
}

/** The value's parts (see above). */
export function encodeBallot(state: BallotState): string {
  const parts = [
    [
      state.ballotId ?? "",
      state.voterId ?? "",
      state.county ?? "",
      state.electionId ?? "",
      state.issuedAtMs === undefined ? "" : time(state.issuedAtMs),
      state.zip ?? "",
    ]
      .join("|")
      .replace(/\|+$/, ""),
    (Object.entries(state.usps) as [UspsStatus, number][])
      .sort(([a], [b]) => statusIndex(a) - statusIndex(b))
      .map(([status, atMs]) => `${statusIndex(status)}:${time(atMs)}`)
      .join(","),
    state.countyEvents.map(encodeCountyEntry).join(";"),
    time(state.asOfMs),
    state.expectedDeliveryDate ? `${state.expectedDeliveryDate.date}@${time(state.expectedDeliveryDate.seenAtMs)}` : "",
    state.lastOutboundScanAtMs === undefined ? "" : time(state.lastOutboundScanAtMs),
    state.returnDeliveredAtMs === undefined ? "" : time(state.returnDeliveredAtMs),
  ];
  while (parts.length > 0 && parts.at(-1) === "") parts.pop();
  return parts.join("/");
}

export function decodeBallot(text: string): BallotState {
  const [ids = "", uspsText = "", countyText = "", asOf = "", delivery = "", lastScan = "", returnDelivered = ""] =
    text.split("/");
  const [ballotId, voterId, county, electionId, issued, zip] = ids.split("|");
  const usps: Partial<Record<UspsStatus, number>> = {};
  if (uspsText !== "") {
    for (const pair of uspsText.split(",")) {
      const colon = pair.indexOf(":");
      const status = ballotStatuses[Number(pair.slice(0, colon))];
      if (status && colon > 0) usps[status as UspsStatus] = fromTime(pair.slice(colon + 1));
    }
  }
  const countyEvents: CountyEntry[] = [];
  if (countyText !== "") {
    for (const entryText of countyText.split(";")) {
      const entry = entryText === "" ? undefined : decodeCountyEntry(entryText);
      if (entry) countyEvents.push(entry);
    }
  }
  // Field by field, in this order (the order the state has always had), without temporary objects: one decode per
  // ballot read, tens of thousands a second in the tracker.
  const state: { -readonly [Key in keyof BallotState]: BallotState[Key] } = {} as BallotState;
  if (ballotId) state.ballotId = ballotId;
  if (voterId) state.voterId = voterId;
  if (county) state.county = county;
  if (electionId) state.electionId = electionId;
  if (zip) state.zip = zip;
  if (issued) state.issuedAtMs = fromTime(issued);
  state.usps = usps;
  state.countyEvents = countyEvents;
  state.asOfMs = asOf ? fromTime(asOf) : 0;
  const at = delivery.indexOf("@");
  if (at > 0 && at < delivery.length - 1) {
    state.expectedDeliveryDate = { date: delivery.slice(0, at), seenAtMs: fromTime(delivery.slice(at + 1)) };
  }
  if (lastScan) state.lastOutboundScanAtMs = fromTime(lastScan);
  if (returnDelivered) state.returnDeliveredAtMs = fromTime(returnDelivered);
  return state;
}
