import { RedisSubscriptionStore } from "@ballot/adapters";
import { signLinkToken } from "@ballot/adapters/notifications";
import { RedisConfirmationRequests, RedisContactChangeNotices } from "@ballot/adapters/redis/confirmation-requests";
import { describe, expect, type TestNamespace, test } from "@ballot/testing";
import {
  ana,
  anaLookup,
  callSubscriptions,
  createTestApi,
  notifyRoutesOf,
  postLookup,
  seedVoter,
  testLinkSecret,
  testToday,
  tokenFor,
} from "./test-support.ts";

const signUp = {
  language: "es",
  contactWindow: "09:00-20:00",
  channels: {
    email: { address: "Ana.Lee@Example.COM" },
    sms: { address: "(916) 555-0123" },
    voice: { address: "916.555.0199" },
  },
};

const queued = async (ns: TestNamespace) =>
  (await new RedisConfirmationRequests(ns.redis, ns.keys).due(Date.now() + 60_000)).map(
    ({ voterId, channel }) => `${voterId}|${channel}`,
  );

describe("signing up for alerts with the lookup's token", () => {
  test("before any sign-up the voter has no channels and the roll's language", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const lookup = await postLookup(app, anaLookup);
    const answer = await callSubscriptions(app, "GET", lookup.body.token);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ language: "en", contactWindow: null, channels: [] });
  });

  test("email and SMS start pending and are queued for confirmation; voice needs none; addresses come back masked", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const token = (await postLookup(app, anaLookup)).body.token;
    const answer = await callSubscriptions(app, "PUT", token, { body: signUp });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      language: "es",
      contactWindow: "09:00-20:00",
      channels: [
        {
          channel: "email",
          address: "A***@example.com",
          consent: "pending",
          contactWindow: "09:00-20:00",
          language: null,
        },
        { channel: "sms", address: "***-***-0123", consent: "pending", contactWindow: "09:00-20:00", language: null },
        {
          channel: "voice",
          address: "***-***-0199",
          consent: "confirmed",
          contactWindow: "09:00-20:00",
          language: null,
        },
      ],
    });
    expect(await callSubscriptions(app, "GET", token)).toMatchObject({ status: 200, body: answer.body });

    const stored = await new RedisSubscriptionStore(ns.redis, ns.keys).load(ana.voterId);
    expect(stored?.channels.map(({ channel, address }) => [channel, address])).toEqual([
      ["email", "Ana.Lee@example.com"],
      ["sms", "+19165550123"],
      ["voice", "+19165550199"],
    ]);
    // The inbound-SMS handler finds the voter by the normalised number.
    expect(await new RedisSubscriptionStore(ns.redis, ns.keys).voterOfPhone("+19165550123")).toBe(ana.voterId);
    expect((await queued(ns)).sort()).toEqual([`${ana.voterId}|email`, `${ana.voterId}|sms`]);
  });

  test("changing hours and language keeps the addresses and a confirmed channel stays confirmed", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const token = tokenFor(ana.voterId);
    await callSubscriptions(app, "PUT", token, { body: signUp });
    await new RedisSubscriptionStore(ns.redis, ns.keys).setConsent(
      ana.voterId,
      "sms",
      "confirmed",
      testToday.getTime(),
    );
    // The notifier sent both requests.
    await new RedisConfirmationRequests(ns.redis, ns.keys).done(ana.voterId, "email");
    await new RedisConfirmationRequests(ns.redis, ns.keys).done(ana.voterId, "sms");

    const answer = await callSubscriptions(app, "PUT", token, {
      body: { language: "vi", contactWindow: "10:30-18:00", channels: { email: {}, sms: {} } },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.language).toBe("vi");
    expect(answer.body.contactWindow).toBe("10:30-18:00");
    expect(
      answer.body.channels?.map(({ channel, consent, contactWindow, address }) => [
        channel,
        consent,
        contactWindow,
        address,
      ]),
    ).toEqual([
      ["email", "pending", "10:30-18:00", "A***@example.com"],
      ["sms", "confirmed", "10:30-18:00", "***-***-0123"],
      ["voice", "confirmed", "10:30-18:00", "***-***-0199"],
    ]);
    // Still pending at the same address: saving the hours does not ask again.
    expect(await queued(ns)).toEqual([]);
  });

  test("a new address must be confirmed again and replaces the old number in the phone index", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const token = tokenFor(ana.voterId);
    const store = new RedisSubscriptionStore(ns.redis, ns.keys);
    await callSubscriptions(app, "PUT", token, { body: signUp });
    await store.setConsent(ana.voterId, "sms", "confirmed", testToday.getTime());
    await new RedisConfirmationRequests(ns.redis, ns.keys).done(ana.voterId, "sms");

    const answer = await callSubscriptions(app, "PUT", token, {
      body: { channels: { sms: { address: "+1 530 555 0144" } } },
    });
    expect(answer.body.channels?.find((entry) => entry.channel === "sms")).toMatchObject({
      address: "***-***-0144",
      consent: "pending",
    });
    expect(await store.voterOfPhone("+15305550144")).toBe(ana.voterId);
    expect(await store.voterOfPhone("+19165550123")).toBeUndefined();
    expect(await queued(ns)).toContain(`${ana.voterId}|sms`);
    // The confirmed number it replaced is told, once; the email that was never confirmed is not.
    const notices = await new RedisContactChangeNotices(ns.redis, ns.keys).due(Date.now() + 86_400_000);
    expect(notices.map((entry) => entry.notice)).toEqual([
      expect.objectContaining({ voterId: ana.voterId, channel: "sms", address: "+19165550123" }),
    ]);
    await callSubscriptions(app, "PUT", token, { body: { channels: { email: { address: "ana.new@example.org" } } } });
    expect(await new RedisContactChangeNotices(ns.redis, ns.keys).due(Date.now() + 86_400_000)).toHaveLength(1);
  });

  test("unsubscribing from one channel, then from all; signing up again starts over at pending", async ({ ns }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns);
    const token = tokenFor(ana.voterId);
    await callSubscriptions(app, "PUT", token, { body: signUp });

    const one = await callSubscriptions(app, "DELETE", token, { path: "/v1/subscriptions/sms" });
    expect(one.status).toBe(200);
    expect(one.body.channels?.map(({ channel, consent }) => [channel, consent])).toEqual([
      ["email", "pending"],
      ["sms", "opted_out"],
      ["voice", "confirmed"],
    ]);
    expect(await queued(ns)).toEqual([`${ana.voterId}|email`]);

    const all = await callSubscriptions(app, "DELETE", token);
    expect(all.status).toBe(200);
    expect(all.body.channels?.map(({ consent }) => consent)).toEqual(["opted_out", "opted_out", "opted_out"]);
    expect(await queued(ns)).toEqual([]);

    const again = await callSubscriptions(app, "PUT", token, { body: { channels: { sms: {}, voice: {} } } });
    expect(again.body.channels?.map(({ channel, consent }) => [channel, consent])).toEqual([
      ["email", "opted_out"],
      ["sms", "pending"],
      ["voice", "confirmed"],
    ]);
  });
});

