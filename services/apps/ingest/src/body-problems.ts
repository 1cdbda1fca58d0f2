import type { BodyProblem } from "@ballot/adapters";
import { assertNever } from "@ballot/core";
import type { Context } from "hono";
import type { IngestDeps } from "./app.ts";

/** A body that cannot be read answers with what to change; one that is not JSON is also dead-lettered whole. */
export async function answerBodyProblem(
  c: Context,
  deps: IngestDeps,
  source: string,
  problem: BodyProblem,
  receivedAt: string,
): Promise<Response> {
  switch (problem.kind) {
    case "too_large":
      return deps.errors(
        c,
        413,
        "PAYLOAD_TOO_LARGE",
        `bodies are limited to ${problem.limitBytes} bytes; split the batch`,
      );
    case "bad_encoding":
      return deps.errors(c, 415, "UNSUPPORTED_ENCODING", problem.message);
    case "not_json":
      await deps.deadLetterWhole(source, `body is not JSON: ${problem.message}`, problem.text, receivedAt);
      return deps.errors(c, 400, "VALIDATION_FAILED", `the body is not valid JSON: ${problem.message}`);
    default:
      return assertNever(problem, "body problem");
  }
}
