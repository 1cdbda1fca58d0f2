export { baseEnvSchema, EnvError, pairMapSchema, parseEnv, tokenMapSchema } from "./env.ts";
export {
  describeError,
  type ErrorContext,
  isPermanentError,
  isTransientError,
  PermanentError,
  TransientError,
} from "./errors.ts";
export { announceReady, createLogger, type Logger, type LoggerOptions, redactedPaths } from "./logger.ts";
export { type Closer, handleShutdown, type ShutdownOptions } from "./shutdown.ts";
