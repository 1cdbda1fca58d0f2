export * from "./crypto/index.ts";
export * from "./http/index.ts";
export * from "./nats/index.ts";
export * from "./redis/index.ts";
