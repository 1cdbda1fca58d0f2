export {
  type CountyRecordKind,
  countyColumnName,
  countyColumns,
  countyRecordKinds,
  isCountyRecordKind,
  readCountyCsv,
} from "./csv.ts";
export {
  type BallotRecord,
  countyReasonCodes,
  parseBallotRow,
  parseStatusRow,
  parseVoterRow,
  type StatusRecord,
  type VoterRecord,
} from "./records.ts";
