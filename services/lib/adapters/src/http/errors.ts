import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Every error answer has this one shape; never a stack trace. */
export interface ErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly requestId: string;
    readonly details?: unknown;
  };
}

export type RequestIdVariables = { requestId: string };

/** Gives each request an id (or keeps a sane one from the caller) and echoes it in `X-Request-Id`. */
export const requestId = (): MiddlewareHandler<{ Variables: RequestIdVariables }> => async (c, next) => {
  const given = c.req.header("x-request-id");
  const id = given && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
  c.set("requestId", id);
  c.header("X-Request-Id", id);
  await next();
};

export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  details?: unknown,
): Response {
  const id = (c.get("requestId") as string | undefined) ?? "none";
  const body: ErrorBody = { error: { code, message, requestId: id, ...(details === undefined ? {} : { details }) } };
  return c.json(body, status);
}
