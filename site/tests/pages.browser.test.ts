import { readFileSync } from "node:fs";
import { serveSite } from "@ballot/local-stack/site";
import { languageCodes, languages, type PageName, pages, pathOf } from "@ballot/voter-text";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, seriousAccessibilityViolations } from "./browser.ts";

// The static pages need no API: the site server alone, with /v1 pointing nowhere.
let site: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  site = await serveSite({ apiUrl: "http://127.0.0.1:9" });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const pageNames = Object.keys(pages) as PageName[];
const everyPage = languageCodes.flatMap((code) => pageNames.map((page) => [code, page] as const));

describe("every page in every language", () => {
  it.each(everyPage)(
    "%s %s page: right language, fits 360 px, no serious or critical axe violations",
    async (code, name) => {
      const language = languages[code];
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      const response = await page.goto(`${site.url}${pathOf(code, name)}`);
      expect(response?.status()).toBe(200);
      expect(await page.getAttribute("html", "lang")).toBe(language.tag);
      const h1 = await page.locator("h1").textContent();
      const titles: Record<PageName, string> = {
        lookup: language.strings.lookup.title,
        faq: language.strings.faq.title,
        messages: language.strings.messages.title,
        alerts: language.strings.alerts.title,
        confirmed: language.strings.confirmed.title,
        unsubscribe: language.strings.unsubscribe.title,
      };
      expect(h1?.trim()).toBe(titles[name]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.close();
    },
  );
});

/** Alerts as the API answers them, given to the page so that the whole form and the current state are checked. */
const someAlerts = {
  language: "es",
  contactWindow: "09:00-20:00",
  channels: [
    { channel: "email", address: "a***@example.com", consent: "pending", contactWindow: "09:00-20:00", language: null },
    { channel: "sms", address: "***-***-0123", consent: "confirmed", contactWindow: "09:00-20:00", language: null },
    { channel: "voice", address: "***-***-0199", consent: "opted_out", contactWindow: "09:00-20:00", language: null },
  ],
};

describe("the alert pages in every language, in the states a voter sees", () => {
  it.each(languageCodes)(
    "%s: the alerts form with current alerts, an unsubscribe link with its button, a confirmation outcome",
    async (code) => {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.addInitScript(() => sessionStorage.setItem("ballot.voterToken", "v1.test.token"));
      await page.route("**/v1/subscriptions", (route) => route.fulfill({ status: 200, json: someAlerts }));
      await page.goto(`${site.url}${pathOf(code, "alerts")}`);
      await page.waitForSelector("#current-list li[data-channel=voice]");
      expect(await page.isVisible("#alerts")).toBe(true);
      expect(await page.isVisible("#email")).toBe(true);
      expect(await page.isChecked("#voice-on")).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.goto(`${site.url}${pathOf(code, "unsubscribe")}#token=v1.some.token`);
      await page.waitForSelector("#unsubscribe button", { state: "visible" });
      expect(page.url()).not.toContain("token");
      expect(await seriousAccessibilityViolations(page)).toEqual([]);

      await page.goto(`${site.url}${pathOf(code, "confirmed")}?outcome=expired`);
      expect((await page.locator("#outcome p:visible").textContent())?.trim()).toBe(
        languages[code].strings.confirmed.outcomes.expired,
      );
      expect(await seriousAccessibilityViolations(page)).toEqual([]);
      await page.close();
    },
  );
});

describe("the site server", () => {
  it("serves every language's pages with and without the trailing slash", async () => {
    for (const code of languageCodes) {
      for (const name of pageNames) {
        const path = pathOf(code, name);
        for (const url of [path, path.replace(/(.)\/$/, "$1")]) {
          const response = await fetch(`${site.url}${url}`);
          expect(response.status, url).toBe(200);
          expect(await response.text(), url).toContain(`<html lang="${languages[code].tag}"`);
        }
      }
    }
  });
});

describe("language switcher", () => {
  it("is plain links that work without JavaScript and keep the reader on the same page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/faq/`);
    await page.click(`a[hreflang="ko"]`);
    await page.waitForURL(`${site.url}/ko/faq/`);
    expect(await page.getAttribute("html", "lang")).toBe("ko");
    expect((await page.locator("h1").textContent())?.trim()).toBe(languages.ko.strings.faq.title);
    expect(await page.getAttribute(`a[hreflang="ko"]`, "aria-current")).toBe("page");
    // Back to English, which lives at the root.
    await page.click(`a[hreflang="en"]`);
    await page.waitForURL(`${site.url}/faq/`);
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await context.close();
  });

  it("without JavaScript, the lookup form is there and posts to the API's page, naming its language", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.url}/vi/`);
    expect(await page.isVisible("#lookup")).toBe(true);
    expect(await page.getAttribute("#lookup", "method")).toBe("post");
    expect(await page.getAttribute("#lookup", "action")).toBe("/v1/lookup/page");
    expect(await page.getAttribute('#lookup input[name="lang"]', "value")).toBe("vi");
    await context.close();
  });

  it("names every language in that language, marked with its own lang attribute", async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/es/`);
    const links = await page.locator("nav.languages a").evaluateAll((anchors) =>
      anchors.map((anchor) => ({
        lang: anchor.getAttribute("lang"),
        href: anchor.getAttribute("href"),
        text: anchor.textContent,
      })),
    );
    expect(links).toEqual(
      languageCodes.map((code) => ({
        lang: languages[code].tag,
        href: pathOf(code, "lookup"),
        text: languages[code].name,
      })),
    );
    await page.close();
  });

  it("every translation is marked as needing review by a certified translator", () => {
    for (const code of languageCodes.filter((code) => code !== "en")) {
      const source = readFileSync(new URL(`../../services/lib/voter-text/src/${code}.ts`, import.meta.url), "utf8");
      expect(source, code).toMatch(/certified translator/);
      expect(languages[code].strings.reviewed, code).toBe(false);
      expect(languages[code].strings.site.unreviewed.length, code).toBeGreaterThan(0);
    }
  });
});
