import { assertNever, type RenderedMessage, renderBroadcastPreview } from "@ballot/core";
import type { Hono } from "hono";
import { apiError } from "../../errors.ts";
import type { StaffEnvContext } from "../../staff-auth.ts";
import { broadcastNotFound, countySettingsFor } from "./broadcast-support.ts";
import { authoriseCounty, type DashboardDeps } from "./support.ts";

/** A rendered message as the preview shows it: what the voter reads or hears (the email's HTML is the same text). */
function shownOf(message: RenderedMessage) {
  switch (message.channel) {
    case "email":
      return { subject: message.subject, text: message.text };
    case "sms":
      return { text: message.text, segments: message.segments, encoding: message.encoding };
    case "voice":
      return { says: message.says.map((say) => say.text), voice: message.says[0]?.voice };
    default:
      return assertNever(message, "rendered channel");
  }
}

/**
 * GET /v1/dashboard/counties/:county/broadcasts/:id/preview (operator): the exact audience as it stands now (voters,
 * and messages by channel and by language and channel), counted in one pass over the county's reachable voters
 * (`passMs` says what it cost), and the message in every language on every channel.
 */
export function registerBroadcastPreview(app: Hono<StaffEnvContext>, deps: DashboardDeps) {
  app.get("/counties/:county/broadcasts/:id/preview", async (c) => {
    const auth = await authoriseCounty(c, deps, "GET broadcast preview", "operator");
    if (!auth.ok) return auth.answer;
    const broadcast = await deps.broadcasts.get(auth.county, c.req.param("id"));
    if (!broadcast) return broadcastNotFound(c);
    const county = countySettingsFor(c, deps, auth.county);
    if (!county.ok) return county.answer;
    const rendered = renderBroadcastPreview(broadcast.kind, broadcast.variables, county.settings);
    if (!rendered.ok) {
      // The settings changed since the draft was checked: it cannot go out as it is.
      return apiError(c, "CONFLICT", `${rendered.error.message}; draft the broadcast again`);
    }
    const startedAt = performance.now();
    const audience = await deps.audience.count(auth.county, broadcast.audience);
    const passMs = Math.round(performance.now() - startedAt);
    const messages = Object.fromEntries(
      Object.entries(rendered.value).map(([language, byChannel]) => [
        language,
        Object.fromEntries(Object.entries(byChannel).map(([channel, message]) => [channel, shownOf(message)])),
      ]),
    );
    return c.json({ broadcast, audience, passMs, messages });
  });
}
