import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";
import { handleShutdown } from "./shutdown.ts";

describe("handleShutdown", () => {
  it("runs closers once, newest first, keeps going past a failing one and exits non-zero", async () => {
    const order: string[] = [];
    let exitCode: number | undefined;
    const shutdown = handleShutdown({
      log: createLogger({ name: "test", level: "silent" }),
      signals: [],
      exit: (code) => {
        exitCode = code;
      },
    });
    shutdown.add(() => {
      order.push("connections");
    });
    shutdown.add(() => {
      throw new Error("boom");
    });
    shutdown.add(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push("in-flight work");
    });
    await Promise.all([shutdown.close("test"), shutdown.close("again")]);
    expect(order).toEqual(["in-flight work", "connections"]);
    expect(exitCode).toBe(1);
  });
});
