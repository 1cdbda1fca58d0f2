// Translation drafted without a certified translator: it needs review by one before production.
import { en } from "./en.ts";
import type { Strings } from "./index.ts";

// Not yet translated: English until the draft lands.
export const ja: Strings = {
  ...en,
  reviewed: false,
  site: { ...en.site, unreviewed: "This page is not yet translated." },
};
