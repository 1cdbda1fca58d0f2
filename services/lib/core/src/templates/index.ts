export {
  type BroadcastKind,
  broadcastKinds,
  type LanguagePack,
  type ServiceTemplateId,
  serviceTemplateChannels,
  serviceTemplateIds,
  type TemplateText,
} from "./language-pack.ts";
export { languagePacks } from "./languages/index.ts";
export {
  isBroadcastTemplate,
  maxSmsSegments,
  type RenderError,
  type RenderedMessage,
  renderMessage,
  type TemplateId,
} from "./render.ts";
export { countSmsSegments, type SmsEncoding, type SmsSegmentCount } from "./sms-segments.ts";
export { sayVoices } from "./voices.ts";
