export { type Catalog, createCatalog, type StreamSpec, type Subject } from "./catalog.ts";
export * from "./messages.ts";
export { ballotKeyOf, createRedisKeys, dashboardDayOf, dashboardTimeZone, type RedisKeys } from "./redis-keys.ts";
