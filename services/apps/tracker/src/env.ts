import { baseEnvSchema } from "@ballot/runtime";
import { z } from "zod";

export const trackerEnvSchema = baseEnvSchema.extend({
  /** Messages pulled at a time. */
  TRACKER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(256),
  /** Messages in flight at once; the reducer is order-insensitive, so any number is safe. */
  TRACKER_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(64),
  /**
   * USPS scan chunks worked on at once (a chunk carries up to a few hundred ballots, all written side by side). More
   * only keeps more ballots alive in memory at once: the garbage collector then costs more than the overlap saves.
   */
  TRACKER_SCAN_CHUNKS_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(4),
  /** How many deliveries a county status for a not-yet-known ballot waits for its ballot before dead-lettering. */
  TRACKER_UNKNOWN_BALLOT_ATTEMPTS: z.coerce.number().int().min(1).default(8),
});

export type TrackerEnv = z.infer<typeof trackerEnvSchema>;
