export {
  type CountyOptions,
  generateCounty,
  type SimulatedBallot,
  type SimulatedCounty,
  type SimulatedVoter,
} from "./county.ts";
export { type ElectionEvent, type ElectionOptions, type ElectionPlan, planElection } from "./election.ts";
export { type BatchSummary, createIngestClient, type IngestClient, type IngestClientOptions } from "./ingest-client.ts";
export { loadCounty, type PlayOptions, type PlayProgress, playElection } from "./play.ts";
