// Tests that kill a service process (kill -9 mid-send) start it as the stack does.
export { type ServiceProcess, startService } from "@ballot/local-stack";
export { services } from "@ballot/local-stack/paths";
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
