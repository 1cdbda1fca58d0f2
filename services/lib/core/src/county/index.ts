export {
  type BallotRecord,
  parseBallotRow,
  parseStatusRow,
  parseVoterRow,
  type StatusRecord,
  type VoterRecord,
} from "./records.ts";
