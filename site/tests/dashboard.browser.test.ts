import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshotPath, seriousAccessibilityViolations, withStackAndBrowser } from "./browser.ts";

const newToken = () => `st_${randomBytes(24).toString("base64url")}`;
const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");
/** The simulated county is 06999; this viewer belongs to another county and must see none of it. */
const approverToken = newToken();
const secondApproverToken = newToken();
const otherCountyViewerToken = newToken();
const countyViewerToken = newToken();

const running = withStackAndBrowser({
  voters: 300,
  seed: 12,
  beforeStart: () => {
    process.env.API_STAFF_TOKENS = [
      `test.approver:state:approver:${hashOf(approverToken)}`,
      `test.second:state:approver:${hashOf(secondApproverToken)}`,
      `test.other-county:06001:viewer:${hashOf(otherCountyViewerToken)}`,
      `test.viewer:06999:viewer:${hashOf(countyViewerToken)}`,
    ].join(",");
  },
  afterStop: () => {
    delete process.env.API_STAFF_TOKENS;
  },
});

async function signIn(page: Page, token: string): Promise<void> {
  await page.goto(`${running.stack.siteUrl}/dashboard/`);
  await page.fill("#token", token);
  await page.keyboard.press("Enter");
}

const figure = (page: Page, label: string) =>
  page.evaluate((wanted) => {
    for (const group of document.querySelectorAll("#figures div")) {
      if (group.querySelector("dt")?.textContent?.startsWith(wanted)) {
        return Number((group.querySelector("dd")?.textContent ?? "").replaceAll(",", ""));
      }
    }
    return Number.NaN;
  }, label);

