export { type RulesEnv, type RulesSettings, rulesEnvSchema, rulesSettings } from "./env.ts";
export { type RulesDeps, type RulesOutcome, runRules } from "./rules.ts";
