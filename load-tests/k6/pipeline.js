// k6 run load-tests/k6/pipeline.js, for machines with k6 (this repository's Node runner is `pnpm bench:pipeline`).
//
// The load of `pnpm bench:pipeline` against a running stack (ingest, tracker, NATS, Redis): county ballot records,
// then ten USPS scans per ballot (five on the outbound envelope, five on the return envelope), pushed one stage of
// many pieces at a time as a feed sends them, then a steady rate of later return-leg scans. Start ingest with
// FEED_TOKENS=bench=<token>, COUNTY_TOKENS=06999=<token>, MAILER_IDS=314159, and run the phases in order:
//
//   PHASE=ballots BALLOTS=200000 k6 run load-tests/k6/pipeline.js
//   PHASE=scans   BALLOTS=200000 SCANS=2000000 BATCH_RECORDS=2000 CONNECTIONS=4 k6 run load-tests/k6/pipeline.js
//   PHASE=steady  BALLOTS=200000 STEADY_RATE=5000 STEADY_SECONDS=20 k6 run load-tests/k6/pipeline.js
//
// k6 sees HTTP only: `records_accepted` is the rate ingest accepted into JetStream, not the rate the tracker turned
// into Redis state. The end-to-end rate (until the tracker's consumer has nothing pending), the check of the Redis
// state, scan-to-state latency, memory per ballot and the raw ceilings come from `pnpm bench:pipeline`. Re-running
// against the same stream gives duplicates: use a fresh NAMESPACE (or stack) per run.
import { check } from "k6";
import exec from "k6/execution";
import http from "k6/http";
import { Counter } from "k6/metrics";

const url = __ENV.INGEST_URL || "http://127.0.0.1:8081";
const feed = __ENV.FEED || "bench";
const feedToken = __ENV.INGEST_FEED_TOKEN || "bench-feed-token-0123456789";
const county = __ENV.COUNTY || "06999";
const countyToken = __ENV.INGEST_COUNTY_TOKEN || "bench-county-token-0123456789";
const phase = __ENV.PHASE || "scans";
const ballots = Number(__ENV.BALLOTS || 200_000);
const scans = Number(__ENV.SCANS || ballots * 10);
const batchRecords = Number(__ENV.BATCH_RECORDS || 2_000);
const connections = Number(__ENV.CONNECTIONS || 4);
const steadyRate = Number(__ENV.STEADY_RATE || 5_000);
const steadySeconds = Number(__ENV.STEADY_SECONDS || 20);
const steadyBatchRecords = Number(__ENV.STEADY_BATCH_RECORDS || 250);
const steadyScans = Math.min(steadyRate * steadySeconds, ballots);

const scenarios = {
  ballots: {
    executor: "shared-iterations",
    vus: connections,
    iterations: Math.ceil(ballots / batchRecords),
    maxDuration: "30m",
  },
  scans: {
    executor: "shared-iterations",
    vus: connections,
    iterations: Math.ceil(scans / batchRecords),
    maxDuration: "30m",
  },
  steady: {
    executor: "constant-arrival-rate",
    rate: Math.round(steadyRate / steadyBatchRecords),
    timeUnit: "1s",
    duration: `${Math.ceil(steadyScans / steadyRate)}s`,
    preAllocatedVUs: 20,
    maxVUs: 200,
  },
};

export const options = {
  scenarios: { [phase]: scenarios[phase] },
  thresholds: {
    http_req_failed: ["rate==0"],
    ...(phase === "scans" ? { records_accepted: [`rate>=${Number(__ENV.TARGET_SCANS_PER_SECOND || 25_000)}`] } : {}),
  },
  summaryTrendStats: ["med", "p(99)", "max"],
};

const accepted = new Counter("records_accepted");
const duplicate = new Counter("records_duplicate");
const rejected = new Counter("records_rejected");

