// Shared by the integration tests that drive the services as processes, as `npm start` runs them: ingest, tracker
// and API on the test's namespace, with tokens of their own.
import type { TestNamespace } from "@ballot/testing";
import { services } from "./paths.ts";
import { type ServiceProcess, startService } from "./processes.ts";

export const feedToken = "pipeline-feed-token-0001";
export const countyToken = "pipeline-county-token-01";
export const county = "06999";

export interface LookupAnswer {
  readonly status: number;
  readonly body: {
    ballots?: {
      ballotId: string;
      status: string;
      timeline: { status: string; at: string; reasonCode?: string }[];
      expectedDeliveryDate?: string;
      rejection?: { reason: string; cureDeadline?: string; cureUrl?: string };
    }[];
    error?: { code: string };
  };
}

export async function startPipeline(ns: TestNamespace) {
  const env = {
    ...ns.env,
    IDENTITY_HASH_KEY: "pipeline-identity-hash-key-0123456789",
    FEED_TOKENS: `usps=${feedToken}`,
    COUNTY_TOKENS: `${county}=${countyToken}`,
    INGEST_PORT: "0",
    API_PORT: "0",
  };
  const running: ServiceProcess[] = [];
  try {
    for (const name of ["ingest", "tracker", "api"] as const) {
      running.push(await startService({ name, ...services[name], env }));
    }
  } catch (error) {
    await Promise.all(running.map((service) => service.stop()));
    throw error;
  }
  const [ingest, , api] = running as [ServiceProcess, ServiceProcess, ServiceProcess];
  const post = async (path: string, body: string, contentType: string) => {
    const token = path.startsWith("/v1/feeds/") ? feedToken : countyToken;
    const response = await fetch(`${ingest.url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": contentType },
      body,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    ingestUrl: ingest.url as string,
    /** POSTs JSON to ingest with the feed's token on feed paths and the county's on county paths. */
    postJson: (path: string, body: unknown) => post(path, JSON.stringify(body), "application/json"),
    /** POSTs a county CSV file's text to ingest. */
    postCsv: (path: string, csv: string) => post(path, csv, "text/csv"),
    lookup: async (identity: Record<string, string>): Promise<LookupAnswer> => {
      const response = await fetch(`${api.url}/v1/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(identity),
      });
      return { status: response.status, body: (await response.json()) as LookupAnswer["body"] };
    },
    /** Stops every service with SIGTERM and gives their exit codes. */
    stop: async (): Promise<(number | null)[]> => {
      await Promise.all(running.map((service) => service.stop()));
      return Promise.all(running.map((service) => service.exited));
    },
  };
}
