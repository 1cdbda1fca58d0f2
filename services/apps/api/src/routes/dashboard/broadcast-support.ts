import type { Broadcast, TransitionOutcome } from "@ballot/adapters/redis/broadcast-store";
import { assertNever, type CountyNotificationSettings } from "@ballot/core";
import type { Context } from "hono";
import { apiError } from "../../errors.ts";
import type { DashboardDeps } from "./support.ts";

/** The county's notification settings, which the messages quote; a county without them cannot broadcast. */
export function countySettingsFor(
  c: Context,
  deps: DashboardDeps,
  county: string,
): { ok: true; settings: CountyNotificationSettings } | { ok: false; answer: Response } {
  const settings = deps.countySettingsOf(county);
  if (settings) return { ok: true, settings };
  return {
    ok: false,
    answer: apiError(
      c,
      "UNAVAILABLE",
      `county ${county} has no notification settings here: give the API the notifier's NOTIFIER_COUNTIES`,
    ),
  };
}

export const broadcastNotFound = (c: Context) =>
  apiError(c, "NOT_FOUND", "no such broadcast in this county; list them at ../broadcasts");

/** The answer to a step of a broadcast's life: the broadcast as it now stands, or why the step was refused. */
export function transitionAnswer(c: Context, outcome: TransitionOutcome, step: string): Response {
  switch (outcome.outcome) {
    case "done":
      return c.json(outcome.broadcast);
    case "not_found":
      return broadcastNotFound(c);
    case "wrong_status":
      return apiError(c, "CONFLICT", `the broadcast is ${outcome.status}: it cannot be ${step} now`, {
        status: outcome.status,
      });
    case "own_draft":
      return apiError(c, "FORBIDDEN", "the person who drafted a broadcast cannot approve it: ask another approver");
    default:
      return assertNever(outcome, "broadcast step outcome");
  }
}

export type { Broadcast };
