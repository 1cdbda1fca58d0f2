export {
  canonicalIdentity,
  type IdentityField,
  type IdentityInput,
  type IdentityProblem,
  normalizeBirthDate,
  normalizeCalendarDate,
  normalizeName,
  normalizeZip,
} from "./normalize.ts";
