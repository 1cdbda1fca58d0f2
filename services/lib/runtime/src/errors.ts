/** Context an adapter attaches to an error: vendor status codes, subjects, keys. Never personal data. */
export type ErrorContext = Readonly<Record<string, string | number | boolean | undefined>>;

interface ClassifiedErrorOptions {
  readonly cause?: unknown;
  readonly context?: ErrorContext;
}

/** Worth retrying later: 429, 5xx, a lost connection, a write conflict. The consumer naks with backoff. */
export class TransientError extends Error {
  override readonly name = "TransientError";
  readonly context: ErrorContext;
  constructor(message: string, options: ClassifiedErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.context = options.context ?? {};
  }
}

/** Will fail the same way every time: an invalid record, a bad phone number. The consumer dead-letters it. */
export class PermanentError extends Error {
  override readonly name = "PermanentError";
  readonly context: ErrorContext;
  constructor(message: string, options: ClassifiedErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.context = options.context ?? {};
  }
}

export const isTransientError = (error: unknown): error is TransientError => error instanceof TransientError;
export const isPermanentError = (error: unknown): error is PermanentError => error instanceof PermanentError;

/** The message of anything thrown, for logs and dead-letter reasons. */
export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
