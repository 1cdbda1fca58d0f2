import type { ContactWindow } from "@ballot/core";
import { z } from "zod";

/**
 * A US phone number as E.164 (`+1NXXNXXXXXX`), from what a voter types: spaces, dots, dashes, brackets, an optional
 * leading `+1` or `1`. Undefined for anything else (other countries, too short, an area code or exchange starting
 * with 0 or 1): Twilio sends from county numbers in the US.
 */
export function normalizeUsPhone(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!/^\+?[\d\s().-]{10,20}$/.test(trimmed)) return undefined;
  let digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+") && !digits.startsWith("1")) return undefined;
  if (digits.length === 11 && digits.startsWith("1")) digits = digits.slice(1);
  if (!/^[2-9]\d{2}[2-9]\d{6}$/.test(digits)) return undefined;
  return `+1${digits}`;
}

const emailSchema = z.email().max(254);

/** An email address as stored: trimmed, the domain in lower case (the local part is the mailbox's own business). */
export function normalizeEmail(raw: string): string | undefined {
  const trimmed = raw.trim();
  if (!emailSchema.safeParse(trimmed).success) return undefined;
  const at = trimmed.lastIndexOf("@");
  return `${trimmed.slice(0, at)}@${trimmed.slice(at + 1).toLowerCase()}`;
}

/** What the API shows of an address: enough to recognise it, not enough to learn it (`j***@example.com`). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  return `${Array.from(address)[0]}***@${address.slice(at + 1)}`;
}

/** `***-***-1234`. */
export const maskPhone = (e164: string): string => `***-***-${e164.slice(-4)}`;

const windowShape = /^([01]\d|2[0-4]):([0-5]\d)-([01]\d|2[0-4]):([0-5]\d)$/;

/** `HH:MM-HH:MM` (local time in the county's zone) to minutes; the start must come before the end, 24:00 at most. */
export function parseContactWindow(text: string): ContactWindow | undefined {
  const match = windowShape.exec(text.trim());
  if (!match) return undefined;
  const [, startHour, startMinute, endHour, endMinute] = match.map(Number) as [number, number, number, number, number];
  const start = startHour * 60 + startMinute;
  const end = endHour * 60 + endMinute;
  if (start >= end || end > 24 * 60) return undefined;
  return { startMinute: start, endMinute: end };
}

const twoDigits = (value: number) => String(value).padStart(2, "0");
const clockOf = (minute: number) => `${twoDigits(Math.floor(minute / 60))}:${twoDigits(minute % 60)}`;

export const formatContactWindow = (window: ContactWindow): string =>
  `${clockOf(window.startMinute)}-${clockOf(window.endMinute)}`;
