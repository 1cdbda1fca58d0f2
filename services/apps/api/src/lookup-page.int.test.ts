import { describe, expect, test } from "@ballot/testing";
import { languages } from "@ballot/voter-text";
import { ana, anaLookup, anaRejected, createTestApi, postLookupPage, seedVoter } from "./test-support.ts";

const es = languages.es.strings;
const vi = languages.vi.strings;

describe("POST /v1/lookup/page: the lookup for a browser without JavaScript, answered as a page", () => {
  test("found: the status, what it means, who it waits on, the timeline and the delivery date, in the form's language", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, lang: "es" });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toMatch(/^text\/html; charset=utf-8/i);
    expect(answer.html).toMatch(/^<!doctype html><html lang="es">/);
    expect(answer.html).toContain(`<p class="status">${es.ui.statuses.in_transit.label}</p>`);
    expect(answer.html).toContain(es.ui.statuses.in_transit.meaning);
    expect(answer.html).toContain(es.ui.waiting.usps);
    expect(answer.html).toContain(es.ui.result.timeline);
    expect(answer.html).toContain('<time datetime="2026-10-07T02:40:00.000Z">');
    // The delivery date in Spanish words, as the site's script writes it.
    expect(answer.html).toContain("viernes, 9 de octubre de 2026");
    // Times in the counties' zone: 02:40 UTC on the 7th is the evening of the 6th in California.
    expect(answer.html).toContain('<time datetime="2026-10-07T02:40:00.000Z">6 oct 2026</time>');
    // No token (managing alerts needs the site's script); the way to the alerts page, which says so itself.
    expect(answer.html).not.toMatch(/v1\.[A-Za-z0-9_-]+\./);
    expect(answer.html).toContain(`<a href="https://ballots.example.org/es/alerts/">${es.alerts.resultLink}</a>`);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    // Spanish is machine-drafted: the page says so, as the site's pages do.
    expect(answer.html).toContain(es.site.unreviewed);
  });

  test("a rejection with a cure: why, the steps, the county's form as a link, and the deadline", async ({ ns }) => {
    await seedVoter(
      ns,
      anaRejected({
        reasonCode: "signature_mismatch",
        cureDeadline: "2026-12-01",
        cureUrl: "https://county.example.gov/cure?ballot=B-CURE&lang=es",
      }),
    );
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, lang: "es" });
    const texts = es.ui.rejection;
    expect(answer.html).toContain(`<p class="status">${es.ui.statuses.cure_pending.label}</p>`);
    expect(answer.html).toContain(texts.reasons.signature_mismatch);
    for (const step of texts.cureSteps) expect(answer.html).toContain(`<li>${step}</li>`);
    expect(answer.html).toContain(
      `<a href="https://county.example.gov/cure?ballot=B-CURE&#38;lang=es" rel="noopener">${texts.cureLink}</a>`,
    );
    expect(answer.html).toContain("martes, 1 de diciembre de 2026");
  });

  test("a cure address that is not a web link is not made a link", async ({ ns }) => {
    await seedVoter(ns, anaRejected({ reasonCode: "signature_missing", cureUrl: "javascript:alert(1)" }));
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, lang: "vi" });
    expect(answer.status).toBe(200);
    expect(answer.html).not.toContain("javascript:");
    expect(answer.html).toContain(vi.ui.rejection.noCureLink);
    expect(answer.html).toContain(vi.ui.rejection.noDeadline);
  });

  test("its CSP allows its one style by hash and forms to itself, and nothing else", async ({ ns }) => {
    await seedVoter(ns, ana);
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, lang: "vi" });
    const csp = answer.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(answer.html).not.toMatch(/<script/i);
    expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test("not found: 404, the guidance with a link to the FAQ, and the form again as it was sent", async ({ ns }) => {
    await seedVoter(ns, ana);
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, zip: "95617", lang: "vi" });
    expect(answer.status).toBe(404);
    expect(answer.html).toContain(vi.ui.errors.notFound);
    expect(answer.html).toContain(`href="https://ballots.example.org/vi/faq/"`);
    expect(answer.html).toContain('<form method="post" action="/v1/lookup/page" novalidate>');
    expect(answer.html).toContain('<input type="hidden" name="lang" value="vi">');
    expect(answer.html).toContain('name="zip" value="95617"');
    expect(answer.html).not.toContain('id="voterId"');
  });

  test("two voters match: 409, and the voter ID field appears, tied to its message", async ({ ns }) => {
    await seedVoter(ns, ana);
    await seedVoter(ns, { ...ana, voterId: "V2002" });
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, lang: "es" });
    expect(answer.status).toBe(409);
    expect(answer.html).toContain(`<p class="error" id="voterId-error">${es.ui.errors.ambiguous}</p>`);
    expect(answer.html).toMatch(
      /<input id="voterId"[^>]*aria-describedby="voterId-hint voterId-error" aria-invalid="true">/,
    );
    const again = await postLookupPage(createTestApi(ns).app, { ...anaLookup, voterId: "V2002", lang: "es" });
    expect(again.status).toBe(200);
    expect(again.html).toContain(es.ui.statuses.in_transit.label);
  });

  test("a bad birth date: 400, the message at the field, marked invalid, and in the summary linking to it", async ({
    ns,
  }) => {
    const answer = await postLookupPage(createTestApi(ns).app, { ...anaLookup, dateOfBirth: "02-30-1990", lang: "es" });
    expect(answer.status).toBe(400);
    expect(answer.html).toContain(`<a href="#dateOfBirth">${es.ui.errors.dateOfBirthRange}</a>`);
    expect(answer.html).toMatch(/<input id="dateOfBirth"[^>]*aria-invalid="true">/);
    expect(answer.html).toContain('role="alert"');
  });

  test("rate limited: 429 with Retry-After, and the wait in the page's language", async ({ ns }) => {
    const { app } = createTestApi(ns, {
      rateLimits: {
        perAddress: { limit: 2, windowMs: 60_000 },
        perIdentityMiss: { limit: 100, windowMs: 60_000 },
      },
    });
    for (let index = 0; index < 2; index += 1) await postLookupPage(app, { ...anaLookup, lang: "es" });
    const answer = await postLookupPage(app, { ...anaLookup, lang: "es" });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(answer.html).toMatch(/Demasiadas búsquedas|segundos|minuto/);
  });

  test("hostile input is written back as text, never as markup; an unknown language is English", async ({ ns }) => {
    const hostile = `"><script>alert(1)</script><img src=x onerror=alert(2)>`;
    const answer = await postLookupPage(createTestApi(ns).app, {
      ...anaLookup,
      firstName: hostile,
      lang: "__proto__",
    });
    expect(answer.html).toMatch(/^<!doctype html><html lang="en">/);
    expect(answer.html).not.toContain("<script>");
    expect(answer.html).not.toContain("<img");
    expect(answer.html).toContain("&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;");
  });

  test("an oversized form is refused with 413, as a page", async ({ ns }) => {
    const answer = await postLookupPage(createTestApi(ns, { maxBodyBytes: 512 }).app, {
      ...anaLookup,
      firstName: "A".repeat(2_000),
      lang: "es",
    });
    expect(answer.status).toBe(413);
    expect(answer.html).toContain("<!doctype html>");
  });
});
