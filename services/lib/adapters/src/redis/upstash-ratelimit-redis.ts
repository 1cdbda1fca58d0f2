import { createHash } from "node:crypto";
import type { Redis } from "ioredis";

/**
 * The part of `@upstash/redis` that `@upstash/ratelimit` calls for its single-region limiters (checked against the
 * library's source, 2.2.0): `evalsha` first, and `eval` when Redis answers NOSCRIPT.
 */
export interface UpstashScriptClient {
  evalsha<Result = unknown>(sha1: string, keys: string[], args: unknown[]): Promise<Result>;
  eval<Result = unknown>(script: string, keys: string[], args: unknown[]): Promise<Result>;
}

interface LoadedScript {
  readonly sha1: string;
  readonly script: string;
}

const sha1Of = (text: string): string => createHash("sha1").update(text).digest("hex");

/**
 * `#!lua flags=allow-key-locking` heads the library's scripts since 2.1; Redis 7.0 refuses that flag, and without a
 * shebang Redis runs the script as it always has, which is what the flag's absence means.
 */
const withoutShebang = (script: string): string =>
  script.startsWith("#!") ? script.replace(/^#![^\n]*\n/, "") : script;

const isNoScript = (error: unknown): boolean => String(error).includes("NOSCRIPT");

/**
 * `@upstash/ratelimit` over the project's Redis through ioredis, instead of Upstash's HTTP client. The library
 * names a script by the SHA1 of its own text; the text Redis runs is the stripped one, with another SHA1. So an
 * unknown library SHA1 answers NOSCRIPT (the library then sends the text through `eval`), and from then on the
 * library's SHA1 maps to the stripped script, which runs by its own SHA1 (sent whole once per Redis server).
 */
export function createUpstashRedis(redis: Redis): UpstashScriptClient {
  const byLibrarySha1 = new Map<string, LoadedScript>();

  const run = async <Result>(loaded: LoadedScript, keys: string[], args: unknown[]): Promise<Result> => {
    const argv = [...keys, ...args.map((arg) => (arg === null || arg === undefined ? "" : String(arg)))];
    try {
      return (await redis.evalsha(loaded.sha1, keys.length, ...argv)) as Result;
    } catch (error) {
      if (!isNoScript(error)) throw error;
      return (await redis.eval(loaded.script, keys.length, ...argv)) as Result;
    }
  };

  return {
    async evalsha<Result>(sha1: string, keys: string[], args: unknown[]): Promise<Result> {
      const loaded = byLibrarySha1.get(sha1);
      if (!loaded) throw new Error(`NOSCRIPT no stripped script is known for ${sha1} yet`);
      return run<Result>(loaded, keys, args);
    },
    async eval<Result>(script: string, keys: string[], args: unknown[]): Promise<Result> {
      const librarySha1 = sha1Of(script);
      let loaded = byLibrarySha1.get(librarySha1);
      if (!loaded) {
        const stripped = withoutShebang(script);
        loaded = { sha1: sha1Of(stripped), script: stripped };
        byLibrarySha1.set(librarySha1, loaded);
      }
      return run<Result>(loaded, keys, args);
    },
  };
}
