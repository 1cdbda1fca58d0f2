import type { Language } from "../../notifications/index.ts";
import type { LanguagePack } from "../language-pack.ts";
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

/** Every language's templates; all but English need review by a certified translator before production. */
export const languagePacks: Readonly<Record<Language, LanguagePack>> = { en, es, zh, hi, ja, km, ko, tl, th, vi };
