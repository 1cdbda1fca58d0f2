export * from "./ballot/index.ts";
export * from "./county/index.ts";
export * from "./feeds/index.ts";
export * from "./identity/index.ts";
export * from "./imb/index.ts";
export * from "./notifications/index.ts";
export * from "./result/index.ts";
export * from "./templates/index.ts";
