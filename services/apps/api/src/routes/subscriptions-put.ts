import {
  type Channel,
  type ChannelSubscription,
  type ContactWindow,
  changeContact,
  channels,
  initialConsent,
  languages,
  type Subscription,
} from "@ballot/core";
import type { Context, Hono } from "hono";
import { z } from "zod";
import type { ApiDeps, ApiEnvContext } from "../app.ts";
import { normalizeEmail, normalizeUsPhone, parseContactWindow } from "../contact-details.ts";
import { apiError } from "../errors.ts";
import { readSmallJsonBody } from "../json-body.ts";
import { loadSubscriptionView } from "../subscription-view.ts";
import { authoriseVoter } from "../voter-auth.ts";

const channelSchema = z.strictObject({ address: z.string().max(320).optional() });

const putSchema = z.strictObject({
  language: z.enum(languages).optional(),
  contactWindow: z.string().max(16).optional(),
  channels: z
    .strictObject({ email: channelSchema.optional(), sms: channelSchema.optional(), voice: channelSchema.optional() })
    .refine((given) => Object.keys(given).length > 0, "choose at least one channel: email, sms or voice"),
});

const invalid = (c: Context, field: string, message: string) =>
  apiError(c, "VALIDATION_FAILED", `${field}: ${message}`, { field });

function normalizedAddress(channel: Channel, raw: string): string | undefined {
  return channel === "email" ? normalizeEmail(raw) : normalizeUsPhone(raw);
}

const addressHint: Readonly<Record<Channel, string>> = {
  email: "enter an email address, like name@example.com",
  sms: "enter a US mobile number, like (916) 555-0123",
  voice: "enter a US phone number, like (916) 555-0123",
};

/**
 * PUT /v1/subscriptions with the lookup's token: signs up for or changes alerts.
 * `{"language"?, "contactWindow"? "HH:MM-HH:MM", "channels": {"email"?|"sms"?|"voice"?: {"address"?}}}`.
 * A channel given without an address keeps its stored one (the voter sees it masked); channels not given are left
 * as they are (`DELETE` unsubscribes). A new or changed address, or one the voter had opted out of, starts `pending`
 * (voice: `confirmed`) and its confirmation request is recorded for the notifier. The window, when given, applies
 * to every channel. Answers the subscription as `GET` does.
 */
export function registerSubscriptionsPut(app: Hono<ApiEnvContext>, deps: ApiDeps) {
  app.put("/v1/subscriptions", async (c) => {
    const auth = await authoriseVoter(c, deps);
    if (!auth.ok) return auth.answer;
    const body = await readSmallJsonBody(c, deps.maxBodyBytes);
    if (!body.ok) {
      return body.problem.kind === "too_large"
        ? apiError(c, "PAYLOAD_TOO_LARGE", `requests are limited to ${body.problem.limitBytes} bytes`)
        : invalid(c, "body", "send a JSON object: channels, and language and contactWindow if you like");
    }
    const parsed = putSchema.safeParse(body.json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path ?? [];
      // An unknown key is reported on its own path, so the voter's form can point at it.
      const keys = issue?.code === "unrecognized_keys" ? issue.keys : [];
      const field = [...path, ...keys.slice(0, 1)].join(".") || "body";
      return invalid(c, field, issue?.message ?? "invalid");
    }
    const request = parsed.data;
    let window: ContactWindow | undefined;
    if (request.contactWindow !== undefined) {
      window = parseContactWindow(request.contactWindow);
      if (!window) return invalid(c, "contactWindow", "give the hours as HH:MM-HH:MM, the start before the end");
    }

    const { voterId } = auth;
    const nowMs = deps.now().getTime();
    const rollLanguage = (await deps.redis.hget(deps.keys.voter(voterId), "language")) ?? undefined;
    // Written only over what was read: a STOP or YES that lands meanwhile is kept, and the change is made again on it.
    let planned: PlannedChange | undefined;
    for (let attempt = 1; !planned; attempt += 1) {
      const { subscription: stored, snapshot } = await deps.subscriptions.loadForChange(voterId);
      const plan = planChange(request, window, stored, voterId, rollLanguage, nowMs);
      if (!plan.ok) return invalid(c, plan.field, plan.message);
      if (await deps.subscriptions.saveIfUnchanged(snapshot, plan.next, nowMs)) planned = plan;
      else if (attempt >= maxSaveAttempts) {
        return apiError(c, "UNAVAILABLE", "your alerts were changing at the same time; try again");
      }
    }
    const { toConfirm, formerContacts } = planned;
    await Promise.all([
      ...toConfirm.map((channel) => deps.confirmations.request(voterId, channel, nowMs)),
      ...formerContacts.map((former) => deps.contactChanges.record({ voterId, ...former, changedAtMs: nowMs })),
    ]);
    deps.log.info(
      { requestId: c.get("requestId"), voterId, channels: Object.keys(request.channels), toConfirm },
      "subscription saved",
    );
    return c.json(await loadSubscriptionView(deps, voterId));
  });
}

