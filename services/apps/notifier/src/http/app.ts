import {
  type HandlerResponse,
  handleResendWebhook,
  handleTwilioInboundWebhook,
  handleTwilioStatusWebhook,
  type NotificationHandlerDeps,
  redeemLinkToken,
} from "@ballot/adapters/notifications";
import { Hono } from "hono";

export interface NotifierHttpOptions {
  readonly handlers: NotificationHandlerDeps;
  /** The address Twilio calls us at, when behind a proxy: signatures are over the URL Twilio used. */
  readonly publicUrl?: string | undefined;
  readonly now: () => number;
}

const reply = (response: HandlerResponse) =>
  new Response(response.body, { status: response.status, headers: { "content-type": response.contentType } });

const linkStatus = {
  confirmed: 200,
  unsubscribed: 200,
  already_used: 409,
  expired: 410,
  invalid: 400,
  no_such_channel: 404,
};

/**
 * The notifier's small HTTP server: delivery and inbound-SMS webhooks (signatures checked, failing closed) and the
 * confirmation and one-click unsubscribe links. The API can mount the same handlers from @ballot/adapters.
 */
export function createNotifierApp(options: NotifierHttpOptions) {
  const { handlers, now } = options;
  const app = new Hono();
  const urlOf = (request: Request) => {
    if (!options.publicUrl) return request.url;
    const url = new URL(request.url);
    return `${options.publicUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`;
  };
  const formOf = async (request: Request) =>
    Object.fromEntries(new URLSearchParams(await request.text())) as Record<string, string>;

  app.get("/health", (c) => c.json({ ok: true }));

  app.get("/v1/notify/confirm", async (c) => {
    const outcome = await redeemLinkToken(handlers, c.req.query("token") ?? "", now());
    return c.text(outcome, linkStatus[outcome] as 200);
  });

  // A GET only shows the button: mail scanners follow links, and must not unsubscribe anyone (RFC 8058).
  app.get("/v1/notify/unsubscribe", (c) =>
    c.html(
      `<!doctype html><form method="post"><input type="hidden" name="token" value="${(c.req.query("token") ?? "").replace(/[^A-Za-z0-9._~%-]/g, "")}"><button>Unsubscribe</button></form>`,
    ),
  );
  app.post("/v1/notify/unsubscribe", async (c) => {
    const form = await formOf(c.req.raw);
    const outcome = await redeemLinkToken(handlers, c.req.query("token") ?? form.token ?? "", now());
    return c.text(outcome, linkStatus[outcome] as 200);
  });

  app.post("/v1/notify/webhooks/twilio/sms", async (c) =>
    reply(
      await handleTwilioInboundWebhook(
        handlers,
        { url: urlOf(c.req.raw), signature: c.req.header("x-twilio-signature"), params: await formOf(c.req.raw) },
        now(),
      ),
    ),
  );
  app.post("/v1/notify/webhooks/twilio/status", async (c) =>
    reply(
      await handleTwilioStatusWebhook(
        handlers,
        { url: urlOf(c.req.raw), signature: c.req.header("x-twilio-signature"), params: await formOf(c.req.raw) },
        now(),
      ),
    ),
  );
  app.post("/v1/notify/webhooks/resend", async (c) => {
    const header = (name: string) => c.req.header(`svix-${name}`) ?? c.req.header(`webhook-${name}`);
    const headers = {
      ...(header("id") ? { id: header("id") as string } : {}),
      ...(header("timestamp") ? { timestamp: header("timestamp") as string } : {}),
      ...(header("signature") ? { signature: header("signature") as string } : {}),
    };
    return reply(await handleResendWebhook(handlers, { headers, body: await c.req.text() }, now()));
  });
  return app;
}
