export * from "./crypto/index.ts";
export * from "./http/index.ts";
export * from "./nats/index.ts";
export * from "./redis/index.ts";
// Providers and the notification webhooks load the Twilio SDK: they are imported from "@ballot/adapters/providers"
// and "@ballot/adapters/notifications", so that services without them start without it.
