import type { Redis } from "@ballot/adapters";
import type { RedisKeys } from "@ballot/contracts";
import type { MiddlewareHandler } from "hono";
import { type AnsweredAction, type StaffEnvContext, type StaffIdentity, scopeName } from "./staff-auth.ts";

/** One staff action as the audit log keeps it: who, what, when, on which county, and whether it was allowed. */
export interface AuditEntry {
  readonly id: string;
  readonly at: string;
  readonly who: string;
  readonly role: string;
  /** The scope of the token used: a county code or `state`. */
  readonly scope: string;
  readonly county: string;
  /** `GET summary`, `GET stuck csv`, ...: the route and, for exports, the format. Never a query's values. */
  readonly action: string;
  readonly outcome: "allowed" | "denied";
  /**
   * An action's answer, as its HTTP status: 200 or 202 when it was done, 404 or 409 when the route found nothing to
   * do or refused it (a hold decided already), 403 when denied. Views carry none.
   */
  readonly result?: number;
  /** The client address of a refused sign-in (whose token was not known). */
  readonly address?: string;
}

/** Entries kept per county, roughly (`MAXLEN ~`): years of a county's staff at work. */
export const defaultAuditMaxEntries = 1_000_000;
/**
 * A page a staff member keeps open refreshes every few seconds: the same view by the same person is recorded once
 * per this window (per API process), so the log says who looked at what without thousands of lines a day each.
 */
export const defaultViewWindowMs = 10 * 60_000;
const viewsRememberedMax = 10_000;

export class StaffAuditLog {
  readonly #redis: Redis;
  readonly #keys: RedisKeys;
  readonly #maxEntries: number;
  readonly #viewWindowMs: number;
  readonly #lastViews = new Map<string, number>();
  constructor(
    redis: Redis,
    keys: RedisKeys,
    { maxEntries = defaultAuditMaxEntries, viewWindowMs = defaultViewWindowMs } = {},
  ) {
    this.#redis = redis;
    this.#keys = keys;
    this.#maxEntries = maxEntries;
    this.#viewWindowMs = viewWindowMs;
  }

  /**
   * Records a view (a read of figures or a page of a list, allowed): once per person, county and view within the
   * view window. Exports, refusals and reads of the log itself go through `record`, every time.
   */
  async recordView(staff: StaffIdentity, county: string, action: string, at: Date): Promise<void> {
    const key = `${county}|${staff.name}|${action}`;
    const last = this.#lastViews.get(key);
    if (last !== undefined && at.getTime() - last < this.#viewWindowMs && at.getTime() >= last) return;
    if (this.#lastViews.size >= viewsRememberedMax) this.#lastViews.clear();
    this.#lastViews.set(key, at.getTime());
    await this.record(staff, county, action, "allowed", at);
  }

  async record(
    staff: StaffIdentity,
    county: string,
    action: string,
    outcome: AuditEntry["outcome"],
    at: Date,
    result?: number,
  ): Promise<void> {
    await this.#append(
      county,
      {
        who: staff.name,
        role: staff.role,
        scope: scopeName(staff.scope),
        action,
        outcome,
        ...(result === undefined ? {} : { result: String(result) }),
      },
      at,
    );
  }

  /**
   * Records a refused staff sign-in (a wrong or unknown token, or an address refused for too many of them) in the
   * `state` log, with the client address it came from and never the token: who it was is not known.
   */
  async recordSignInRefusal(address: string, action: string, at: Date): Promise<void> {
    await this.#append(
      "state",
      { who: "unknown", role: "none", scope: "none", action, outcome: "denied", address },
      at,
    );
  }

  async #append(county: string, fields: Readonly<Record<string, string>>, at: Date): Promise<void> {
    await this.#redis.xadd(
      this.#keys.staffAudit(county),
      "MAXLEN",
      "~",
      String(this.#maxEntries),
      "*",
      ...Object.entries({ ...fields, at: at.toISOString() }).flat(),
    );
  }

  /** The newest entries first, `limit` of them, older than the entry id `before` when given. */
  async read(county: string, limit: number, before?: string): Promise<AuditEntry[]> {
    const end = before ? `(${before}` : "+";
    const replies = await this.#redis.xrevrange(this.#keys.staffAudit(county), end, "-", "COUNT", limit);
    return replies.map(([id, fields]) => {
      const values = new Map<string, string>();
      for (let index = 0; index + 1 < fields.length; index += 2) {
        values.set(fields[index] as string, fields[index + 1] as string);
      }
      const field = (name: string) => values.get(name) ?? "";
      return {
        id,
        at: field("at"),
        who: field("who"),
        role: field("role"),
        scope: field("scope"),
        county,
        action: field("action"),
        outcome: field("outcome") === "denied" ? "denied" : "allowed",
        ...(values.has("result") ? { result: Number(field("result")) } : {}),
        ...(values.has("address") ? { address: field("address") } : {}),
      };
    });
  }
}

/**
 * Records an allowed action once its route has answered, with the answer's status (`result`), so that the log says
 * what came of it: a release refused because the hold was decided already reads `allowed`, 409, not as done. The
 * answer waits for its entry. A route that throws is recorded with 500. `authoriseCounty` marks the action; it
 * refuses to run behind no such middleware, so that no action goes unrecorded.
 */
export function recordActionsWithAnswers(audit: StaffAuditLog, now: () => Date): MiddlewareHandler<StaffEnvContext> {
  return async (c, next) => {
    const answered: AnsweredAction = {};
    c.set("answeredAction", answered);
    let threw = false;
    try {
      await next();
    } catch (error) {
      threw = true;
      throw error;
    } finally {
      const { entry } = answered;
      if (entry) {
        const status = threw || c.error ? 500 : c.res.status;
        await audit.record(entry.staff, entry.county, entry.action, "allowed", now(), status);
      }
    }
  };
}
