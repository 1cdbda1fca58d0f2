import { describe, expect, it } from "vitest";
import { apiErrorCodes, statusOfCode } from "./errors.ts";

describe("statusOfCode", () => {
  it.each(apiErrorCodes.options)("%s has an HTTP error status", (code) => {
    const status = statusOfCode(code);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
  });

  it.each([
    ["VALIDATION_FAILED", 400],
    ["TOKEN_INVALID", 401],
    ["VOTER_NOT_FOUND", 404],
    ["VOTER_AMBIGUOUS", 409],
    ["PAYLOAD_TOO_LARGE", 413],
    ["RATE_LIMITED", 429],
    ["UNAVAILABLE", 503],
  ] as const)("%s is %i", (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });
});
