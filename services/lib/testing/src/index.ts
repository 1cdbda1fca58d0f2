export { describe, expect } from "vitest";
export { type TestNamespace, type TestServers, test } from "./fixtures.ts";
export { isConsumerDrained } from "./jetstream.ts";
export { type WaitForOptions, waitFor } from "./wait-for.ts";
