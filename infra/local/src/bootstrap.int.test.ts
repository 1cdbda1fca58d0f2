import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./paths.ts";

// The machine's own Node (20 on Debian here), as `npm start` finds it; the bootstrap brings Node 24 itself.
const systemNode = existsSync("/usr/bin/node") ? "/usr/bin/node" : process.execPath;

describe("bootstrap", () => {
  it("skips everything already done on a second run and hands over to the stack", () => {
    const run = () =>
      spawnSync(systemNode, [join(repoRoot, "infra/bootstrap/bootstrap.mjs"), "start", "--help"], {
        cwd: repoRoot,
        encoding: "utf8",
        env: { ...process.env, PATH: "/usr/bin:/bin" },
        timeout: 120_000,
      });
    run();
    const second = run();
    expect(second.status).toBe(0);
    expect(second.stderr).toContain("[bootstrap] ready in");
    expect(second.stderr).not.toContain("installing");
    expect(second.stdout).toContain("npm start [-- options]");
  });

  it("refuses an unknown command with its usage", () => {
    const result = spawnSync(process.execPath, [join(repoRoot, "infra/bootstrap/bootstrap.mjs"), "deploy"], {
      encoding: "utf8",
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("usage: bootstrap.mjs start|test");
  });
});