const maxSaveAttempts = 3;

type PutRequest = z.infer<typeof putSchema>;
/** A confirmed email or phone the change replaced: it is told that alerts now go elsewhere. */
type FormerContact = { readonly channel: "email" | "sms"; readonly address: string; readonly language: string };
type PlannedChange = {
  readonly ok: true;
  readonly next: Subscription;
  readonly toConfirm: readonly Channel[];
  readonly formerContacts: readonly FormerContact[];
};

/** The subscription a PUT makes of the stored one, and the channels that now wait for their confirmation. */
function planChange(
  request: PutRequest,
  window: ContactWindow | undefined,
  stored: Subscription | undefined,
  voterId: string,
  rollLanguage: string | undefined,
  nowMs: number,
): PlannedChange | { readonly ok: false; readonly field: string; readonly message: string } {
  let next: Subscription = stored ?? {
    voterId,
    language: languages.find((code) => code === rollLanguage) ?? "en",
    channels: [],
  };
  const toConfirm: Channel[] = [];
  const formerContacts: FormerContact[] = [];
  for (const channel of channels) {
    const given = request.channels[channel];
    if (!given) continue;
    const current = next.channels.find((entry) => entry.channel === channel);
    const field = `channels.${channel}.address`;
    let address = current?.address;
    if (given.address !== undefined) {
      address = normalizedAddress(channel, given.address);
      if (!address) return { ok: false, field, message: addressHint[channel] };
    }
    if (!address) return { ok: false, field, message: addressHint[channel] };
    const change = changeContact(next, channel, address, nowMs);
    next = change.subscription;
    // Only an address that confirmed it was the voter's is told (never a stranger's), and voice has no notice.
    if (change.previousAddress && current?.consent === "confirmed" && channel !== "voice") {
      formerContacts.push({ channel, address: change.previousAddress, language: current.language ?? next.language });
    }
    const entry = next.channels.find((candidate) => candidate.channel === channel) as ChannelSubscription;
    // Signing up again after an unsubscribe or a STOP is a new consent: it is confirmed like a new address.
    if (entry.consent === "opted_out") {
      next = replaceChannel(next, {
        ...entry,
        consent: initialConsent(channel),
        source: "voter",
        updatedAtMs: nowMs,
      });
    }
    const now = next.channels.find((candidate) => candidate.channel === channel);
    // Only a new pending episode (a new channel or address, a sign-up again) asks again: saving the hours does not.
    const isNewlyPending = current?.consent !== "pending" || current.address !== now?.address;
    if (now?.consent === "pending" && isNewlyPending) toConfirm.push(channel);
  }
  if (request.language) next = { ...next, language: request.language };
  if (window) {
    const chosen = window;
    // `updatedAtMs` stays: it dates the consent episode, which the notifier's confirmation requests are keyed on.
    next = { ...next, channels: next.channels.map((entry) => ({ ...entry, window: chosen })) };
  }
  return { ok: true, next, toConfirm, formerContacts };
}

function replaceChannel(subscription: Subscription, entry: ChannelSubscription): Subscription {
  return {
    ...subscription,
    channels: subscription.channels.map((candidate) => (candidate.channel === entry.channel ? entry : candidate)),
  };
}
