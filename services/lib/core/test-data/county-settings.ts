import { type CountyNotificationSettings, defaultContactWindow } from "../src/notifications/index.ts";

/** A county's notification settings for tests: the default contact window, auto-enrolment on. */
export const sampleCountySettings: CountyNotificationSettings = {
  county: "06999",
  name: "Sample County",
  smsName: "Sample Co",
  phone: "(555) 555-0100",
  timeZone: "America/Los_Angeles",
  trackUrl: "https://vote.sample.example/track",
  cureFormUrl: "https://vote.sample.example/cure",
  emailFrom: "ballots@sample.example",
  smsFrom: "+15555550100",
  contactWindow: defaultContactWindow,
  autoEnroll: true,
};
