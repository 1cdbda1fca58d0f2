/**
 * Where the API is, as the build was told (`PUBLIC_API_BASE`, see astro.config.mjs): empty for the pages' own origin.
 * The pages' `<meta name="api-base">` (for the scripts), the dashboard's and the lookup form's action (without
 * the script) all use it.
 */
export const apiBase: string = import.meta.env.PUBLIC_API_BASE ?? "";