describe("officials' dashboard page", () => {
  it("refuses a wrong token, saying so next to the field", async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.stack.siteUrl}/dashboard/`);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await signIn(page, "not-a-real-token");
    await expect.poll(() => page.textContent("#token-error")).toContain("not accepted");
    expect(await page.getAttribute("#token", "aria-invalid")).toBe("true");
    expect(await page.isVisible("#board")).toBe(false);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  });

  it.each([360, 1280])("shows the county's figures and charts, live, axe-clean, at %i px", async (width) => {
    const page = await running.browser.newPage({ viewport: { width, height: 900 } });
    await signIn(page, approverToken);
    await expect.poll(() => page.textContent("#who")).toContain("test.approver");
    expect(page.url()).not.toContain(approverToken);
    expect(await page.evaluate(() => sessionStorage.getItem("ballot.staffToken"))).toBe(approverToken);
    expect(await page.inputValue("#county")).toBe("06999");
    // The simulation loads 300 ballots; the page refreshes by itself until the counters hold them.
    await expect.poll(() => figure(page, "Ballots"), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.locator("#by-status tbody tr").count()).toBeGreaterThan(0);
    expect(await page.locator("#by-status .bar").count()).toBeGreaterThan(0);
    expect(await page.locator("#by-zip tbody th").count()).toBeGreaterThan(0);
    expect(await page.locator("#trend-chart polyline").count()).toBe(5);
    expect(await page.locator("#trends tbody tr").count()).toBe(30);
    expect(await page.locator("#feeds tbody th", { hasText: "usps.usps" }).count()).toBe(1);
    expect(await page.locator("#messages tbody tr").count()).toBe(7);
    expect(await figure(page, "Entry scan, no exit scan (7 days)")).toBeGreaterThanOrEqual(0);
    expect(await page.isVisible("#entry-no-exit")).toBe(true);
    expect(await page.isVisible("#received-not-accepted")).toBe(true);
    expect(await page.isVisible("#audit-section")).toBe(true);
    const firstUpdate = await page.textContent("#updated");
    await expect.poll(() => page.textContent("#updated"), { timeout: 12_000 }).not.toBe(firstUpdate);
    // The refresh before this one read the audit log as an action: the log now says what came of it.
    const auditRead = page.locator("#audit tbody tr", { hasText: "GET audit" }).first();
    await expect.poll(() => auditRead.locator("td").last().textContent()).toBe("done (200)");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
    await page.screenshot({ path: screenshotPath(`dashboard-${width}`), fullPage: true });
    await page.close();
  });

  it("downloads a list as CSV with ballot ids and dates, nothing about voters", async () => {
    const page = await running.browser.newPage({ acceptDownloads: true });
    await signIn(page, approverToken);
    await expect.poll(() => figure(page, "Ballots"), { timeout: 30_000 }).toBeGreaterThan(0);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-export="cure-queue"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^06999-cure-queue-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile((await download.path()) as string, "utf8");
    expect(text.split("\r\n")[0]).toBe("ballotId,ballotKey,status,statusAt,zip,reasonCode,cureDeadline,cureDeadlineAt");
    for (const voter of running.stack.samples) {
      expect(text).not.toContain(voter.voterId);
      expect(text).not.toContain(voter.lastName);
    }
    const [stuckDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.click('button[data-export="entry-no-exit"]'),
    ]);
    expect(stuckDownload.suggestedFilename()).toMatch(/^06999-entry-no-exit-\d{4}-\d{2}-\d{2}\.csv$/);
    const stuckText = await readFile((await stuckDownload.path()) as string, "utf8");
    expect(stuckText.split("\r\n")[0]).toBe("ballotId,ballotKey,status,statusAt,zip,enteredMailAt");
    await page.close();
  });

  it("shows subscribers by channel and language with those who cannot be reached, and downloads the three daily reports", async () => {
    const page = await running.browser.newPage({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    await signIn(page, approverToken);
    // The sample voters are subscribed (email and SMS confirmed): counted in the county once their roll records are in.
    const subscribed = () =>
      page.evaluate(() => {
        const group = [...document.querySelectorAll("#subscriber-figures div")].find((candidate) =>
          candidate.querySelector("dt")?.textContent?.startsWith("Subscribed"),
        );
        return Number((group?.querySelector("dd")?.textContent ?? "").replaceAll(",", ""));
      });
    await expect.poll(subscribed, { timeout: 30_000 }).toBe(running.stack.samples.length);
    expect(await page.textContent("#subscriber-figures")).toContain("Cannot be reached");
    // Every simulated voter is on the roll; only the samples signed up.
    const onRoll = await page.evaluate(
      () =>
        [...document.querySelectorAll("#subscriber-figures div")]
          .find((group) => group.querySelector("dt")?.textContent === "Voters on the roll")
          ?.querySelector("dd")?.textContent,
    );
    expect(Number(onRoll?.replaceAll(",", ""))).toBeGreaterThan(running.stack.samples.length);
    expect(await page.locator("#subscriber-chart rect").count()).toBeGreaterThan(0);
    expect(await page.textContent("#subscriber-chart title")).toContain("Confirmed subscribers by language");
    expect(await page.locator("#subscribers-by-channel tbody tr").count()).toBe(3);
    expect(await page.locator("#subscribers-by-language tbody tr").count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.locator("#subscribers-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("dashboard-subscribers") });
    const reports = [
      ["reports/signups", "signups", "day,channel,signup,enrolled,confirmed,opted_out"],
      ["reports/ballot-status", "ballot-status", "day,issued,mailed,in_transit"],
      ["reports/messages", "messages", "day,channel,sent,delivered,failed,dead"],
      ["unreachable", "unreachable", "ballotId,status,zip,channels,unreachableSince"],
    ] as const;
    for (const [route, name, header] of reports) {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.click(`button[data-export="${route}"]`),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^06999-${name}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
      const text = await readFile((await download.path()) as string, "utf8");
      expect(text.startsWith(header)).toBe(true);
      for (const voter of running.stack.samples) expect(text).not.toContain(voter.voterId);
    }
    await page.close();
  });

  it("a county token sees only its own county, and a viewer cannot download", async () => {
    const page = await running.browser.newPage();
    await signIn(page, otherCountyViewerToken);
    await expect.poll(() => page.textContent("#who")).toContain("county 06001");
    expect(await page.$$eval("#county option", (options) => options.map((option) => option.textContent))).toEqual([
      "06001",
    ]);
    await expect.poll(() => page.textContent("#updated")).toContain("Updated");
    expect(await figure(page, "Ballots")).toBe(0);
    expect(await page.isVisible("#audit-section")).toBe(false);
    await page.click('button[data-export="stuck"]');
    await expect.poll(() => page.textContent("#export-error")).toContain("operator role");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.click("#sign-out");
    expect(await page.evaluate(() => sessionStorage.getItem("ballot.staffToken"))).toBeNull();
    expect(await page.isVisible("#sign-in")).toBe(true);
    await page.close();
  });

  it("drafts a broadcast, previews its audience and every language, and a second approver approves it; it is sent and cancelled", async () => {
    const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, approverToken);
    await expect.poll(() => figure(page, "Ballots"), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => page.isVisible("#broadcast-form")).toBe(true);
    await page.selectOption("#broadcast-kind", "polling_place_change");
    expect(await page.isVisible("#broadcast-deadline")).toBe(false);
    await page.fill("#broadcast-place-name", "Veterans Memorial Hall");
    await page.getByRole("button", { name: "Draft and preview" }).click();
    // The address is missing: the API says so, and the field is marked and focused.
    await expect.poll(() => page.textContent("#broadcasts-error")).toContain("placeAddress");
    expect(await page.getAttribute("#broadcast-place-address", "aria-invalid")).toBe("true");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("broadcast-place-address");
    await page.fill("#broadcast-place-address", "203 E 14th St, Davis");
    await page.getByRole("button", { name: "Draft and preview" }).click();
    await expect.poll(() => page.textContent("#broadcasts-status")).toContain("Preview ready");
    expect(await page.locator("#broadcast-preview details").count()).toBe(10);
    expect(await page.locator("#broadcast-preview details[data-language='es']").textContent()).toContain(
      "Cambió su lugar de votación",
    );
    const broadcast = page.locator("article.broadcast", { hasText: "Veterans Memorial Hall" });
    // Every sample voter is subscribed: the preview counts them once their roll records are in.
    await expect
      .poll(
        async () => {
          await broadcast.getByRole("button", { name: "Preview" }).click();
          return page.textContent("#broadcast-preview");
        },
        { timeout: 30_000 },
      )
      .toContain(`${running.stack.samples.length} voters`);
    expect(await broadcast.textContent()).toContain("Draft: waiting for an approver");
    expect(await broadcast.getByRole("button", { name: "Approve" }).count()).toBe(0);
    expect(await broadcast.textContent()).toContain("another approver must approve it");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.close();

    const second = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
    second.on("dialog", (dialog) => void dialog.accept());
    await signIn(second, secondApproverToken);
    const theirs = second.locator("article.broadcast", { hasText: "Veterans Memorial Hall" });
    await expect.poll(() => theirs.count(), { timeout: 15_000 }).toBe(1);
    await theirs.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => theirs.textContent()).toContain("Approved: ready to send");
    expect(await theirs.textContent()).toContain("by test.second");
    await theirs.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => theirs.textContent()).toMatch(/Sending in stages|State\s*Sent/);
    expect(await seriousAccessibilityViolations(second)).toEqual([]);
    if ((await theirs.getByRole("button", { name: "Cancel" }).count()) > 0) {
      await theirs.getByRole("button", { name: "Cancel" }).click();
      // Cancelled; or, when its last stage went out first (outside quiet hours it has few voters to reach), refused
      // with the reason and shown as sent, without the stale Cancel button.
      await expect.poll(() => theirs.textContent()).toMatch(/Cancelled|State\s*Sent/);
      if (!(await theirs.textContent())?.includes("Cancelled")) {
        expect(await second.locator("#broadcasts-error").textContent()).toContain("cannot be cancelled now");
        expect(await theirs.getByRole("button", { name: "Cancel" }).count()).toBe(0);
      }
    }
    await second.close();

    // A viewer sees the broadcasts, and neither the form nor a button.
    const viewer = await running.browser.newPage();
    await signIn(viewer, countyViewerToken);
    const seen = viewer.locator("article.broadcast", { hasText: "Veterans Memorial Hall" });
    await expect.poll(() => seen.count(), { timeout: 15_000 }).toBe(1);
    expect(await viewer.isVisible("#broadcast-form")).toBe(false);
    expect(await viewer.isVisible("#broadcast-note")).toBe(true);
    expect(await seen.getByRole("button").count()).toBe(0);
    await viewer.close();
  });

  it("holds a county upload that rejects most of the county at once; an approver releases it and sends the correction", async () => {
    const upload = async (kind: string, csv: string) => {
      const response = await fetch(`${running.stack.ingestUrl}/v1/counties/06999/${kind}`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${running.stack.countyToken}`,
          "content-type": "text/csv",
          "x-batch-id": `browser-test-${kind}`,
        },
        body: csv,
      });
      expect(response.status).toBe(200);
    };
    // 200 ballots more (issuance is never news), then one file rejecting all of them: 40% of the county's 500.
    const serials = Array.from({ length: 200 }, (_, index) => String(900_000_000 + index));
    await upload(
      "ballots",
      `ballot_id,voter_id,election_id,outbound_imb,return_imb,issued_at\n${serials
        .map((serial) => `HOLD${serial},HV${serial},2026-11-03-general,00720314159${serial}95616123456,,2026-10-05`)
        .join("\n")}\n`,
    );
    const page = await running.browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on("dialog", (dialog) => void dialog.accept());
    await signIn(page, approverToken);
    await expect.poll(() => figure(page, "Ballots"), { timeout: 30_000 }).toBeGreaterThanOrEqual(500);
    await upload(
      "statuses",
      `ballot_id,status,occurred_at,reason_code\n${serials.map((serial) => `HOLD${serial},rejected,2026-10-20,late`).join("\n")}\n`,
    );
    const hold = page.locator("article.hold", { hasText: "batch browser-test-statuses" });
    await expect.poll(() => hold.count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => hold.locator("h3").textContent()).toContain("moved to Rejected");
    expect(await hold.textContent()).toContain("Held: messages are waiting");
    expect(await hold.textContent()).toContain("HOLD9000");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await hold.getByRole("button", { name: "Release" }).click();
    await expect.poll(() => page.textContent("#holds-status")).toContain("Released");
    await expect.poll(() => hold.textContent()).toContain("Released: the messages were sent");
    expect(await hold.getByRole("button", { name: "Discard" }).count()).toBe(0);
    await hold.getByRole("button", { name: "Send correction" }).click();
    await expect.poll(() => page.textContent("#holds-status")).toContain("Correction requested");
    await expect.poll(() => hold.textContent()).toContain("voters told");
    expect(await hold.textContent()).toContain("by test.approver");
    expect(await hold.getByRole("button").count()).toBe(0);
    await page.close();

    // A viewer of the county sees the hold, and no buttons.
    const viewer = await running.browser.newPage();
    await signIn(viewer, countyViewerToken);
    const seen = viewer.locator("article.hold", { hasText: "batch browser-test-statuses" });
    await expect.poll(() => seen.count(), { timeout: 15_000 }).toBe(1);
    expect(await seen.getByRole("button").count()).toBe(0);
    expect(await viewer.textContent("#holds")).toContain("Only an approver can");
    expect(await seriousAccessibilityViolations(viewer)).toEqual([]);
    await viewer.close();
  });
});
