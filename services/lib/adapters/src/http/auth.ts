import { timingSafeEqual } from "node:crypto";

/** Compares a presented bearer token with the configured one in constant time. Missing configuration fails closed. */
export function isBearerTokenValid(authorization: string | undefined, expected: string | undefined): boolean {
  if (!expected || !authorization) return false;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1]);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}
