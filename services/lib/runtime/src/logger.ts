import { type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * Keys whose values are personal data or secrets. pino replaces them wherever they appear at the top level or one
 * or two levels down, so a careless `log.info({ voter })` still leaks nothing.
 */
const sensitiveKeys = [
  "firstName",
  "lastName",
  "first_name",
  "last_name",
  "dateOfBirth",
  "date_of_birth",
  "dob",
  "address",
  "street",
  "email",
  "phone",
  "token",
  "authorization",
  "password",
  "secret",
  "cookie",
];

export const redactedPaths: readonly string[] = [
  ...sensitiveKeys,
  ...sensitiveKeys.map((key) => `*.${key}`),
  ...sensitiveKeys.map((key) => `*.*.${key}`),
  'req.headers["authorization"]',
  'req.headers["cookie"]',
];

export interface LoggerOptions {
  readonly name: string;
  readonly level?: string;
  /** Where lines go; tests pass a stream to read them back. Standard output by default. */
  readonly destination?: NodeJS.WritableStream;
}

export function createLogger({ name, level = "info", destination }: LoggerOptions): Logger {
  const options = { name, level, redact: { paths: [...redactedPaths], censor: "[redacted]" } };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * The one line that says a service is up (and where), written whatever LOG_LEVEL is: process supervisors, the local
 * stack and the tests wait for it.
 */
export function announceReady(log: Logger, fields: Record<string, unknown>, message: string): void {
  log.child({}, { level: "info" }).info(fields, message);
}
