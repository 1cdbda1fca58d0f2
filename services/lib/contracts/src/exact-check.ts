import type { z } from "zod";

/** A yes/no check compiled from a schema: true only for values the schema accepts and would give back unchanged. */
export type ExactCheck = (value: unknown) => boolean;

/** The part of zod's internal definitions read here (zod 4: `schema._zod.def`, and each check's `_zod.def`). */
interface Definition {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDefinition } }[];
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly entries?: Record<string, string | number>;
  readonly catchall?: z.ZodType;
}

interface CheckDefinition {
  readonly check: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
}

const definitionOf = (schema: z.ZodType): Definition => (schema as unknown as { _zod: { def: Definition } })._zod.def;

/** String formats whose whole check is their pattern (others, such as url or jwt, run code of their own). */
const patternFormats = new Set(["regex", "datetime", "date"]);

/** A check of a string's or an array's length, or of a string's pattern (only ever given a string then). */
type ValueCheck = (value: string & readonly unknown[]) => boolean;

/** The length and pattern checks of a string or array schema, in order; undefined if one is of another kind. */
function lengthAndPatternChecks(definition: Definition): ValueCheck[] | undefined {
  const checks: ValueCheck[] = [];
  const all: CheckDefinition[] = [];
  // A string format schema (z.iso.datetime(), ...) is its own first check.
  if (definition.format !== undefined) all.push({ check: "string_format", ...definition });
  for (const check of definition.checks ?? []) all.push(check._zod.def);
  for (const check of all) {
    const { minimum, maximum, length, pattern } = check;
    if (check.check === "min_length" && minimum !== undefined)
      checks.push((value: { length: number }) => value.length >= minimum);
    else if (check.check === "max_length" && maximum !== undefined)
      checks.push((value: { length: number }) => value.length <= maximum);
    else if (check.check === "length_equals" && length !== undefined)
      checks.push((value: { length: number }) => value.length === length);
    else if (
      check.check === "string_format" &&
      pattern &&
      patternFormats.has(check.format ?? "") &&
      !pattern.global &&
      !pattern.sticky
    ) {
      checks.push((value: string) => pattern.test(value));
    } else return undefined;
  }
  return checks;
}

function compile(schema: z.ZodType): ExactCheck | undefined {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case "string": {
      const checks = lengthAndPatternChecks(definition);
      if (!checks) return undefined;
      const [only] = checks;
      if (checks.length === 0) return (value) => typeof value === "string";
      if (checks.length === 1 && only) return (value) => typeof value === "string" && only(value as never);
      return (value) => {
        if (typeof value !== "string") return false;
        for (const check of checks) if (!check(value as never)) return false;
        return true;
      };
    }
    case "enum": {
      const values = new Set(Object.values(definition.entries ?? {}));
      return (value) => values.has(value as string);
    }
    case "optional":
    case "nullable": {
      const inner = definition.innerType && compile(definition.innerType);
      if (!inner) return undefined;
      const empty = definition.type === "optional" ? undefined : null;
      return (value) => value === empty || inner(value);
    }
    case "array": {
      const element = definition.element && compile(definition.element);
      const checks = lengthAndPatternChecks(definition);
      if (!element || !checks) return undefined;
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (const check of checks) if (!check(value as never)) return false;
        for (const item of value) if (!element(item)) return false;
        return true;
      };
    }
    case "object": {
      // Only the default mode (unknown keys stripped): a value with unknown keys is one zod would change.
      if (definition.catchall !== undefined || !definition.shape) return undefined;
      const keys: string[] = [];
      const checks: ExactCheck[] = [];
      const optional: boolean[] = [];
      const inherited: boolean[] = [];
      for (const [key, field] of Object.entries(definition.shape)) {
        const check = compile(field);
        if (!check) return undefined;
        keys.push(key);
        checks.push(check);
        optional.push(definitionOf(field).type === "optional");
        // A name every object inherits ("constructor", ...): its value counts only if the value's own.
        inherited.push(key in Object.prototype);
      }
      const count = keys.length;
      return (value) => {
        // zod gives back a plain object: anything else is a value it would change.
        if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) {
          return false;
        }
        const record = value as Record<string, unknown>;
        let present = 0;
        for (let index = 0; index < count; index += 1) {
          const key = keys[index] as string;
          const item = record[key];
          if (item === undefined) {
            // Absent, or present as undefined (which zod gives back as it is): fine only where it is optional.
            if (!optional[index]) return false;
            if (key in record) present += 1;
          } else {
            if (inherited[index] && !Object.hasOwn(record, key)) return false;
            if (!(checks[index] as ExactCheck)(item)) return false;
            present += 1;
          }
        }
        // No keys beyond the shape's (a plain object inherits no enumerable ones).
        let keysOfValue = 0;
        for (const _ in record) keysOfValue += 1;
        return keysOfValue === present;
      };
    }
    default:
      return undefined;
  }
}

const compiled = new WeakMap<z.ZodType, ExactCheck | null>();

/**
 * A fast exact check for a schema built from objects, strings (lengths, patterns, ISO dates and instants), enums,
 * arrays, optional and nullable: no transforms, defaults or refinements. It says yes only when the schema accepts the
 * value and would give back the same value (no keys to strip), so that the value itself can be used as zod's output;
 * for anything else, zod decides (and says why). Undefined for a schema with anything else in it.
 *
 * Why: zod builds a result object for every field it checks; over the hundreds of scans in a chunk that was a
 * tenth of ingest's CPU and as much again in the tracker (pnpm bench:pipeline).
 */
export function exactCheckOf(schema: z.ZodType): ExactCheck | undefined {
  let check = compiled.get(schema);
  if (check === undefined) {
    check = compile(schema) ?? null;
    compiled.set(schema, check);
  }
  return check ?? undefined;
}

/** `schema.safeParse(value)`, answered without zod when the value passes the schema's exact check. */
export function safeParseFast<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
): z.ZodSafeParseResult<z.output<Schema>> {
  const check = exactCheckOf(schema);
  if (check?.(value)) return { success: true, data: value as z.output<Schema> };
  return schema.safeParse(value);
}
