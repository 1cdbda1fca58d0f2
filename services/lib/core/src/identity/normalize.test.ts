import { describe, expect, it } from "vitest";
import { canonicalIdentity, normalizeBirthDate, normalizeName, normalizeZip } from "./normalize.ts";

const today = "2026-11-21";

describe("identity normalisation", () => {
  it.each([
    ["José", "jose"],
    ["O'Brien-Núñez", "obriennunez"],
    ["  de la Cruz ", "delacruz"],
    ["Nguyễn", "nguyen"],
    ["Søren", "søren"],
    ["ŁUKASZ", "łukasz"],
    ["王", "王"],
  ])("normalises the name %j to %j", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });

  it("normalises plain ASCII names (its fast path) exactly as the Unicode rules do", () => {
    const unicodeRules = (name: string) =>
      name
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, "");
    const every = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join("");
    const names = [every, "Mary-Jane O'Neil Jr.", "DE LA CRUZ", "d'Artagnan 3rd", "\t\u007fA\u0000b"];
    let seed = 7;
    for (let index = 0; index < 2_000; index += 1) {
      let name = "";
      for (let length = index % 24; length > 0; length -= 1) {
        seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
        name += String.fromCharCode(seed % 128);
      }
      names.push(name);
    }
    for (const name of names) expect(normalizeName(name)).toBe(unicodeRules(name));
  });

  it.each([
    ["07-04-1976", "1976-07-04"],
    ["7/4/1976", "1976-07-04"],
    ["1976-07-04", "1976-07-04"],
    ["01-01-1900", "1900-01-01"],
  ])("reads the birth date %s", (input, expected) => {
    expect(normalizeBirthDate(input, today)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["12-31-1899", "before"],
    ["02-30-1990", "does not exist"],
    ["1990/02/03", "MM-DD-YYYY"],
    ["11-22-2026", "future"],
    ["", "MM-DD-YYYY"],
  ])("refuses the birth date %j", (input, why) => {
    const result = normalizeBirthDate(input, today);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(why);
  });

  it("accepts ZIP+4 and keeps five digits; refuses anything else", () => {
    expect(normalizeZip("95616-1234")).toEqual({ ok: true, value: "95616" });
    expect(normalizeZip("9561").ok).toBe(false);
    expect(normalizeZip("95616; DROP TABLE").ok).toBe(false);
  });

  it("makes the same canonical identity from differently written details", () => {
    const a = canonicalIdentity(
      { firstName: "José", lastName: "García-López", dateOfBirth: "03-09-1980", zip: "95616" },
      today,
    );
    const b = canonicalIdentity(
      { firstName: "JOSE", lastName: "garcia lopez", dateOfBirth: "1980-03-09", zip: "95616-0001" },
      today,
    );
    expect(a).toEqual(b);
    expect(a.ok && a.value).toBe("jose|garcialopez|1980-03-09|95616");
  });

  it("names the field that is wrong", () => {
    const result = canonicalIdentity(
      { firstName: "Ana", lastName: "!!!", dateOfBirth: "03-09-1980", zip: "95616" },
      today,
    );
    expect(result).toMatchObject({ ok: false, error: { field: "lastName" } });
  });
});
