/** What ingest answered for one batch. */
export interface BatchSummary {
  readonly accepted: number;
  readonly duplicate: number;
  readonly rejected: number;
  readonly foreign: number;
}

export interface IngestClientOptions {
  readonly ingestUrl: string;
  readonly feed: string;
  readonly feedToken: string;
  readonly county: string;
  readonly countyToken: string;
}

/** Talks to the ingest app over HTTP, as a USPS feed and a county system would. Retries while ingest starts. */
export function createIngestClient(options: IngestClientOptions) {
  const post = async (path: string, token: string, body: unknown): Promise<BatchSummary> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(`${options.ingestUrl}${path}`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (response.ok) return (await response.json()) as BatchSummary;
        const text = await response.text();
        if (response.status < 500 || attempt >= 5) throw new Error(`ingest answered ${response.status}: ${text}`);
      } catch (error) {
        if (attempt >= 5) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  };
  return {
    pushScans: (events: readonly unknown[]) => post(`/v1/feeds/${options.feed}/ivmtr`, options.feedToken, { events }),
    sendCountyRecords: (kind: "voters" | "ballots" | "statuses", records: readonly unknown[]) =>
      post(`/v1/counties/${options.county}/${kind}`, options.countyToken, { records }),
  };
}

export type IngestClient = ReturnType<typeof createIngestClient>;
