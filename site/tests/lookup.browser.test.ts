import { languages } from "@ballot/voter-text";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshotPath, seriousAccessibilityViolations, usDate, withStackAndBrowser } from "./browser.ts";

const running = withStackAndBrowser({ voters: 300, seed: 11 });

const en = languages.en.strings.ui;

function sample(index: number) {
  const voter = running.stack.samples[index] ?? running.stack.samples[0];
  if (!voter) throw new Error("the stack printed no sample voter");
  return voter;
}

async function fillForm(
  page: Page,
  details: { firstName: string; lastName: string; dateOfBirth: string; zip: string },
): Promise<void> {
  await page.fill("#firstName", details.firstName);
  await page.fill("#lastName", details.lastName);
  await page.fill("#dateOfBirth", details.dateOfBirth);
  await page.fill("#zip", details.zip);
  await page.click("button[type=submit]");
}

const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

/** The field's error as a screen reader reaches it: through aria-describedby, with aria-invalid set. */
async function fieldError(page: Page, field: string): Promise<{ invalid: string | null; described: string }> {
  return page.evaluate((id) => {
    const input = document.getElementById(id);
    const described = (input?.getAttribute("aria-describedby") ?? "")
      .split(" ")
      .map((ref) => document.getElementById(ref)?.textContent ?? "")
      .join(" ");
    return { invalid: input?.getAttribute("aria-invalid") ?? null, described };
  }, field);
}

