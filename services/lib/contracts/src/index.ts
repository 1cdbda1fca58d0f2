export { type Catalog, createCatalog, type StreamSpec, type Subject } from "./catalog.ts";
export * from "./messages.ts";
export {
  ballotFieldLength,
  ballotKeyOf,
  createRedisKeys,
  dashboardDayOf,
  dashboardTimeZone,
  idOfSlot,
  type RedisKeys,
  type Slot,
  slotOf,
} from "./redis-keys.ts";
