// GSM 03.38 default alphabet and its extension table (each extension character costs an escape plus itself).
const gsmBasic = new Set(
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà",
);
const gsmExtension = new Set("\f^{}\\[~]|€");

export type SmsEncoding = "GSM-7" | "UCS-2";

export interface SmsSegmentCount {
  readonly encoding: SmsEncoding;
  readonly segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  readonly units: number;
}

/**
 * How many SMS segments a text takes (3GPP TS 23.038 / 23.040): GSM-7 when every character is in the default
 * alphabet or its extension table, else UCS-2. One segment holds 160 septets or 70 code units; a concatenated
 * message loses 7 septets / 3 units per segment to the header (153 / 67), and neither an escape pair nor a
 * surrogate pair is split across segments, so segments are filled greedily rather than divided.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const characters = [...text];
  const isGsm = characters.every((character) => gsmBasic.has(character) || gsmExtension.has(character));
  const costs = isGsm
    ? characters.map((character) => (gsmExtension.has(character) ? 2 : 1))
    : characters.map((character) => character.length);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const single = isGsm ? 160 : 70;
  const perPart = isGsm ? 153 : 67;
  if (units <= single) return { encoding: isGsm ? "GSM-7" : "UCS-2", segments: units === 0 ? 0 : 1, units };
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding: isGsm ? "GSM-7" : "UCS-2", segments, units };
}
