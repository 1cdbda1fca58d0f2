import { contentMessageId } from "@ballot/adapters";
import { batchIdSchema } from "@ballot/contracts";
import type { Context } from "hono";

/** The header a sender names its batch with: every request of one upload (one file of an import) sends the same. */
export const batchIdHeader = "x-batch-id";

/**
 * The batch a request's records belong to: the sender's `X-Batch-Id` when given, else one derived from the source
 * and the body, so that a request sent again is the same batch. Undefined when the header is malformed.
 */
export function batchIdOf(c: Context, source: string, body: string): string | undefined {
  const given = c.req.header(batchIdHeader);
  if (given === undefined) return contentMessageId("batch", source, body);
  return batchIdSchema.safeParse(given).success ? given : undefined;
}

export const badBatchIdMessage = `${batchIdHeader}: 1-64 of A-Z a-z 0-9 . _ - (or leave it out: the body names the batch)`;
