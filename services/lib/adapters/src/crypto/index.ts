export { createIdentityHasher } from "./identity-hasher.ts";
