// Vitest global setup for the browser project: builds the site once when its sources changed.
import { ensureSiteBuilt } from "@ballot/local-stack/site";

export default async function setup(): Promise<void> {
  await ensureSiteBuilt();
}
