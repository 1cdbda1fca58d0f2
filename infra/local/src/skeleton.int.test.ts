import { describe, expect, test, waitFor } from "@ballot/testing";
import { services } from "./paths.ts";
import { type ServiceProcess, startService } from "./processes.ts";

const feedToken = "skeleton-feed-token-0001";
const countyToken = "skeleton-county-token-01";
const serial = "000000042";
const outboundImb = `00720314159${serial}95616123456`;
const returnImb = `00777314159${serial}95695123401`;

async function post(url: string, token: string, body: unknown) {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("walking skeleton", () => {
  test("a USPS scan posted to ingest reaches the voter through JetStream, the tracker, Redis and the API", async ({
    ns,
  }) => {
    const env = {
      ...ns.env,
      IDENTITY_HASH_KEY: "skeleton-identity-hash-key-0123456789",
      FEED_TOKENS: `usps=${feedToken}`,
      COUNTY_TOKENS: `06999=${countyToken}`,
      INGEST_PORT: "0",
      API_PORT: "0",
    };
    const running: ServiceProcess[] = [];
    try {
      for (const name of ["ingest", "tracker", "api"] as const) {
        running.push(await startService({ name, ...services[name], env }));
      }
      const [ingest, , api] = running;
      const ingestUrl = ingest?.url as string;
      const apiUrl = api?.url as string;

      const voter = {
        voter_id: "V42",
        first_name: "Zoë",
        last_name: "Nguyễn-Smith",
        date_of_birth: "07-04-1976",
        zip: "95616",
      };
      expect(
        (await post(`${ingestUrl}/v1/counties/06999/voters`, countyToken, { records: [voter] })).body,
      ).toMatchObject({
        accepted: 1,
      });
      const ballot = {
        ballot_id: "B42",
        voter_id: "V42",
        election_id: "2026-11-03-general",
        outbound_imb: outboundImb,
        return_imb: returnImb,
        issued_at: "2026-10-05",
      };
      expect(
        (await post(`${ingestUrl}/v1/counties/06999/ballots`, countyToken, { records: [ballot] })).body,
      ).toMatchObject({
        accepted: 1,
      });

      const lookup = async () => {
        const response = await fetch(`${apiUrl}/v1/lookup`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ firstName: "zoe", lastName: "NGUYEN SMITH", dateOfBirth: "1976-07-04", zip: "95616" }),
        });
        return (await response.json()) as { ballots?: { status: string; expectedDeliveryDate?: string }[] };
      };
      await waitFor("the issued ballot to be visible", async () => (await lookup()).ballots?.[0]?.status === "issued");

      const scan = {
        imb: outboundImb,
        scanDatetime: "2026-10-07T02:40:00-07:00",
        scanEventCode: "271",
        mailPhase: "Phase 1a - Origin Primary Processing",
        expectedDeliveryDate: "2026-10-09",
      };
      expect((await post(`${ingestUrl}/v1/feeds/usps/ivmtr`, feedToken, { events: [scan] })).body).toMatchObject({
        accepted: 1,
      });
      const found = await waitFor("the scan to move the ballot to in_transit", async () => {
        const ballots = (await lookup()).ballots;
        return ballots?.[0]?.status === "in_transit" ? ballots[0] : undefined;
      });
      expect(found).toMatchObject({ status: "in_transit", expectedDeliveryDate: "2026-10-09" });

      const missing = await fetch(`${apiUrl}/v1/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ firstName: "Nobody", lastName: "Here", dateOfBirth: "01-01-1970", zip: "95616" }),
      });
      expect(missing.status).toBe(404);
      expect(await missing.json()).toMatchObject({ error: { code: "VOTER_NOT_FOUND" } });
    } finally {
      await Promise.all(running.map((service) => service.stop()));
    }
    // Every service left on SIGTERM with exit code 0: in-flight work finished, connections closed.
    for (const service of running) expect(await service.exited).toBe(0);
  });
});
