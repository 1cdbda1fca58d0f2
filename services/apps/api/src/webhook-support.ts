import type { HandlerResponse } from "@ballot/adapters/notifications";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** A shared handler's answer through Hono, so that it keeps the headers every answer carries. */
export const replyOf = (c: Context, response: HandlerResponse): Response =>
  c.body(response.body, response.status as ContentfulStatusCode, { "content-type": response.contentType });

/** The URL Twilio signed: the one it called, which behind a proxy is the public one, not ours. */
export function signedUrlOf(request: Request, publicUrl: string | undefined): string {
  if (!publicUrl) return request.url;
  const url = new URL(request.url);
  return `${publicUrl.replace(/\/+$/, "")}${url.pathname}${url.search}`;
}
