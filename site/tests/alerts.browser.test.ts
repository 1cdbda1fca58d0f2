import { fill, languages } from "@ballot/voter-text";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshotPath, seriousAccessibilityViolations, usDate, withStackAndBrowser } from "./browser.ts";

// The whole voter journey against the real stack (API, Redis, NATS): look up, sign up, change, unsubscribe.
const running = withStackAndBrowser({ voters: 200, seed: 23 });

const en = languages.en.strings;
const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id);

function sample(index: number) {
  const voter = running.stack.samples[index] ?? running.stack.samples[0];
  if (!voter) throw new Error("the stack printed no sample voter");
  return voter;
}

async function lookUp(page: Page, index: number, path = "/"): Promise<void> {
  const voter = sample(index);
  await page.goto(`${running.stack.siteUrl}${path}`);
  await page.fill("#firstName", voter.firstName);
  await page.fill("#lastName", voter.lastName);
  await page.fill("#dateOfBirth", usDate(voter.dateOfBirth));
  await page.fill("#zip", voter.zip);
  await page.click("button[type=submit]");
  await page.locator("#get-alerts").waitFor({ timeout: 20_000 });
}

const consentOf = (page: Page, channel: string) =>
  page.getAttribute(`#current-list li[data-channel=${channel}]`, "data-consent");

