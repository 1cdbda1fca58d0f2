import type { Logger } from "pino";
import { describeError } from "./errors.ts";

export type Closer = () => Promise<void> | void;

export interface ShutdownOptions {
  readonly log: Logger;
  /** How long in-flight work may take to finish before the process leaves anyway. */
  readonly graceMs?: number;
  readonly signals?: readonly NodeJS.Signals[];
  /** Exits the process when done; tests pass their own. */
  readonly exit?: (code: number) => void;
}

/**
 * Runs the closers in reverse order of registration (stop taking work, finish what is in flight, then close
 * connections) on SIGTERM or SIGINT, once, and exits. A closer that fails is logged and the rest still run.
 */
export function handleShutdown({
  log,
  graceMs = 10_000,
  signals = ["SIGTERM", "SIGINT"],
  exit = (code) => process.exit(code),
}: ShutdownOptions) {
  const closers: Closer[] = [];
  let closing: Promise<void> | undefined;

  const close = (reason: string): Promise<void> => {
    closing ??= (async () => {
      log.info({ reason }, "shutting down");
      const timer = setTimeout(() => {
        log.error({ graceMs }, "shutdown took too long; leaving anyway");
        exit(1);
      }, graceMs);
      timer.unref();
      let code = 0;
      for (const closer of closers.toReversed()) {
        try {
          await closer();
        } catch (error) {
          code = 1;
          log.error({ err: error, message: describeError(error) }, "a closer failed during shutdown");
        }
      }
      clearTimeout(timer);
      log.info("stopped");
      exit(code);
    })();
    return closing;
  };

  for (const signal of signals) process.once(signal, () => void close(signal));
  return {
    /** Registers work to undo at shutdown, in the order things were opened. */
    add(closer: Closer) {
      closers.push(closer);
    },
    close,
  };
}
