export { assertNever, err, ok, type Result } from "./result.ts";
