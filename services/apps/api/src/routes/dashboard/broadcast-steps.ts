import { broadcastIdPattern } from "@ballot/adapters/redis/broadcast-store";
import type { Hono } from "hono";
import type { StaffEnvContext, StaffRole } from "../../staff-auth.ts";
import { transitionAnswer } from "./broadcast-support.ts";
import { authoriseCounty, type DashboardDeps } from "./support.ts";

interface Step {
  readonly name: "approve" | "send" | "cancel";
  readonly role: StaffRole;
  /** The step's past participle, for "it cannot be approved now". */
  readonly done: string;
}

const steps: readonly Step[] = [
  { name: "approve", role: "approver", done: "approved" },
  { name: "send", role: "operator", done: "sent" },
  { name: "cancel", role: "operator", done: "cancelled" },
];

/**
 * POST /v1/dashboard/counties/:county/broadcasts/:id/{approve,send,cancel}: the steps of a broadcast's life, each
 * recorded in the county's audit log. `approve` (approver): a draft, by anyone but its drafter. `send` (operator):
 * an approved broadcast starts going out in stages. `cancel` (operator, the kill switch): a draft, approved or sending
 * broadcast stops at once; what was sent stays recorded. 409 CONFLICT when the broadcast is past that step.
 */
export function registerBroadcastSteps(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  for (const step of steps) {
    app.post(`/counties/:county/broadcasts/:id/${step.name}`, async (c) => {
      const id = c.req.param("id");
      const ownDraft = async (staff: { name: string }, county: string) => {
        const broadcast = await deps.broadcasts.get(county, id);
        return broadcast?.createdBy === staff.name
          ? "the person who drafted a broadcast cannot approve it: ask another approver"
          : undefined;
      };
      const auth = await authoriseCounty(
        c,
        deps,
        // The audit names the broadcast (a well-formed id only: the path is the caller's).
        `POST broadcast ${step.name} ${broadcastIdPattern.test(id) ? id : "?"}`,
        step.role,
        "action",
        step.name === "approve" ? ownDraft : undefined,
      );
      if (!auth.ok) return auth.answer;
      const nowMs = deps.now().getTime();
      const { name } = auth.staff;
      const outcome =
        step.name === "approve"
          ? await deps.broadcasts.approve(auth.county, id, name, nowMs)
          : step.name === "send"
            ? await deps.broadcasts.startSending(auth.county, id, name, nowMs)
            : await deps.broadcasts.cancel(auth.county, id, name, nowMs);
      if (outcome.outcome === "done") {
        deps.log.info(
          { requestId: c.get("requestId"), county: auth.county, broadcastId: id, step: step.name, by: name },
          "broadcast step taken",
        );
      }
      return transitionAnswer(c, outcome, step.done);
    });
  }
}
