import { familyNames, givenNames } from "./names.ts";
import { createRandom, type Random } from "./random.ts";

/** The ten languages California requires (DESIGN.md), weighted roughly as a Central Valley county's roll. */
const languages: readonly (readonly [string, number])[] = [
  ["en", 70],
  ["es", 18],
  ["zh", 3],
  ["vi", 3],
  ["tl", 2],
  ["ko", 1],
  ["hi", 1],
  ["ja", 0.7],
  ["km", 0.7],
  ["th", 0.6],
];

export interface SimulatedVoter {
  readonly voterId: string;
  readonly firstName: string;
  readonly lastName: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth: string;
  readonly zip: string;
  readonly language: string;
}

export interface SimulatedBallot {
  readonly ballotId: string;
  readonly voterId: string;
  /** 20 tracking digits + 11 routing digits. */
  readonly outboundImb: string;
  readonly returnImb: string;
  readonly zip: string;
}

export interface SimulatedCounty {
  readonly county: string;
  readonly countyName: string;
  readonly electionId: string;
  readonly mailerId: string;
  readonly officeZip: string;
  readonly voters: readonly SimulatedVoter[];
  readonly ballots: readonly SimulatedBallot[];
}

export interface CountyOptions {
  readonly voters: number;
  readonly seed?: number;
  readonly county?: string;
  readonly electionId?: string;
  /** Today, YYYY-MM-DD: voters are 18 to 100 years old on it. */
  readonly today: string;
}

/** Residential ZIPs of the simulated county and the election office's. */
const countyZips = ["95616", "95618", "95620", "95645", "95694", "95695", "95776", "95605", "95691", "95612"];
const officeZip = "95695";

function birthDate(random: Random, today: string): string {
  const year = Number(today.slice(0, 4)) - random.int(18, 100);
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A plausible county: voters with varied names (accents, hyphens, apostrophes), birth dates and ZIPs, and one
 * ballot each with valid outbound and return IMbs that share a serial number (REFERENCE.md 4.2).
 */
export function generateCounty({
  voters: voterCount,
  seed = 2026,
  county = "06999",
  electionId = "2026-11-03-general",
  today,
}: CountyOptions): SimulatedCounty {
  const random = createRandom(seed);
  const mailerId = "314159";
  const voters: SimulatedVoter[] = [];
  const ballots: SimulatedBallot[] = [];
  for (let index = 0; index < voterCount; index += 1) {
    const voterId = `V${String(index + 1).padStart(8, "0")}`;
    const zip = random.pick(countyZips);
    voters.push({
      voterId,
      firstName: random.pick(givenNames),
      lastName: random.pick(familyNames),
      dateOfBirth: birthDate(random, today),
      zip,
      language: random.weighted(languages),
    });
    const serial = String(100_000_000 + index).slice(-9);
    const plus4 = String(random.int(1000, 9999));
    const deliveryPoint = String(random.int(10, 99));
    ballots.push({
      ballotId: `B${String(index + 1).padStart(8, "0")}`,
      voterId,
      // Barcode id 00, STID 720 (ballot, First-Class, Full-Service), 6-digit mailer id, 9-digit serial.
      outboundImb: `00720${mailerId}${serial}${zip}${plus4}${deliveryPoint}`,
      // STID 777 (ballot, First-Class reply), same serial, routed to the election office.
      returnImb: `00777${mailerId}${serial}${officeZip}123401`,
      zip,
    });
  }
  return {
    county,
    countyName: "Sierra Vista County (simulated)",
    electionId,
    mailerId,
    officeZip,
    voters,
    ballots,
  };
}
