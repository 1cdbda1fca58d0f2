import { errorResponse } from "@ballot/adapters";
import { assertNever } from "@ballot/core";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

/** Every error the API can answer with; the HTTP status follows from the code alone. */
export const apiErrorCodes = z.enum([
  "VALIDATION_FAILED",
  "VOTER_NOT_FOUND",
  "VOTER_AMBIGUOUS",
  "RATE_LIMITED",
  "TOKEN_INVALID",
  "TOKEN_EXPIRED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "PAYLOAD_TOO_LARGE",
  "NOT_FOUND",
  "CONFLICT",
  "UNAVAILABLE",
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodes>;

export function statusOfCode(code: ApiErrorCode): ContentfulStatusCode {
  switch (code) {
    case "VALIDATION_FAILED":
      return 400;
    case "TOKEN_INVALID":
    case "TOKEN_EXPIRED":
    case "UNAUTHORIZED":
      return 401;
    case "FORBIDDEN":
      return 403;
    case "VOTER_NOT_FOUND":
    case "NOT_FOUND":
      return 404;
    case "VOTER_AMBIGUOUS":
    case "CONFLICT":
      return 409;
    case "PAYLOAD_TOO_LARGE":
      return 413;
    case "RATE_LIMITED":
      return 429;
    case "UNAVAILABLE":
      return 503;
    default:
      return assertNever(code, "API error code");
  }
}

export const apiError = (c: Context, code: ApiErrorCode, message: string, details?: unknown): Response =>
  errorResponse(c, statusOfCode(code), code, message, details);
