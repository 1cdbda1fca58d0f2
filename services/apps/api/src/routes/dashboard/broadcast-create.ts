import { readJsonBody } from "@ballot/adapters";
import { ballotStatuses, broadcastKinds, checkBroadcastVariables, renderBroadcastPreview } from "@ballot/core";
import type { Hono } from "hono";
import { z } from "zod";
import { apiError } from "../../errors.ts";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { countySettingsFor } from "./broadcast-support.ts";
import { authoriseCounty, type DashboardDeps, todayOf, validationProblem } from "./support.ts";

const createSchema = z.strictObject({
  kind: z.enum(broadcastKinds),
  variables: z.record(z.string(), z.unknown()).default({}),
  audience: z
    .strictObject({
      electionId: z
        .string()
        .regex(/^[A-Za-z0-9._-]{1,64}$/, "an election id, like 2026-11-03-general")
        .optional(),
      zips: z
        .array(z.string().regex(/^\d{5}$/, "5-digit ZIP codes"))
        .max(500)
        .optional(),
      statuses: z.array(z.enum(ballotStatuses)).max(ballotStatuses.length).optional(),
    })
    .default({}),
});

/**
 * POST /v1/dashboard/counties/:county/broadcasts (operator): drafts a broadcast,
 * `{"kind": "deadline_reminder"|"polling_place_change", "variables": {...}, "audience": {"electionId"?, "zips"?,
 * "statuses"?}}`. The variables are checked (each one the kind uses given, no other) and the message rendered in
 * every language and channel before anything is stored; 201 with the draft, which a different approver must approve.
 */
export function registerBroadcastCreate(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.post("/counties/:county/broadcasts", async (c) => {
    const auth = await authoriseCounty(c, deps, "POST broadcasts", "operator", "action");
    if (!auth.ok) return auth.answer;
    const body = await readJsonBody(c, deps.maxBodyBytes);
    if (!body.ok) {
      return body.problem.kind === "too_large"
        ? apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${body.problem.limitBytes} bytes`)
        : apiError(c, "VALIDATION_FAILED", "body: send a JSON object with kind, variables and audience", {
            field: "body",
          });
    }
    const parsed = createSchema.safeParse(body.json);
    if (!parsed.success) return validationProblem(c, parsed.error);
    const { kind, audience } = parsed.data;
    const variables = checkBroadcastVariables(kind, parsed.data.variables, todayOf(deps));
    if (!variables.ok) {
      return apiError(c, "VALIDATION_FAILED", `${variables.error.field}: ${variables.error.message}`, {
        field: variables.error.field,
      });
    }
    const county = countySettingsFor(c, deps, auth.county);
    if (!county.ok) return county.answer;
    const preview = renderBroadcastPreview(kind, variables.value, county.settings);
    if (!preview.ok) {
      const { field, message, language, channel } = preview.error;
      return apiError(c, "VALIDATION_FAILED", `${field}: ${message}`, { field, language, channel });
    }
    const broadcast = await deps.broadcasts.create(
      auth.county,
      { kind, variables: variables.value, audience },
      auth.staff.name,
      deps.now().getTime(),
    );
    deps.log.info(
      { requestId: c.get("requestId"), county: auth.county, broadcastId: broadcast.id, kind, by: auth.staff.name },
      "broadcast drafted",
    );
    return c.json(broadcast, 201);
  });
}
