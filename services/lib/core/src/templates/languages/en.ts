import type { LanguagePack } from "../language-pack.ts";

export const en: LanguagePack = {
  locale: "en-US",
  reviewed: true,
  notices: {
    handed_to_usps: { subject: "Your ballot is in the mail", body: "Your ballot has been handed to USPS." },
    expected_delivery: {
      subject: "Your ballot arrives soon",
      body: "USPS expects to deliver your ballot on {expectedDate}.",
    },
    delivered: { subject: "Your ballot was delivered", body: "USPS delivered your ballot." },
    undeliverable: {
      subject: "Your ballot could not be delivered",
      body: "USPS could not deliver your ballot. Call {countyPhone} to get a new one.",
    },
    back_in_mail: {
      subject: "Your ballot is on its way back",
      body: "Your returned ballot is in the mail to the county.",
    },
    received: { subject: "Your ballot was received", body: "The county received your ballot." },
    not_counted_cure: {
      subject: "Action needed: your ballot was not counted yet",
      body: "Your ballot was not counted: {reason}. Sign and return the cure form by {deadline} so it can count.",
    },
    not_counted_other: {
      subject: "Your ballot was not counted",
      body: "Your ballot was not counted: {reason}. Call {countyPhone} to learn what you can do.",
    },
    cured: { subject: "Your ballot problem is fixed", body: "Thank you. Your signature problem is fixed." },
    counted: { subject: "Your ballot was counted", body: "Your ballot was counted. Thank you for voting." },
    return_deadline_reminder: {
      subject: "Reminder: return your ballot",
      body: "Reminder: return your ballot by {deadline}. Postmark it or use a drop box.",
    },
    cure_deadline_reminder: {
      subject: "Reminder: fix your ballot",
      body: "Reminder: sign and return the cure form by {deadline} so your ballot can count.",
    },
    lost_suspected: {
      subject: "Your ballot may be lost",
      body: "Your ballot has not moved in the mail for days. Call {countyPhone} if it does not arrive.",
    },
    correction: {
      subject: "Correction to your ballot status",
      body: "Correction: our last message was wrong. Your ballot status is now: {status}.",
    },
    retraction: {
      subject: "Please ignore our last ballot message",
      body: "Our last message about your ballot was sent in error. Please ignore it.",
    },
  },
  service: {
    sms_confirm_request: {
      subject: "Confirm ballot texts",
      body: "{smsName}: Reply YES to get texts about your ballot. Reply STOP to stop, HELP for help.",
    },
    sms_confirmed: {
      subject: "Ballot texts on",
      body: "{smsName}: You will get texts about your ballot. Reply STOP to stop.",
    },
    email_confirm: {
      subject: "Confirm your ballot updates",
      body: "Please confirm that you want ballot updates from {countyName} at this address: {confirmUrl}",
    },
    contact_changed: {
      subject: "Your ballot contact was changed",
      body: "Ballot updates from {countyName} now go to a new contact. Not you? Call {countyPhone}.",
    },
    stop_ack: { subject: "Texts stopped", body: "{smsName}: You will get no more texts. Reply START to resume." },
    start_ack: { subject: "Texts resumed", body: "{smsName}: Ballot texts are back on. Reply STOP to stop." },
    help: { subject: "Help", body: "{smsName}: Ballot updates. Call {countyPhone}. Reply STOP to stop." },
    status_reply: { subject: "Ballot status", body: "{smsName}: Your ballot: {status}. {trackUrl}" },
    not_subscribed: {
      subject: "Not subscribed",
      body: "{smsName}: This number gets no ballot updates. Sign up at {trackUrl}",
    },
  },
  broadcasts: {
    deadline_reminder: {
      subject: "Reminder: return your ballot by {deadline}",
      body: "Reminder: return your ballot by {deadline}. Mail it with a postmark by then, or leave it in a drop box.",
    },
    polling_place_change: {
      subject: "Your voting place has changed",
      body: "Your in-person voting place has changed. Vote at {placeName}, {placeAddress}.",
      sms: "New voting place: {placeName}, {placeAddress}",
    },
  },
  reasons: {
    signature_mismatch: "the signature does not match",
    signature_missing: "the envelope is not signed",
    other: "a problem with the envelope",
  },
  statuses: {
    issued: "issued, not yet mailed",
    mailed: "mailed to you",
    in_transit: "in the mail to you",
    out_for_delivery: "out for delivery",
    delivered: "delivered to you",
    undeliverable: "undeliverable",
    returned_by_voter: "in the mail back to the county",
    received: "received by the county",
    rejected: "not counted",
    cure_pending: "waiting for your signature form",
    cured: "signature problem fixed",
    accepted: "accepted",
    counted: "counted",
    superseded: "replaced by a newer ballot",
  },
  frame: {
    smsStop: "STOP to end",
    emailGreeting: "Hello,",
    trackLine: "Track your ballot: {trackUrl}",
    cureLine: "Cure form: {cureUrl}",
    helpLine: "Questions? Call {countyName} elections at {countyPhone}.",
    unsubscribeLine: "Unsubscribe: {unsubscribeUrl}",
    voiceIntro: "This is {countyName} elections with an update about your ballot.",
    voiceOutro: "For help, call {countyPhone}. Goodbye.",
  },
};
