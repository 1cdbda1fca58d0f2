export {
  type DelimitedRecord,
  type DelimitedRow,
  type Delimiter,
  detectDelimiter,
  parseDelimited,
  readDelimitedRecords,
  splitDelimitedRows,
} from "./delimited.ts";
export {
  detectJsonFormat,
  detectTextFormat,
  type FeedFormat,
  feedFormats,
  type ParsedFeed,
  parseFeedJson,
  parseFeedText,
  splitFeedRecords,
} from "./feed-file.ts";
export { parseIvmtrPull } from "./ivmtr-pull.ts";
export { normalizeIvmtrEvent, parseIvmtrPush, type ScanResults } from "./ivmtr-push.ts";
export { isLegacyPkgLine, parseLegacyPkg, parseLegacyPkgLine } from "./legacy-pkg.ts";
export { milestoneOf, type NormalizedScan, type RecordRejection, squashKey } from "./scan.ts";
export { type ChunkBounds, chunkByContent, defaultChunkBounds, fnv1a32 } from "./scan-chunks.ts";
export {
  normalizeDeliveryDate,
  normalizeScanRecord,
  type ScanParseOptions,
  scanFieldMaxLength,
  scanIdentity,
} from "./scan-record.ts";
export {
  isKnownTimeZone,
  offsetMsAt,
  parseWallClockTime,
  resolveScanTime,
  type ScanTime,
  type ScanTimeContext,
  timestampToUtc,
  type WallClockTime,
  zonedTimeToUtcMs,
} from "./scan-time.ts";
export { timeZoneOfZip, zipPrefixTimeZones } from "./zip-time-zones.ts";
