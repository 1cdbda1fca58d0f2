import type { JetStreamManager } from "@nats-io/jetstream";

/**
 * True when every message in the stream has been acknowledged (or terminated) by the durable consumer: its ack floor
 * has reached the stream's last message. A message waiting out a retry delay keeps the floor below.
 */
export async function isConsumerDrained(jsm: JetStreamManager, stream: string, durable: string): Promise<boolean> {
  const [consumer, streamInfo] = await Promise.all([jsm.consumers.info(stream, durable), jsm.streams.info(stream)]);
  return consumer.ack_floor.stream_seq >= streamInfo.state.last_seq && consumer.num_ack_pending === 0;
}