describe("the notifier's links, served by the API", () => {
  test("a confirmation link confirms once and sends the voter to the confirmed page in their language", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, { notify: notifyRoutesOf(ns) });
    await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body: signUp });
    const token = signLinkToken(
      { action: "confirm", voterId: ana.voterId, channel: "email", expiresAtMs: testToday.getTime() + 86_400_000 },
      testLinkSecret,
    );
    const first = await app.request(`/v1/notify/confirm?token=${encodeURIComponent(token)}`);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe("https://ballots.example.org/es/confirmed/?outcome=confirmed");
    const view = await callSubscriptions(app, "GET", tokenFor(ana.voterId));
    expect(view.body.channels?.find((entry) => entry.channel === "email")?.consent).toBe("confirmed");
    const second = await app.request(`/v1/notify/confirm?token=${encodeURIComponent(token)}`);
    expect(second.headers.get("location")).toBe("https://ballots.example.org/es/confirmed/?outcome=already_used");
  });

  test("an unsubscribe link's GET only leads to the page (token in the fragment); its POST unsubscribes", async ({
    ns,
  }) => {
    await seedVoter(ns, ana);
    const { app } = createTestApi(ns, { notify: notifyRoutesOf(ns) });
    await callSubscriptions(app, "PUT", tokenFor(ana.voterId), { body: signUp });
    const token = signLinkToken(
      { action: "unsubscribe", voterId: ana.voterId, channel: "email", expiresAtMs: testToday.getTime() + 86_400_000 },
      testLinkSecret,
    );
    const shown = await app.request(`/v1/notify/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(shown.status).toBe(303);
    expect(shown.headers.get("location")).toBe(
      `https://ballots.example.org/es/unsubscribe/#token=${encodeURIComponent(token)}`,
    );
    const before = await callSubscriptions(app, "GET", tokenFor(ana.voterId));
    expect(before.body.channels?.[0]?.consent).toBe("pending");

    const posted = await app.request("/v1/notify/unsubscribe", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }).toString(),
    });
    expect(posted.status).toBe(200);
    expect(await posted.text()).toBe("unsubscribed");
    const after = await callSubscriptions(app, "GET", tokenFor(ana.voterId));
    expect(after.body.channels?.[0]?.consent).toBe("opted_out");
  });
});
