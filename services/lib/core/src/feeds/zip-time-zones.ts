/**
 * IANA time zone of a USPS facility by the first three digits of its ZIP code, for scan times written without a UTC
 * offset (legacy PKG files always; IV-MTR files sometimes: REFERENCE.md 5.5).
 *
 * Source: the USPS 3-digit ZIP prefix to state assignment (the SCF list in DMM L002 / the "ZIP Code prefixes"
 * tables), with each state's zone, split by prefix where a state spans two zones and one prefix area lies (almost)
 * wholly in the other zone. Prefixes that USPS has not assigned take the zone of the block they sit in, so a new
 * prefix is still likely right; 000-004 are unassigned and have no zone.
 *
 * Approximate at county lines that cut through a prefix area: the four Central-time counties of Michigan's Upper
 * Peninsula (498-499) are read as Eastern; western Kansas (677), the Mountain-time edges of 575, 585, 691-692 and
 * West Wendover NV (898) as their prefix's main zone; the Navajo Nation, which keeps daylight time, as Arizona's
 * America/Phoenix; Adak (996) as Anchorage; American Samoa (96799, a 967 ZIP) as Honolulu. Military mail (APO/FPO)
 * has no zone of its own: AE (090-098) and AA (340) are read as the New York and Miami gateways (Eastern), AP
 * (962-966) as the San Francisco gateway (Pacific). Zones are IANA names whose rules today are those of the area;
 * the principal zone is used where IANA has historical variants with the same current rules (Indiana, Kentucky,
 * North Dakota).
 */

const eastern = "America/New_York";
const central = "America/Chicago";
const mountain = "America/Denver";
const arizona = "America/Phoenix";
const idahoSouth = "America/Boise";
const pacific = "America/Los_Angeles";
const alaska = "America/Anchorage";
const alaskaSoutheast = "America/Juneau";
const hawaii = "Pacific/Honolulu";
const guam = "Pacific/Guam";
const puertoRico = "America/Puerto_Rico";
const virginIslands = "America/St_Thomas";

/** `[first prefix, last prefix, zone]`, ascending and contiguous from 005 to 999. */
export const zipPrefixTimeZones: readonly (readonly [first: number, last: number, zone: string])[] = [
  [5, 5, eastern], // NY: Holtsville (IRS)
  [6, 7, puertoRico],
  [8, 8, virginIslands],
  [9, 9, puertoRico],
  [10, 89, eastern], // MA, RI, NH, ME, VT, CT, NJ
  [90, 99, eastern], // APO/FPO AE: New York gateway
  [100, 319, eastern], // NY, PA, DE, DC, MD, VA, WV, NC, SC, GA
  [320, 323, eastern], // FL: Jacksonville, Tallahassee
  [324, 325, central], // FL panhandle west of the Apalachicola: Panama City, Pensacola
  [326, 349, eastern], // FL peninsula; 340 APO/FPO AA: Miami gateway
  [350, 369, central], // AL
  [370, 372, central], // TN: Nashville
  [373, 374, eastern], // TN: Chattanooga
  [375, 375, central], // TN: Memphis
  [376, 379, eastern], // TN: Johnson City, Knoxville
  [380, 397, central], // TN west and middle (380-385), MS
  [398, 399, eastern], // GA: Albany, Atlanta
  [400, 419, eastern], // KY east: Louisville, Lexington
  [420, 424, central], // KY west: Paducah, Bowling Green, Owensboro, Henderson
  [425, 459, eastern], // KY: Somerset, London, Elizabethtown; OH
  [460, 462, eastern], // IN: Indianapolis
  [463, 464, central], // IN northwest: Gary, Lake and Porter counties (Chicago area)
  [465, 475, eastern], // IN
  [476, 477, central], // IN southwest: Evansville
  [478, 499, eastern], // IN: Terre Haute, Lafayette; MI (Upper Peninsula's Central counties approximated)
  [500, 568, central], // IA, WI, MN
  [569, 569, eastern], // DC: parcel returns
  [570, 576, central], // SD east and centre
  [577, 577, mountain], // SD west: Rapid City
  [578, 585, central], // ND: Fargo to Bismarck
  [586, 586, mountain], // ND southwest: Dickinson
  [587, 588, central], // ND: Minot, Williston
  [589, 599, mountain], // MT
  [600, 692, central], // IL, MO, KS, NE
  [693, 693, mountain], // NE panhandle: Alliance, Scottsbluff
  [694, 797, central], // LA, AR, OK, TX
  [798, 799, mountain], // TX: El Paso
  [800, 831, mountain], // CO, WY
  [832, 834, idahoSouth], // ID: Pocatello, Twin Falls
  [835, 835, pacific], // ID north: Lewiston
  [836, 837, idahoSouth], // ID: Boise
  [838, 838, pacific], // ID panhandle: Coeur d'Alene (Spokane area)
  [839, 849, mountain], // UT
  [850, 865, arizona], // AZ: no daylight saving time
  [866, 884, mountain], // NM
  [885, 888, mountain], // TX: El Paso
  [889, 898, pacific], // NV
  [899, 961, pacific], // CA
  [962, 966, pacific], // APO/FPO AP: San Francisco gateway
  [967, 968, hawaii], // HI
  [969, 969, guam], // Guam, Northern Marianas, Palau, Micronesia, Marshall Islands
  [970, 978, pacific], // OR
  [979, 979, idahoSouth], // OR: Malheur County (Ontario), Mountain time
  [980, 994, pacific], // WA
  [995, 997, alaska], // AK: Anchorage, Fairbanks
  [998, 999, alaskaSoutheast], // AK southeast: Juneau, Ketchikan
];

const zoneByPrefix: readonly (string | undefined)[] = (() => {
  const zones = new Array<string | undefined>(1000).fill(undefined);
  for (const [first, last, zone] of zipPrefixTimeZones) {
    for (let prefix = first; prefix <= last; prefix += 1) zones[prefix] = zone;
  }
  return zones;
})();

/** The facility's zone from a 5-digit (or ZIP+4) code; undefined for an unassigned prefix or a malformed ZIP. */
export function timeZoneOfZip(zip: string): string | undefined {
  if (!/^\d{3}/.test(zip)) return undefined;
  return zoneByPrefix[Number(zip.slice(0, 3))];
}