describe("lookup page", () => {
  it.each([360, 1280])("finds a sample voter's ballot by keyboard alone at %i px wide", async (width) => {
    const voter = sample(0);
    const page = await running.browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${running.stack.siteUrl}/`);
    await page.screenshot({ path: screenshotPath(`lookup-${width}`), fullPage: true });
    // The skip link comes first, then the intro's FAQ link, then the form in visual order.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("skip");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect.poll(() => activeId(page)).toBe("firstName");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.type(voter.firstName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(voter.lastName);
    await page.keyboard.press("Tab");
    await page.keyboard.type(usDate(voter.dateOfBirth));
    await page.keyboard.press("Tab");
    await page.keyboard.type(voter.zip);
    await page.keyboard.press("Enter");
    await page.locator("#result .status").first().waitFor({ timeout: 20_000 });
    expect(await activeId(page)).toBe("result");
    const labels = Object.values(en.statuses).map((status) => status.label);
    expect(labels).toContain((await page.locator("#result .status").first().textContent())?.trim());
    expect(await page.locator("#result ol.timeline li").count()).toBeGreaterThan(1);
    expect(await page.locator("#result .fresh").first().textContent()).toContain("Information as of");
    expect(Object.values(en.waiting)).toContain(await page.locator("#result .waiting").first().textContent());
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`status-${width}`), fullPage: true });
    await page.close();
  });

  it("shows the status in the page's language", async () => {
    const voter = sample(2);
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${running.stack.siteUrl}/es/`);
    await fillForm(page, { ...voter, dateOfBirth: usDate(voter.dateOfBirth) });
    await page.locator("#result .status").first().waitFor({ timeout: 20_000 });
    const labels = Object.values(languages.es.strings.ui.statuses).map((status) => status.label);
    expect(labels).toContain((await page.locator("#result .status").first().textContent())?.trim());
    expect(await page.locator("#result-title").textContent()).toBe(languages.es.strings.ui.result.heading);
    await page.screenshot({ path: screenshotPath("status-es-360"), fullPage: true });
    await page.close();
  });

  it.each([360, 1280])(
    "without JavaScript, the API answers the form with the status page (Vietnamese, %i px)",
    async (width) => {
      const voter = sample(1);
      const vi = languages.vi.strings;
      const context = await running.browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${running.stack.siteUrl}/vi/`);
      await fillForm(page, { ...voter, dateOfBirth: usDate(voter.dateOfBirth) });
      await page.waitForURL(`${running.stack.siteUrl}/v1/lookup/page`);
      expect(await page.getAttribute("html", "lang")).toBe("vi");
      expect(await page.locator("#result-title").textContent()).toBe(vi.ui.result.heading);
      const labels = Object.values(vi.ui.statuses).map((status) => status.label);
      expect(labels).toContain(await page.locator("#result .status").first().textContent());
      expect(await page.locator("#result ol.timeline li").count()).toBeGreaterThan(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: screenshotPath(`status-nojs-vi-${width}`), fullPage: true });
      // The same page against axe, in a page that may run it.
      const html = await page.content();
      const checked = await running.browser.newPage({ viewport: { width, height: 900 } });
      await checked.setContent(html);
      expect(await seriousAccessibilityViolations(checked)).toEqual([]);
      await checked.close();
      await context.close();
    },
  );

  it("without JavaScript, a miss comes back as the form with the guidance, in the page's language", async () => {
    const context = await running.browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 900 },
    });
    const page = await context.newPage();
    await page.goto(`${running.stack.siteUrl}/es/`);
    await fillForm(page, { firstName: "Nadie", lastName: "Ninguno", dateOfBirth: "01-02-1950", zip: "95814" });
    await page.waitForURL(`${running.stack.siteUrl}/v1/lookup/page`);
    const es = languages.es.strings.ui.errors;
    expect(await page.locator("#error-summary li").textContent()).toContain(es.notFound);
    expect(await page.inputValue("#lastName")).toBe("Ninguno");
    // Trying again from there stays on the page without JavaScript, in Spanish.
    await page.fill("#dateOfBirth", "31-02-1950");
    await page.click("button[type=submit]");
    await page.waitForLoadState();
    expect(await page.getAttribute("html", "lang")).toBe("es");
    expect(await page.locator("#dateOfBirth-error").textContent()).toBe(es.dateOfBirthRange);
    expect(await page.getAttribute("#dateOfBirth", "aria-invalid")).toBe("true");
    const html = await page.content();
    const checked = await running.browser.newPage();
    await checked.setContent(html);
    expect(await seriousAccessibilityViolations(checked)).toEqual([]);
    await checked.close();
    await context.close();
  });

  it("lists empty fields in a focused summary and ties each message to its field", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${running.stack.siteUrl}/`);
    await page.click("button[type=submit]");
    await expect.poll(() => activeId(page)).toBe("error-summary");
    expect(await page.locator("#error-list li").count()).toBe(4);
    for (const [field, message] of [
      ["firstName", en.errors.firstNameRequired],
      ["lastName", en.errors.lastNameRequired],
      ["dateOfBirth", en.errors.dateOfBirthRequired],
      ["zip", en.errors.zipRequired],
    ] as const) {
      expect(await fieldError(page, field)).toEqual({ invalid: "true", described: expect.stringContaining(message) });
    }
    // A summary link takes the keyboard to its field.
    await page.locator('#error-list a[href="#zip"]').click();
    expect(await activeId(page)).toBe("zip");
    await page.screenshot({ path: screenshotPath("errors-360"), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("ties the API's VALIDATION_FAILED to the field it names and says how to write it", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.stack.siteUrl}/`);
    // Right shape, so the page sends it; no such day, so the API refuses it.
    await fillForm(page, { firstName: "Ana", lastName: "Lee", dateOfBirth: "02-30-1980", zip: "95616" });
    await expect.poll(() => page.locator("#dateOfBirth-error").textContent()).toContain("MM-DD-YYYY");
    expect(await fieldError(page, "dateOfBirth")).toEqual({
      invalid: "true",
      described: expect.stringContaining(en.errors.dateOfBirthRange),
    });
    const zip = await fieldError(page, "zip");
    expect(zip.invalid).toBeNull();
    expect(zip.described).not.toContain(en.errors.zipInvalid);
    expect(await activeId(page)).toBe("error-summary");
    await page.close();
  });

  it("says what to check when no voter matches (VOTER_NOT_FOUND), and links to the FAQ", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.stack.siteUrl}/`);
    await fillForm(page, { firstName: "Nobody", lastName: "Atall", dateOfBirth: "01-02-1970", zip: "95616" });
    await expect.poll(() => page.locator("#error-list").textContent()).toContain(en.errors.notFound);
    expect(await activeId(page)).toBe("error-summary");
    expect(await page.locator("#error-list a").getAttribute("href")).toBe("/faq/");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("after too many misses for one name and ZIP, says how long to wait (RATE_LIMITED, Retry-After)", async () => {
    const guess = { firstName: "Guess", lastName: "Work", zip: "95616" };
    // The API allows 10 misses per name and ZIP in 15 minutes; use them up directly.
    for (let attempt = 1; attempt <= 10; attempt++) {
      const dateOfBirth = `01-${String(attempt).padStart(2, "0")}-1970`;
      const response = await fetch(`${running.stack.apiUrl}/v1/lookup`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...guess, dateOfBirth }),
      });
      expect(response.status).toBe(404);
    }
    const page = await running.browser.newPage();
    await page.goto(`${running.stack.siteUrl}/`);
    await fillForm(page, { ...guess, dateOfBirth: "01-20-1970" });
    await expect
      .poll(() => page.locator("#error-list").textContent())
      // The wait runs to the end of the limiter's 15-minute window, so near its end it is said in seconds.
      .toMatch(/Too many lookups\. Please wait \d+ (minutes?|seconds?) and try again\./);
    expect(await activeId(page)).toBe("error-summary");
    await page.close();
  });
});

