import { createHmac } from "node:crypto";

/**
 * The keyed hash of a canonical identity (normalised names, birth date, ZIP). Without the key the hashes cannot be
 * reversed by guessing likely identities; the key comes only from the environment.
 */
export function createIdentityHasher(key: string): (canonicalIdentity: string) => string {
  if (key.length < 32) throw new Error("the identity hash key must be at least 32 characters");
  return (canonicalIdentity) => createHmac("sha256", key).update(canonicalIdentity).digest("hex");
}
