import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { findBinary } from "@ballot/local-stack";
import { dataDir } from "@ballot/local-stack/paths";
import { type RunningStack, startStack } from "@ballot/local-stack/stack";
import axe from "axe-core";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";

/** Debian's Chromium, headless, with the flags this closed network needs (no background connections). */
export function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? findBinary("chromium");
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null | undefined;
  readonly help: string;
  readonly nodes: number;
}

/** Runs axe-core in the page against WCAG 2.x A and AA rules; returns the serious and critical violations. */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const violations = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: typeof axe }).axe.run;
    const result = await run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"] },
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.length,
    }));
  });
  return violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
}

/** Screenshots go to .data/screenshots/, for people to look at. */
export function screenshotPath(name: string): string {
  const dir = join(dataDir, "screenshots");
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}

/**
 * The real stack (NATS, Redis, every service, the built site, a small simulated election) and a browser for one
 * test file: started before its tests, stopped after them. `beforeStart` sets what the stack should read (the
 * environment), `afterStop` clears it.
 */
export function withStackAndBrowser(options: {
  readonly voters: number;
  readonly seed: number;
  readonly beforeStart?: () => void;
  readonly afterStop?: () => void;
}): { stack: RunningStack; browser: Browser } {
  const running = {} as { stack: RunningStack; browser: Browser };
  beforeAll(async () => {
    options.beforeStart?.();
    running.stack = await startStack({
      voters: options.voters,
      daysPerMinute: 600,
      seed: options.seed,
      apiPort: 0,
      ingestPort: 0,
      sitePort: 0,
      simulate: true,
      print: () => {},
    });
    running.browser = await launchChromium();
  });
  afterAll(async () => {
    options.afterStop?.();
    await running.browser?.close();
    await running.stack?.stop();
  });
  return running;
}

/** YYYY-MM-DD as the lookup form asks for it, MM-DD-YYYY. */
export const usDate = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;
