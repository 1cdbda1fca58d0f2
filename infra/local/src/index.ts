export { type ServiceProcess, type ServiceSpec, startService, stopChild } from "./processes.ts";
export { findBinary, freePort, type LocalServer, startNatsServer, startRedisServer } from "./servers.ts";
