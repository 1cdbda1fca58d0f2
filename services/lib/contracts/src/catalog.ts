import type { z } from "zod";
import {
  ballotAlertSchema,
  ballotStatusChangedSchema,
  countyBallotSchema,
  countyStatusSchema,
  countyVoterSchema,
  deadLetterSchema,
  uspsScanChunkSchema,
} from "./messages.ts";

/** A subject and the schema of what is published on it: a wrong payload is a compile error. */
export interface Subject<Schema extends z.ZodType = z.ZodType> {
  readonly name: string;
  readonly schema: Schema;
}

export interface StreamSpec {
  readonly name: string;
  readonly subjects: readonly string[];
  /** How long messages are kept: an election cycle for events, so that state can be rebuilt by replay. */
  readonly maxAgeMs: number;
  /** The window in which a repeated Nats-Msg-Id is dropped. */
  readonly duplicateWindowMs: number;
}

const dayMs = 24 * 60 * 60 * 1000;

/**
 * Every subject, stream and durable consumer name, in one place; nothing else spells one. `namespace` prefixes
 * them all, so that tests (and several stacks) share one server without seeing each other.
 */
export function createCatalog(namespace = "") {
  const subjectPrefix = namespace ? `${namespace}.` : "";
  const streamPrefix = namespace ? `${namespace.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_` : "";
  const subject = <Schema extends z.ZodType>(name: string, schema: Schema): Subject<Schema> => ({
    name: `${subjectPrefix}${name}`,
    schema,
  });

  const subjects = {
    /** USPS scans of our ballots, a chunk of them per message. */
    uspsScans: subject("evt.usps.scans", uspsScanChunkSchema),
    countyVoter: subject("evt.county.voter", countyVoterSchema),
    countyBallot: subject("evt.county.ballot", countyBallotSchema),
    countyStatus: subject("evt.county.status", countyStatusSchema),
    /** Scans of IMbs that are not ours (other mailers' data in a shared feed): kept apart and counted; chunked too. */
    foreignScans: subject("foreign.usps.scans", uspsScanChunkSchema),
    statusChanged: subject("ballot.status.changed", ballotStatusChangedSchema),
    alert: subject("ballot.alert", ballotAlertSchema),
    deadLetter: (source: string) => subject(`dlq.${source}`, deadLetterSchema),
  };

  const streams = {
    events: {
      name: `${streamPrefix}EVENTS`,
      subjects: [`${subjectPrefix}evt.>`],
      maxAgeMs: 400 * dayMs,
      duplicateWindowMs: 2 * dayMs,
    },
    foreign: {
      name: `${streamPrefix}FOREIGN`,
      subjects: [`${subjectPrefix}foreign.>`],
      maxAgeMs: 30 * dayMs,
      duplicateWindowMs: 2 * dayMs,
    },
    statusChanges: {
      name: `${streamPrefix}STATUS`,
      subjects: [`${subjectPrefix}ballot.>`],
      maxAgeMs: 400 * dayMs,
      duplicateWindowMs: 2 * dayMs,
    },
    deadLetters: {
      name: `${streamPrefix}DLQ`,
      subjects: [`${subjectPrefix}dlq.>`],
      maxAgeMs: 400 * dayMs,
      duplicateWindowMs: 2 * dayMs,
    },
  } satisfies Record<string, StreamSpec>;

  const consumers = {
    tracker: { stream: streams.events.name, durable: `${streamPrefix}tracker` },
    /** Status changes and alerts (the whole `STATUS` stream, `ballot.>`), for the notifier. */
    notifier: { stream: streams.statusChanges.name, durable: `${streamPrefix}notifier` },
  } as const;

  return { namespace, subjects, streams, consumers };
}

export type Catalog = ReturnType<typeof createCatalog>;
