import { err, ok, type Result } from "../result/index.ts";

export interface IdentityInput {
  readonly firstName: string;
  readonly lastName: string;
  /** MM-DD-YYYY or YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly zip: string;
}

export type IdentityField = keyof IdentityInput;

export interface IdentityProblem {
  readonly field: IdentityField;
  readonly message: string;
}

/** No code unit above 0x7f: plain ASCII. */
const asciiOnly = /^[^\u0080-\uffff]*$/;

/**
 * Case, accents, spaces and punctuation do not count (DESIGN.md, Voter lookup): "José O'Brien-Núñez" and
 * "jose obriennunez" are the same name. Letters of any script are kept.
 */
export function normalizeName(name: string): string {
  // Plain ASCII (most names typed in the US) has no marks to strip and no compatibility forms: the same result
  // without Unicode normalisation.
  if (asciiOnly.test(name)) return name.toLowerCase().replace(/[^a-z0-9]/g, "");
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

const earliestBirthDate = "1900-01-01";

/** A calendar day as YYYY-MM-DD, from MM-DD-YYYY (also with slashes) or YYYY-MM-DD; a day that exists. */
export function normalizeCalendarDate(text: string): Result<string, string> {
  const trimmed = text.trim();
  const us = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const parts = us ? [us[3], us[1], us[2]] : iso ? [iso[1], iso[2], iso[3]] : undefined;
  if (!parts) return err("use MM-DD-YYYY, for example 07-04-1976");
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) {
    return err("that day does not exist; use MM-DD-YYYY, for example 07-04-1976");
  }
  return ok(calendar.toISOString().slice(0, 10));
}

/**
 * A date of birth as YYYY-MM-DD (`normalizeCalendarDate`), not before 1900-01-01 and not after `today` (core has
 * no clock: the caller says what day it is).
 */
export function normalizeBirthDate(text: string, today: string): Result<string, string> {
  const date = normalizeCalendarDate(text);
  if (!date.ok) return date;
  if (date.value < earliestBirthDate) return err("a date of birth cannot be before 01-01-1900");
  if (date.value > today) return err("a date of birth cannot be in the future");
  return date;
}

/** Five-digit ZIP; ZIP+4 is accepted and cut to its first five digits. */
export function normalizeZip(text: string): Result<string, string> {
  const match = /^(\d{5})(?:-?\d{4})?$/.exec(text.trim());
  return match?.[1] ? ok(match[1]) : err("use the 5-digit ZIP code of your home address");
}

/**
 * The canonical identity string that the keyed hash is taken over. It is never stored or logged itself.
 */
export function canonicalIdentity(input: IdentityInput, today: string): Result<string, IdentityProblem> {
  const firstName = normalizeName(input.firstName);
  if (!firstName) return err({ field: "firstName", message: "enter your first name as on your registration" });
  const lastName = normalizeName(input.lastName);
  if (!lastName) return err({ field: "lastName", message: "enter your last name as on your registration" });
  const birth = normalizeBirthDate(input.dateOfBirth, today);
  if (!birth.ok) return err({ field: "dateOfBirth", message: birth.error });
  const zip = normalizeZip(input.zip);
  if (!zip.ok) return err({ field: "zip", message: zip.error });
  return ok([firstName, lastName, birth.value, zip.value].join("|"));
}
