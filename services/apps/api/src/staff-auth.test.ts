import { describe, expect, it } from "vitest";
import { findStaffToken, hashStaffToken, parseStaffTokens } from "./staff-auth.ts";

const hashOf = (token: string) => hashStaffToken(token).toString("hex");

describe("parseStaffTokens", () => {
  it("reads name:scope:role:sha256hex entries, county or state scope", () => {
    const tokens = parseStaffTokens(`ana.clerk:06113:viewer:${hashOf("a")},\n sam:state:approver:${hashOf("b")}`);
    expect(tokens.map(({ name, scope, role }) => ({ name, scope, role }))).toEqual([
      { name: "ana.clerk", scope: { kind: "county", county: "06113" }, role: "viewer" },
      { name: "sam", scope: { kind: "state" }, role: "approver" },
    ]);
    expect(findStaffToken(tokens, "b")?.name).toBe("sam");
    expect(findStaffToken(tokens, "c")).toBeUndefined();
  });

  it("reads an empty value as no tokens", () => {
    expect(parseStaffTokens("")).toEqual([]);
    expect(parseStaffTokens(undefined)).toEqual([]);
  });

  it.each([
    ["a missing part", `ana:06113:${hashOf("a")}`],
    ["an unknown role", `ana:06113:admin:${hashOf("a")}`],
    ["a token instead of its hash", "ana:06113:viewer:my-secret-token"],
    ["an odd scope", `ana:06 113:viewer:${hashOf("a")}`],
    ["a name twice", `ana:06113:viewer:${hashOf("a")},ana:state:viewer:${hashOf("b")}`],
    ["an extra part", `ana:06113:viewer:${hashOf("a")}:x`],
  ])("refuses %s, naming the entry but not its secret", (_, text) => {
    expect(() => parseStaffTokens(text)).toThrow(/API_STAFF_TOKENS entry \d/);
    try {
      parseStaffTokens(text);
    } catch (error) {
      expect(String(error)).not.toContain("my-secret-token");
    }
  });
});
