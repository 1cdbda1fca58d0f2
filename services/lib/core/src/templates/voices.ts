import type { Language } from "../notifications/index.ts";

/**
 * Twilio `<Say>` voices per language (Amazon Polly and Google voices Twilio offers). Khmer has none, so a Khmer
 * voter's call is announced and read in English with the county's phone number for help in Khmer. To be checked
 * against Twilio's current voice list before production.
 */
export const sayVoices: Readonly<Record<Language, { readonly voice: string; readonly language: string } | undefined>> =
  {
    en: { voice: "Polly.Joanna", language: "en-US" },
    es: { voice: "Polly.Lupe", language: "es-US" },
    zh: { voice: "Polly.Zhiyu", language: "cmn-CN" },
    hi: { voice: "Polly.Aditi", language: "hi-IN" },
    ja: { voice: "Polly.Mizuki", language: "ja-JP" },
    km: undefined,
    ko: { voice: "Polly.Seoyeon", language: "ko-KR" },
    tl: { voice: "Google.fil-PH-Standard-A", language: "fil-PH" },
    th: { voice: "Google.th-TH-Standard-A", language: "th-TH" },
    vi: { voice: "Google.vi-VN-Standard-A", language: "vi-VN" },
  };
