import { describe, expect, it } from "vitest";
import { memoized } from "./memo.ts";

describe("memoized", () => {
  it("computes each argument once, and past its bound forgets and computes again", () => {
    const calls: number[] = [];
    const double = memoized((value: number) => {
      calls.push(value);
      return value * 2;
    }, 2);
    expect([double(1), double(1), double(2), double(1)]).toEqual([2, 2, 4, 2]);
    expect(calls).toEqual([1, 2]);
    expect(double(3)).toBe(6);
    expect(double(1)).toBe(2);
    expect(calls).toEqual([1, 2, 3, 1]);
  });
});
