export {
  type HandlerResponse,
  handleInboundSms,
  handleResendWebhook,
  handleTwilioInboundWebhook,
  handleTwilioStatusWebhook,
  type InboundSmsOutcome,
  type LinkOutcome,
  type NotificationHandlerDeps,
  redeemLinkToken,
} from "./handlers.ts";
export {
  assertLinkSecret,
  type LinkAction,
  type LinkClaims,
  type LinkTokenError,
  signLinkToken,
  verifyLinkToken,
} from "./link-tokens.ts";
export {
  isResendSignatureValid,
  isTwilioSignatureValid,
  signSvixPayload,
  webhookToleranceMs,
} from "./webhook-signatures.ts";
