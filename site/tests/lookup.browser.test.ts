import { startStack } from "@ballot/local-stack/stack";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, screenshotPath, seriousAccessibilityViolations } from "./browser.ts";

let stack: Awaited<ReturnType<typeof startStack>>;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack({
    voters: 300,
    daysPerMinute: 600,
    seed: 11,
    apiPort: 0,
    ingestPort: 0,
    sitePort: 0,
    simulate: true,
    print: () => {},
  });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const usDate = (iso: string) => `${iso.slice(5, 7)}-${iso.slice(8, 10)}-${iso.slice(0, 4)}`;

describe("lookup page", () => {
  it.each([360, 1280])("finds a sample voter's ballot by keyboard alone at %i px wide", async (width) => {
    const voter = stack.samples[0];
    if (!voter) throw new Error("the stack printed no sample voter");
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${stack.siteUrl}/`);
    await page.screenshot({ path: screenshotPath(`lookup-${width}`), fullPage: true });
    // Tab order follows the visual order: first name is the first field after the header link.
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("firstName");
    await page.keyboard.type(voter.firstName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(voter.lastName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(usDate(voter.dateOfBirth));
    await page.keyboard.press("Tab");
    await page.keyboard.type(voter.zip);
    await page.keyboard.press("Enter");
    await page.locator("#result .status").first().waitFor({ timeout: 20_000 });
    const status = await page.locator("#result .status").first().textContent();
    expect(status?.trim().length).toBeGreaterThan(0);
    expect(await page.locator("#result ol.timeline li").count()).toBeGreaterThan(0);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`status-${width}`), fullPage: true });
    await page.close();
  });

  it("ties a wrong date of birth to its field and says how to write it", async () => {
    const page = await browser.newPage();
    await page.goto(`${stack.siteUrl}/`);
    await page.fill("#firstName", "Ana");
    await page.fill("#lastName", "Lee");
    await page.fill("#dateOfBirth", "31-12-1980");
    await page.fill("#zip", "95616");
    await page.click("button[type=submit]");
    await expect.poll(() => page.locator("#dateOfBirth-error").textContent()).toContain("MM-DD-YYYY");
    expect(await page.getAttribute("#dateOfBirth", "aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("dateOfBirth");
    await page.close();
  });

  it("has no serious or critical accessibility violations, before and after a lookup", async () => {
    const voter = stack.samples[1] ?? stack.samples[0];
    if (!voter) throw new Error("the stack printed no sample voter");
    const page = await browser.newPage();
    await page.goto(`${stack.siteUrl}/`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.fill("#firstName", voter.firstName);
    await page.fill("#lastName", voter.lastName);
    await page.fill("#dateOfBirth", usDate(voter.dateOfBirth));
    await page.fill("#zip", voter.zip);
    await page.click("button[type=submit]");
    await page.locator("#result .status").first().waitFor({ timeout: 20_000 });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });
});
