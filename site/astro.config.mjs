import { defineConfig } from "astro/config";

// A static site: every page is plain HTML; the lookup calls the API over HTTP. PUBLIC_API_BASE points it at the API
// when the API is on another origin; empty means the same origin (the local stack proxies /v1 to the API).
export default defineConfig({
  output: "static",
  build: { format: "directory", inlineStylesheets: "always" },
  compressHTML: true,
  telemetry: false,
});
