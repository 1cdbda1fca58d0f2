export {
  canonicalIdentity,
  type IdentityField,
  type IdentityInput,
  type IdentityProblem,
  normalizeBirthDate,
  normalizeName,
  normalizeZip,
} from "./normalize.ts";
