import { en } from "./en.ts";
import { es } from "./es.ts";
import { hi } from "./hi.ts";
import { ja } from "./ja.ts";
import { km } from "./km.ts";
import { ko } from "./ko.ts";
import { th } from "./th.ts";
import { tl } from "./tl.ts";
import { vi } from "./vi.ts";
import { zh } from "./zh.ts";

/** The site's strings: every language file is declared with this type, so a missing or extra key fails the build. */
export type Strings = typeof en;
export type UiStrings = Strings["ui"];
export type AlertsUiStrings = Strings["alertsUi"];

/** California's ten languages (Elections Code 14201 and the Secretary of State's list), English first. */
export const languageCodes = ["en", "es", "zh", "hi", "ja", "km", "ko", "tl", "th", "vi"] as const;
export type LanguageCode = (typeof languageCodes)[number];

export interface Language {
  readonly code: LanguageCode;
  /** The name of the language in itself, for the language switcher. */
  readonly name: string;
  /** The page's `lang` attribute (BCP 47). */
  readonly tag: string;
  /** The locale for dates and numbers (Intl); Thai uses the Gregorian calendar, as election dates do. */
  readonly locale: string;
  readonly strings: Strings;
}

export const languages: Readonly<Record<LanguageCode, Language>> = {
  en: { code: "en", name: "English", tag: "en", locale: "en-US", strings: en },
  es: { code: "es", name: "Español", tag: "es", locale: "es-US", strings: es },
  zh: { code: "zh", name: "中文", tag: "zh-Hans", locale: "zh-CN", strings: zh },
  hi: { code: "hi", name: "हिन्दी", tag: "hi", locale: "hi-IN", strings: hi },
  ja: { code: "ja", name: "日本語", tag: "ja", locale: "ja-JP", strings: ja },
  km: { code: "km", name: "ខ្មែរ", tag: "km", locale: "km-KH", strings: km },
  ko: { code: "ko", name: "한국어", tag: "ko", locale: "ko-KR", strings: ko },
  tl: { code: "tl", name: "Tagalog", tag: "tl", locale: "fil-PH", strings: tl },
  th: { code: "th", name: "ไทย", tag: "th", locale: "th-TH-u-ca-gregory", strings: th },
  vi: { code: "vi", name: "Tiếng Việt", tag: "vi", locale: "vi-VN", strings: vi },
};

/** The site's pages, by the path under a language's root. */
export const pages = {
  lookup: "",
  faq: "faq/",
  messages: "messages/",
  alerts: "alerts/",
  confirmed: "confirmed/",
  unsubscribe: "unsubscribe/",
} as const;
export type PageName = keyof typeof pages;

/** English at `/`, every other language at `/<code>/`. */
export const pathOf = (code: LanguageCode, page: PageName): string =>
  `/${code === "en" ? "" : `${code}/`}${pages[page]}`;

/** The `[...lang]` route parameter of a language: none for English. */
export const routeParamOf = (code: LanguageCode): string | undefined => (code === "en" ? undefined : code);

export const languageOf = (param: string | undefined): Language => {
  const code = (param ?? "en") as LanguageCode;
  const language = languages[code];
  if (!language) throw new Error(`no such language: ${param}`);
  return language;
};

/** Fills `{name}` placeholders. */
export const fill = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);

/** Every language's route for one page file under `pages/[...lang]/`. */
export const languagePaths = () => languageCodes.map((code) => ({ params: { lang: routeParamOf(code) } }));
