// k6 run load-tests/k6/ingest.js, for machines with k6 (this repository's Node runner is `pnpm bench:ingest`).
//
// Pushes generated IV-MTR push events to a running ingest app, the same events and batches as the Node runner:
// outbound ballots, five scans a piece, one stage of many pieces per request, half the plant scans facility-local,
// one piece in 200 another mailer's. Start ingest with FEED_TOKENS=bench=<token> and point k6 at it:
//
//   INGEST_URL=http://127.0.0.1:8081 INGEST_FEED_TOKEN=... RECORDS=1000000 BATCH_RECORDS=2000 CONNECTIONS=4 \
//     k6 run load-tests/k6/ingest.js
//
// The summary's `records_accepted` rate is records/s accepted into JetStream. For the raw JetStream rate beside it,
// and a check of what was stored, use `pnpm bench:ingest`. Re-running against the same stream gives duplicates: use
// a fresh NAMESPACE (or stream) per run.
import { check } from "k6";
import exec from "k6/execution";
import http from "k6/http";
import { Counter } from "k6/metrics";

const url = __ENV.INGEST_URL || "http://127.0.0.1:8081";
const feed = __ENV.FEED || "bench";
const token = __ENV.INGEST_FEED_TOKEN || "bench-feed-token-0123456789";
const records = Number(__ENV.RECORDS || 1_000_000);
const batchRecords = Number(__ENV.BATCH_RECORDS || 2_000);
const connections = Number(__ENV.CONNECTIONS || 4);
const batches = Math.ceil(records / batchRecords);

export const options = {
  scenarios: {
    push: { executor: "shared-iterations", vus: connections, iterations: batches, maxDuration: "30m" },
  },
  thresholds: {
    http_req_failed: ["rate==0"],
    records_accepted: [`rate>=${Number(__ENV.TARGET_RECORDS_PER_SECOND || 30_000)}`],
  },
  summaryTrendStats: ["med", "p(99)", "max"],
};

const accepted = new Counter("records_accepted");
const duplicate = new Counter("records_duplicate");
const rejected = new Counter("records_rejected");
const foreign = new Counter("records_foreign");

const pieceScans = [
  ["Phase 1a - Origin Primary Processing", "Physical", "271", "95813", 2],
  ["Phase 2c - Destination Primary Processing", "Physical", "291", "95813", 20],
  ["Phase 3c - Destination Sequenced Carrier Sortation", "Physical", "919", "95616", 28],
  ["Phase 4c - Delivery", "Logical Out for Delivery Event", "LOF", "", 32],
  ["Phase 4c - Delivery", "Logical Delivery Event", "LDE", "", 37],
];
const startMs = Date.UTC(2026, 9, 6, 9);
const pieces = Math.max(1, Math.ceil(records / pieceScans.length));
const two = (value) => String(value).padStart(2, "0");

function eventJson(index) {
  const [phase, handling, opcode, zip, hour] = pieceScans[Math.floor(index / pieces) % pieceScans.length];
  const piece = index % pieces;
  const stid = piece % 200 === 199 ? "300" : "720";
  const imb = `00${stid}314159${String(piece).padStart(9, "0")}95616${String(piece % 10_000).padStart(4, "0")}${two(piece % 97)}`;
  const pacific = new Date(startMs + (piece % 720) * 60_000 + hour * 3_600_000 - 7 * 3_600_000);
  const local = `${pacific.getUTCFullYear()}-${two(pacific.getUTCMonth() + 1)}-${two(pacific.getUTCDate())} ${two(pacific.getUTCHours())}:${two(pacific.getUTCMinutes())}:00`;
  const timestamp = zip === "" || piece % 2 === 0 ? `${local.replace(" ", "T")}-07:00` : local;
  const facility = zip ? `,"scanFacilityZip":"${zip}","scanFacilityLocaleKey":"L${zip}"` : "";
  return `{"imb":"${imb}","scanDatetime":"${timestamp}","scanEventCode":"${opcode}","mailPhase":"${phase}","handlingEventTypeDescription":"${handling}"${facility},"expectedDeliveryDate":"2026-10-08","mailClassDescription":"First-Class Mail","mailShapeDescription":"Letter"}`;
}

export default function () {
  const batch = exec.scenario.iterationInTest;
  const first = batch * batchRecords;
  const count = Math.min(batchRecords, records - first);
  const events = [];
  for (let offset = 0; offset < count; offset += 1) events.push(eventJson(first + offset));
  const response = http.post(
    `${url}/v1/feeds/${feed}/ivmtr`,
    `{"msgGrpId":"bench-${batch}","events":[${events.join(",")}]}`,
    { headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, timeout: "120s" },
  );
  const ok = check(response, { "ingest answered 200": (r) => r.status === 200 });
  if (!ok) return;
  const answer = response.json();
  accepted.add(answer.accepted + answer.foreign);
  duplicate.add(answer.duplicate);
  rejected.add(answer.rejected);
  foreign.add(answer.foreign);
}
