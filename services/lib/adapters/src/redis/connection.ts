import { Redis } from "ioredis";

/** One ioredis client; commands queue while it connects and reconnects, so a blip is not an error. */
export function connectRedis(url: string, connectionName: string): Redis {
  return new Redis(url, { connectionName, maxRetriesPerRequest: 5, enableAutoPipelining: true });
}

export type { Redis } from "ioredis";
