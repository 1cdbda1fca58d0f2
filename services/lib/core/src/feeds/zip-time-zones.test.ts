import { describe, expect, it } from "vitest";
import { timeZoneOfZip, zipPrefixTimeZones } from "./zip-time-zones.ts";

describe("ZIP prefix time zones", () => {
  it("covers every prefix from 005 to 999 once, in ascending contiguous ranges", () => {
    let next = 5;
    for (const [first, last] of zipPrefixTimeZones) {
      expect(first).toBe(next);
      expect(last).toBeGreaterThanOrEqual(first);
      next = last + 1;
    }
    expect(next).toBe(1000);
  });

  it("names only zones that Intl knows", () => {
    for (const zone of new Set(zipPrefixTimeZones.map(([, , zone]) => zone))) {
      expect(() => new Intl.DateTimeFormat("en-US", { timeZone: zone }), zone).not.toThrow();
    }
  });

  it.each([
    ["10001", "America/New_York"],
    ["60601", "America/Chicago"],
    ["95616", "America/Los_Angeles"],
    ["80204", "America/Denver"],
    ["79901", "America/Denver"], // El Paso
    ["88510", "America/Denver"], // El Paso (885)
    ["75201", "America/Chicago"], // Dallas
    ["32501", "America/Chicago"], // Pensacola
    ["32401", "America/Chicago"], // Panama City
    ["32301", "America/New_York"], // Tallahassee
    ["85001", "America/Phoenix"],
    ["86001", "America/Phoenix"], // Flagstaff
    ["87101", "America/Denver"], // Albuquerque
    ["83701", "America/Boise"],
    ["83814", "America/Los_Angeles"], // Coeur d'Alene
    ["83501", "America/Los_Angeles"], // Lewiston
    ["97914", "America/Boise"], // Ontario OR
    ["97201", "America/Los_Angeles"],
    ["46204", "America/New_York"], // Indianapolis
    ["46320", "America/Chicago"], // Hammond
    ["47708", "America/Chicago"], // Evansville
    ["37203", "America/Chicago"], // Nashville
    ["37902", "America/New_York"], // Knoxville
    ["37402", "America/New_York"], // Chattanooga
    ["38103", "America/Chicago"], // Memphis
    ["40202", "America/New_York"], // Louisville
    ["42001", "America/Chicago"], // Paducah
    ["57701", "America/Denver"], // Rapid City
    ["57501", "America/Chicago"], // Pierre
    ["58601", "America/Denver"], // Dickinson
    ["58501", "America/Chicago"], // Bismarck
    ["69361", "America/Denver"], // Scottsbluff
    ["68102", "America/Chicago"], // Omaha
    ["96813", "Pacific/Honolulu"],
    ["96910", "Pacific/Guam"],
    ["99501", "America/Anchorage"],
    ["99801", "America/Juneau"],
    ["00901", "America/Puerto_Rico"],
    ["00802", "America/St_Thomas"],
    ["09001", "America/New_York"], // APO AE
    ["34001", "America/New_York"], // APO AA
    ["96201", "America/Los_Angeles"], // APO AP
    ["95813-9998", "America/Los_Angeles"],
  ])("puts %s in %s", (zip, zone) => {
    expect(timeZoneOfZip(zip)).toBe(zone);
  });

  it.each(["00000", "00412", "", "abcde", "9"])("has no zone for %j", (zip) => {
    expect(timeZoneOfZip(zip)).toBeUndefined();
  });
});
