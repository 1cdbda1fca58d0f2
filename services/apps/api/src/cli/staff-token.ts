// `node services/apps/api/src/cli/staff-token.ts NAME SCOPE ROLE`: a new staff token. The token goes to the staff
// member (stdout, once); only the API_STAFF_TOKENS entry, which holds its SHA-256, goes into the API's environment.
import { randomBytes } from "node:crypto";
import { hashStaffToken, parseStaffTokens } from "../staff-auth.ts";

const [name = "", scope = "", role = ""] = process.argv.slice(2);
const token = `st_${randomBytes(32).toString("base64url")}`;
const entry = `${name}:${scope}:${role}:${hashStaffToken(token).toString("hex")}`;
try {
  parseStaffTokens(entry);
} catch (error) {
  process.stderr.write(
    `usage: staff-token.ts NAME SCOPE ROLE (SCOPE a county code or state; ROLE viewer, operator or approver)\n${String(error)}\n`,
  );
  process.exit(2);
}
process.stdout.write(`token (give it to ${name}, it is not kept): ${token}\nAPI_STAFF_TOKENS entry: ${entry}\n`);