/** What the API holds for the voter, asked with the token the page keeps. */
async function apiView(
  page: Page,
): Promise<{ language: string; contactWindow: string | null; channels: { channel: string; consent: string }[] }> {
  const token = await page.evaluate(() => sessionStorage.getItem("ballot.voterToken"));
  const response = await fetch(`${running.stack.apiUrl}/v1/subscriptions`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as Awaited<ReturnType<typeof apiView>>;
}

describe("alerts", () => {
  it("a voter looks up, signs up by email and SMS, sees them pending, changes hours and language, unsubscribes", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    await lookUp(page, 1);
    const token = await page.evaluate(() => sessionStorage.getItem("ballot.voterToken"));
    expect(token).toMatch(/^v1\./);
    expect(await page.locator("#get-alerts").textContent()).toBe(en.alerts.resultLink);
    await page.click("#get-alerts");
    await page.waitForURL(`${running.stack.siteUrl}/alerts/`);
    await page.locator("#alerts").waitFor({ state: "visible" });

    // A new email address and a new mobile number: both must be confirmed.
    await page.check("#email-on");
    await page.fill("#email", "new.address@voter.example");
    await page.check("#sms-on");
    await page.fill("#sms", "(916) 555-0142");
    await page.screenshot({ path: screenshotPath("alerts-form-360"), fullPage: true });
    await page.click("#alerts button[type=submit]");
    await expect.poll(() => consentOf(page, "email")).toBe("pending");
    expect(await consentOf(page, "sms")).toBe("pending");
    expect(await activeId(page)).toBe("current");
    const notice = await page.locator("#notice").textContent();
    expect(notice).toContain(en.alertsUi.saved);
    expect(notice).toContain(en.alertsUi.confirmEmail);
    expect(notice).toContain(en.alertsUi.confirmSms);
    const list = await page.locator("#current-list").textContent();
    expect(list).toContain("n***@voter.example");
    expect(list).toContain("***-***-0142");
    expect(list).toContain(en.alertsUi.consent.pending);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath("alerts-pending-360"), fullPage: true });

    // Contact hours and language; the addresses stay as they are.
    await page.fill("#hoursFrom", "10:00");
    await page.fill("#hoursUntil", "18:00");
    await page.selectOption("#language", "es");
    await page.click("#alerts button[type=submit]");
    await expect
      .poll(() => page.locator("#current-hours").textContent())
      .toBe(fill(en.alertsUi.hours, { from: "10:00 AM", until: "6:00 PM" }));
    const changed = await apiView(page);
    expect(changed.language).toBe("es");
    expect(changed.contactWindow).toBe("10:00-18:00");
    expect(changed.channels.filter((entry) => entry.channel !== "voice")).toEqual([
      expect.objectContaining({ channel: "email", consent: "pending", address: "n***@voter.example" }),
      expect.objectContaining({ channel: "sms", consent: "pending", address: "***-***-0142" }),
    ]);

    // Unsubscribe from texts, then from everything.
    await page.click("[data-unsubscribe=sms]");
    await expect.poll(() => consentOf(page, "sms")).toBe("opted_out");
    expect(await page.locator("#notice").textContent()).toBe(
      fill(en.alertsUi.unsubscribed, { channel: en.alertsUi.channelNames.sms }),
    );
    expect(await consentOf(page, "email")).toBe("pending");
    await page.click("#unsubscribe-all");
    await expect.poll(() => page.locator("#notice").textContent()).toBe(en.alertsUi.unsubscribedAll);
    expect((await apiView(page)).channels.every((entry) => entry.consent === "opted_out")).toBe(true);
    expect(await page.isVisible("#unsubscribe-all")).toBe(false);
    // The token never reached a URL.
    expect(page.url()).not.toContain(token ?? "-");
    await page.close();
  });

  it("ties each problem to its field, and the API's refusal of a number to the number", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    await lookUp(page, 2);
    await page.click("#get-alerts");
    await page.locator("#alerts").waitFor({ state: "visible" });
    await page.uncheck("#email-on");
    await page.uncheck("#sms-on");
    await page.check("#voice-on");
    await page.fill("#voice", "555-0123");
    await page.fill("#hoursFrom", "20:00");
    await page.fill("#hoursUntil", "09:00");
    await page.click("#alerts button[type=submit]");
    await expect.poll(() => activeId(page)).toBe("error-summary");
    expect(await page.getAttribute("#voice", "aria-invalid")).toBe("true");
    expect(await page.locator("#voice-error").textContent()).toBe(en.alertsUi.errors.voiceInvalid);
    expect(await page.getAttribute("#hoursFrom", "aria-invalid")).toBe("true");
    expect(await page.locator("#hours-error").textContent()).toBe(en.alertsUi.errors.hoursInvalid);
    await page.click("#error-list a[data-field=voice]");
    expect(await activeId(page)).toBe("voice");

    // The right shape here, but not a US number: the API says so, on the field.
    await page.fill("#hoursFrom", "08:00");
    await page.fill("#hoursUntil", "21:00");
    await page.fill("#voice", "(116) 555-0123");
    await page.click("#alerts button[type=submit]");
    await expect.poll(() => page.locator("#voice-error").textContent()).toBe(en.alertsUi.errors.voiceInvalid);
    await page.close();
  });

  it("the email's unsubscribe link: the token leaves the address bar, the button posts it and says the outcome", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    const posted: string[] = [];
    await page.route("**/v1/notify/unsubscribe", async (route) => {
      posted.push(route.request().postData() ?? "");
      await route.fulfill({ status: 200, contentType: "text/plain", body: "unsubscribed" });
    });
    await page.goto(`${running.stack.siteUrl}/vi/unsubscribe/#token=v1.abc.def`);
    await page.locator("#unsubscribe button").waitFor({ state: "visible" });
    expect(page.url()).toBe(`${running.stack.siteUrl}/vi/unsubscribe/`);
    await page.focus("#unsubscribe button");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#outcome").textContent())
      .toBe(languages.vi.strings.unsubscribe.outcomes.unsubscribed);
    expect(posted).toEqual(["token=v1.abc.def"]);
    expect(await activeId(page)).toBe("outcome");
    expect(await page.isVisible("#unsubscribe")).toBe(false);
    await page.close();
  });

  it("without a lookup in this tab the page says to look up first, in the page's language", async () => {
    const page = await running.browser.newPage({ viewport: { width: 360, height: 900 } });
    await page.goto(`${running.stack.siteUrl}/ko/alerts/`);
    await page.locator("#no-token").waitFor({ state: "visible" });
    expect(await page.locator("#no-token p").first().textContent()).toBe(languages.ko.strings.alerts.noToken);
    expect(await page.isVisible("#alerts")).toBe(false);
    await page.close();
  });
});
