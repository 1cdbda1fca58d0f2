// scratch: CPU µs per request in the API process
import { readFileSync } from "node:fs";
import { startService } from "@ballot/local-stack";
import { services } from "@ballot/local-stack/paths";
import autocannon from "autocannon";

const redisUrl = process.argv[2] as string;
const entry = process.argv[3] ?? services.api.entry;
const cpu = (pid: number) => { const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" "); return (Number(f[11]) + Number(f[12])) * 10; };
const api = await startService({ name: "api", entry, readyMessage: process.argv[4] ?? "api listening", env: { REDIS_URL: redisUrl, NAMESPACE: "bench", LOG_LEVEL: "warn", API_PORT: "0", IDENTITY_HASH_KEY: "bench-identity-hash-key-0123456789abcdef", API_TOKEN_KEY: "x".repeat(40), API_TRUSTED_PROXY_HOPS: "1", BENCH_LOOKUP_SERVE_BARE: process.argv[4] ? "1" : "", BENCH_VOTERS: "2000", ...(process.env.PROF ? { NODE_OPTIONS: "--cpu-prof --cpu-prof-dir=/tmp/prof2 --cpu-prof-interval=200" } : {}) } });
const bodies = JSON.parse(readFileSync("/tmp/samples.json", "utf8")).map((b: object) => JSON.stringify(b));
let n = 0;
const run = (d: number) => new Promise<autocannon.Result>((res, rej) => autocannon({ url: api.url as string, connections: 32, duration: d, requests: [{ method: "POST", path: "/v1/lookup" }], setupClient: (client) => { const reqs = []; for (let i = 0; i < 600; i++) { n++; reqs.push({ method: "POST", path: "/v1/lookup", headers: { "content-type": "application/json", "x-forwarded-for": `10.0.${(n >> 8) & 255}.${n & 255}` }, body: bodies[n % bodies.length] }); } client.setRequests(reqs as any); } }, (e, r) => e ? rej(e) : res(r)));
import { connectRedis as mk } from "@ballot/adapters";
const rc = mk(redisUrl, "zz");
const clear = async () => { const ks = await rc.keys("bench:rate-limit:*"); if (ks.length) await rc.del(...ks); };
await clear();
await run(2);
const c0 = cpu(api.pid as number); const m0 = cpu(process.pid); const r0 = cpu(Number(process.env.REDIS_PID));
const r = await run(5);
const c1 = cpu(api.pid as number); const m1 = cpu(process.pid); const r1 = cpu(Number(process.env.REDIS_PID));
console.log(`req/s ${Math.round(r.requests.total / r.duration)}  cpu µs/req ${Math.round(((c1 - c0) * 1000) / r.requests.total)} driver ${Math.round(((m1 - m0) * 1000) / r.requests.total)} redis ${Math.round(((r1 - r0) * 1000) / r.requests.total)}  p50 ${r.latency.p50} p99 ${r.latency.p99}`, JSON.stringify((r as any).statusCodeStats));
await api.stop();
await clear(); rc.disconnect();
