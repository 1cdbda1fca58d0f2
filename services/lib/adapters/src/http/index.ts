export { isBearerTokenValid } from "./auth.ts";
export { type BodyProblem, type BodyResult, readBodyBytes, readJsonBody } from "./body.ts";
export { type ErrorBody, errorResponse, type RequestIdVariables, requestId } from "./errors.ts";
export { PresetHeadersResponse, type RunningServer, serveHttp } from "./serve.ts";
