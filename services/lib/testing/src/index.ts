export { describe, expect } from "vitest";
export {
  type FakeMessage,
  type FakeProvider,
  type FakeProviderOptions,
  fakeResendApiKey,
  fakeTwilioAccountSid,
  fakeTwilioAuthToken,
  type ScriptedResponse,
  signTwilioWebhook,
  startFakeResend,
  startFakeTwilio,
} from "./fake-providers.ts";
export { type TestNamespace, type TestServers, test } from "./fixtures.ts";
export { isConsumerDrained } from "./jetstream.ts";
export { type WaitForOptions, waitFor } from "./wait-for.ts";