/**
 * States the simulated county does not reliably produce for a known voter (two voters with one identity; a rejected
 * ballot): the API's answer is given to the page as it would come, in the shape of services/apps/api/src/routes.
 */
describe("lookup page with given API answers", () => {
  const ballot = {
    ballotId: "B1",
    electionId: "2026-11-03",
    status: "cure_pending",
    asOf: new Date(Date.now() - 3 * 3_600_000).toISOString(),
    timeline: [
      { status: "issued", at: "2026-10-01T16:00:00.000Z" },
      { status: "mailed", at: "2026-10-05T16:00:00.000Z" },
      { status: "delivered", at: "2026-10-08T19:00:00.000Z" },
      { status: "returned_by_voter", at: "2026-10-20T15:00:00.000Z" },
      { status: "received", at: "2026-10-22T17:00:00.000Z" },
      { status: "cure_pending", at: "2026-10-24T17:00:00.000Z", reasonCode: "signature_mismatch" },
    ],
    rejection: {
      reason: "signature_mismatch",
      cureDeadline: "2026-12-01",
      cureUrl: "https://elections.example.org/cure",
    },
  };

  it("asks for the voter ID when the details match two voters (VOTER_AMBIGUOUS), then shows the ballot", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    const bodies: unknown[] = [];
    await page.route("**/v1/lookup", async (route) => {
      const body = route.request().postDataJSON() as { voterId?: string };
      bodies.push(body);
      await (body.voterId
        ? route.fulfill({ status: 200, json: { ballots: [ballot], token: "t" } })
        : route.fulfill({
            status: 409,
            json: { error: { code: "VOTER_AMBIGUOUS", message: "add your voter ID", details: { field: "voterId" } } },
          }));
    });
    await page.goto(`${running.stack.siteUrl}/`);
    expect(await page.isVisible("#voterId")).toBe(false);
    await fillForm(page, { firstName: "Ana", lastName: "Lee", dateOfBirth: "07-04-1976", zip: "95616" });
    await expect.poll(() => page.isVisible("#voterId")).toBe(true);
    expect(await fieldError(page, "voterId")).toEqual({
      invalid: "true",
      described: expect.stringContaining(en.errors.ambiguous),
    });
    expect(await activeId(page)).toBe("error-summary");
    await page.screenshot({ path: screenshotPath("ambiguous-360"), fullPage: true });
    await page.fill("#voterId", "V00000042");
    await page.click("button[type=submit]");
    await page.locator("#result .status").waitFor();
    expect(bodies.at(-1)).toEqual({
      firstName: "Ana",
      lastName: "Lee",
      dateOfBirth: "07-04-1976",
      zip: "95616",
      voterId: "V00000042",
    });
    await page.close();
  });

  it.each([360, 1280])("shows a rejection with its reason, cure steps, link and deadline at %i px", async (width) => {
    const page = await running.browser.newPage({ viewport: { width, height: 900 } });
    await page.route("**/v1/lookup", (route) =>
      route.fulfill({ status: 200, json: { ballots: [ballot], token: "t" } }),
    );
    await page.goto(`${running.stack.siteUrl}/`);
    await fillForm(page, { firstName: "Ana", lastName: "Lee", dateOfBirth: "07-04-1976", zip: "95616" });
    await page.locator("#result .alert").waitFor();
    const alert = await page.locator("#result .alert").textContent();
    expect(alert).toContain(en.rejection.reasons.signature_mismatch);
    for (const step of en.rejection.cureSteps) expect(alert).toContain(step);
    expect(alert).toContain("Deadline: Tuesday, December 1, 2026");
    expect(await page.locator("#result .alert a").getAttribute("href")).toBe("https://elections.example.org/cure");
    expect(await page.locator("#result .status").textContent()).toBe(en.statuses.cure_pending.label);
    expect(await page.locator("#result .waiting").textContent()).toBe(en.waiting.voter);
    expect(await page.locator("#result ol.timeline li").count()).toBe(ballot.timeline.length + 1);
    expect(await page.locator("#result .fresh").textContent()).toContain("3 hours ago");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.screenshot({ path: screenshotPath(`status-rejected-${width}`), fullPage: true });
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("never turns a county's cure address into a script link", async () => {
    const page = await running.browser.newPage();
    const hostile = { ...ballot, rejection: { ...ballot.rejection, cureUrl: "javascript:alert(1)" } };
    await page.route("**/v1/lookup", (route) => route.fulfill({ status: 200, json: { ballots: [hostile] } }));
    await page.goto(`${running.stack.siteUrl}/`);
    await fillForm(page, { firstName: "Ana", lastName: "Lee", dateOfBirth: "07-04-1976", zip: "95616" });
    await page.locator("#result .alert").waitFor();
    expect(await page.locator("#result .alert a").count()).toBe(0);
    expect(await page.locator("#result .alert").textContent()).toContain(en.rejection.noCureLink);
    await page.close();
  });

  it("shows each ballot of a voter with the newest first and the expected delivery date", async () => {
    const page = await running.browser.newPage();
    const inTheMail = {
      ballotId: "B2",
      electionId: "2026-11-03",
      status: "in_transit",
      asOf: new Date().toISOString(),
      timeline: [
        { status: "issued", at: "2026-10-10T16:00:00.000Z" },
        { status: "in_transit", at: "2026-10-12T16:00:00.000Z" },
      ],
      expectedDeliveryDate: "2026-10-14",
    };
    const older = { ...ballot, ballotId: "B0", status: "superseded", rejection: undefined };
    await page.route("**/v1/lookup", (route) =>
      route.fulfill({ status: 200, json: { ballots: [inTheMail, older], token: "t" } }),
    );
    await page.goto(`${running.stack.siteUrl}/`);
    await fillForm(page, { firstName: "Ana", lastName: "Lee", dateOfBirth: "07-04-1976", zip: "95616" });
    await page.locator("#result .delivery").waitFor();
    expect(await page.locator("#result .delivery").textContent()).toBe(
      "The Postal Service expects to deliver it on Wednesday, October 14, 2026.",
    );
    expect(await page.locator("#result .ballot h3").allTextContents()).toEqual([
      "Election 2026-11-03",
      "An older ballot: Election 2026-11-03",
    ]);
    expect(await page.locator("#result .waiting").first().textContent()).toBe(en.waiting.usps);
    await page.close();
  });
});
