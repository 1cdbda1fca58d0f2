import { defineConfig } from "vitest/config";

// Three projects, chosen by file name: `*.test.ts` pure and fast, `*.int.test.ts` against real NATS JetStream,
// Redis and HTTP servers started by @ballot/testing, `*.browser.test.ts` in Debian's Chromium against the built site.
const ignored = ["**/node_modules/**", "**/dist/**", ".tools/**"];

export default defineConfig({
  test: {
    reporters: ["default", "./services/lib/testing/src/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["services/**/*.test.ts", "infra/**/*.test.ts", "load-tests/**/*.test.ts"],
          exclude: [...ignored, "**/*.int.test.ts", "**/*.browser.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          include: ["services/**/*.int.test.ts", "infra/**/*.int.test.ts", "load-tests/**/*.int.test.ts"],
          exclude: ignored,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["site/**/*.browser.test.ts"],
          exclude: ignored,
          globalSetup: ["site/tests/build-site.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
