export type { JetStreamClient } from "@nats-io/jetstream";
export {
  type ConnectOptions,
  connectJetStream,
  type DurableConsumerSpec,
  ensureDurableConsumer,
  ensureStreams,
  type JetStreamConnection,
} from "./connection.ts";
export {
  type ConsumerLoop,
  type ConsumerLoopOptions,
  type MessageHandler,
  parseMessage,
  type ReceivedMessage,
  startConsumerLoop,
} from "./consumer.ts";
export { contentMessageId, JetStreamPublisher, type PublishOutcome } from "./publisher.ts";