// The same trip as the Node runner: outbound leg to the voter, then the return envelope (STID 777, same serial).
const outbound = [
  ["Phase 1a - Origin Primary Processing", "Physical", "271", "95813", 2],
  ["Phase 2c - Destination Primary Processing", "Physical", "291", "95813", 20],
  ["Phase 3c - Destination Sequenced Carrier Sortation", "Physical", "919", "95616", 28],
  ["Phase 4c - Delivery", "Logical Out for Delivery Event", "LOF", "", 32],
  ["Phase 4c - Delivery", "Logical Delivery Event", "LDE", "", 37],
];
const back = [
  ["Phase 1a - Origin Primary Processing", "Physical", "271", "95616", 96],
  ["Phase 2c - Destination Primary Processing", "Physical", "291", "95813", 110],
  ["Phase 3c - Destination Sequenced Carrier Sortation", "Physical", "919", "95695", 120],
  ["Phase 4c - Delivery", "Logical Out for Delivery Event", "LOF", "", 124],
  ["Phase 4c - Delivery", "Logical Delivery Event", "LDE", "", 127],
];
const steadyStage = ["Phase 3c - Destination Sequenced Carrier Sortation", "Physical", "918", "95695", 168];
const startMs = Date.UTC(2026, 9, 6, 9);
const two = (value) => String(value).padStart(2, "0");
const serialOf = (piece) => String(piece).padStart(9, "0");
const imbOf = (stid, piece, zip) =>
  `00${stid}314159${serialOf(piece)}${zip}${String(piece % 10_000).padStart(4, "0")}${two(piece % 97)}`;

function eventJson(imb, piece, [phaseName, handling, opcode, zip, hour], expectedDeliveryDate) {
  const pacific = new Date(startMs + (piece % 720) * 60_000 + hour * 3_600_000 - 7 * 3_600_000);
  const local = `${pacific.getUTCFullYear()}-${two(pacific.getUTCMonth() + 1)}-${two(pacific.getUTCDate())} ${two(pacific.getUTCHours())}:${two(pacific.getUTCMinutes())}:00`;
  const timestamp = zip === "" || piece % 2 === 0 ? `${local.replace(" ", "T")}-07:00` : local;
  const facility = zip ? `,"scanFacilityZip":"${zip}","scanFacilityLocaleKey":"L${zip}"` : "";
  const expected = expectedDeliveryDate ? `,"expectedDeliveryDate":"${expectedDeliveryDate}"` : "";
  return `{"imb":"${imb}","scanDatetime":"${timestamp}","scanEventCode":"${opcode}","mailPhase":"${phaseName}","handlingEventTypeDescription":"${handling}"${facility}${expected},"mailClassDescription":"First-Class Mail","mailShapeDescription":"Letter"}`;
}

function scanJson(index) {
  const stage = Math.floor(index / ballots);
  const piece = index % ballots;
  return stage < outbound.length
    ? eventJson(imbOf("720", piece, "95616"), piece, outbound[stage], "2026-10-08")
    : eventJson(imbOf("777", piece, "95695"), piece, back[stage - outbound.length]);
}

function post(path, token, body) {
  const response = http.post(`${url}${path}`, body, {
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    timeout: "120s",
  });
  if (!check(response, { "ingest answered 200": (r) => r.status === 200 })) return;
  const answer = response.json();
  accepted.add(answer.accepted + (answer.foreign || 0));
  duplicate.add(answer.duplicate);
  rejected.add(answer.rejected);
}

export default function () {
  const batch = exec.scenario.iterationInTest;
  if (phase === "ballots") {
    const first = batch * batchRecords;
    const records = [];
    for (let piece = first; piece < Math.min(ballots, first + batchRecords); piece += 1) {
      records.push({
        ballot_id: `B${serialOf(piece)}`,
        voter_id: `V${serialOf(piece)}`,
        election_id: "G2026-11-03",
        outbound_imb: imbOf("720", piece, "95616"),
        return_imb: imbOf("777", piece, "95695"),
        issued_at: "2026-10-01",
      });
    }
    post(`/v1/counties/${county}/ballots`, countyToken, JSON.stringify({ records }));
    return;
  }
  const perBatch = phase === "steady" ? steadyBatchRecords : batchRecords;
  const total = phase === "steady" ? steadyScans : scans;
  const first = batch * perBatch;
  if (first >= total) return;
  const events = [];
  for (let index = first; index < Math.min(total, first + perBatch); index += 1) {
    events.push(phase === "steady" ? eventJson(imbOf("777", index, "95695"), index, steadyStage) : scanJson(index));
  }
  post(`/v1/feeds/${feed}/ivmtr`, feedToken, `{"msgGrpId":"k6-${phase}-${first}","events":[${events.join(",")}]}`);
}
