import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger.ts";

function capture() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on("data", (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n").filter(Boolean)) lines.push(JSON.parse(line));
  });
  return { stream, lines };
}

describe("logger", () => {
  it("never writes personal data, however deep it is nested", async () => {
    const { stream, lines } = capture();
    const log = createLogger({ name: "test", destination: stream });
    log.info(
      {
        ballotId: "B1",
        firstName: "José",
        voter: { lastName: "Núñez", dateOfBirth: "1980-03-09", email: "jose@example.org", phone: "+15555550100" },
        request: { headers: { authorization: "Bearer secret-token" } },
      },
      "looked up",
    );
    await new Promise((resolve) => setImmediate(resolve));
    const written = JSON.stringify(lines);
    for (const secret of ["José", "Núñez", "1980-03-09", "jose@example.org", "+15555550100", "secret-token"]) {
      expect(written).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ ballotId: "B1", msg: "looked up", name: "test" });
  });
});
