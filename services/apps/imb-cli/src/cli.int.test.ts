import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { encodeImb } from "@ballot/core/imb/index";
import { describe, expect, it } from "vitest";

const mainPath = fileURLToPath(new URL("./main.ts", import.meta.url));

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI as its own process, as `pnpm imb` does, feeding `input` to stdin. */
function runCli(args: readonly string[], input = ""): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainPath, ...args], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const tracking = "01234567094987654321";
const routing = "01234567891";
const bars = "AADTFFDFTDADTAADAATFDTDDAAADDTDTTDAFADADDDTFFFDDTTTADFAAADFTDAADA";
const fields = {
  tracking,
  routing,
  barcodeId: "01",
  serviceTypeId: "234",
  mailerId: "567094",
  serialNumber: "987654321",
  direction: "other",
};
const rotated = [...bars]
  .reverse()
  .map((letter) => ({ A: "D", D: "A" })[letter] ?? letter)
  .join("");

describe("imb encode", () => {
  it("prints the 65 bars of a tracking and routing code", async () => {
    expect(await runCli(["encode", tracking, routing])).toEqual({ code: 0, stdout: `${bars}\n`, stderr: "" });
  });

  it("encodes a tracking code without a routing code", async () => {
    const { code, stdout } = await runCli(["encode", tracking]);
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: "ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT\n",
    });
  });

  it.each([
    { input: ["0123456709498765432"], kind: "TRACK_STRING_BAD_LENGTH" },
    { input: ["0123456709498765432x"], kind: "TRACK_STRING_HAS_INVALID_DATA" },
    { input: ["05234567094987654321"], kind: "TRACK_STRING_HAS_INVALID_DIGIT2" },
    { input: [tracking, "1234"], kind: "ROUTE_STRING_BAD_LENGTH" },
    { input: [tracking, "1234x"], kind: "ROUTE_STRING_HAS_INVALID_DATA" },
  ])("exits 2 with a one-line $kind reason for $input", async ({ input, kind }) => {
    const { code, stdout, stderr } = await runCli(["encode", ...input]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(new RegExp(`^error: ${kind}: [^\\n]+\\n$`));
  });
});

describe("imb decode", () => {
  it("prints the fields of 65 bars as one JSON object", async () => {
    const { code, stdout, stderr } = await runCli(["decode", bars]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout.endsWith("}\n") && stdout.split("\n")).toHaveLength(2);
    expect(JSON.parse(stdout)).toEqual(fields);
  });

  it("repairs one damaged bar with --repair and names it", async () => {
    const damaged = `T${bars.slice(1)}`;
    expect((await runCli(["decode", damaged])).code).toBe(2);
    const { code, stdout } = await runCli(["decode", damaged, "--repair"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ...fields, repairedBars: [{ position: 0, from: "T", to: "A" }] });
  });

  it("fills an erased bar marked X with --repair", async () => {
    const { code, stdout } = await runCli(["decode", "--repair", `${bars.slice(0, 64)}X`]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ...fields, repairedBars: [{ position: 64, from: "X", to: "A" }] });
  });

  it("decodes bars read upside down and says so", async () => {
    const { code, stdout } = await runCli(["decode", rotated]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ ...fields, upsideDown: true });
  });

  it.each([
    { input: bars.slice(1), kind: "BARS_BAD_LENGTH" },
    { input: `Q${bars.slice(1)}`, kind: "BARS_INVALID_CHARACTER" },
    { input: `T${bars.slice(1)}`, kind: "INVALID_CHARACTER" },
  ])("exits 2 with a one-line $kind reason", async ({ input, kind }) => {
    const { code, stdout, stderr } = await runCli(["decode", input]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(new RegExp(`^error: ${kind}: [^\\n]+\\n$`));
  });
});

describe("usage", () => {
  it("prints usage with --help and exits 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("imb encode TRACKING [ROUTING]");
    expect(stdout).toContain("imb decode BARS [--repair]");
  });

  it.each([
    { case: "no command", args: [] },
    { case: "an unknown command", args: ["print", tracking] },
    { case: "an unknown option", args: ["encode", tracking, "--fast"] },
    { case: "--repair on encode", args: ["encode", tracking, "--repair"] },
    { case: "encode without a tracking code", args: ["encode"] },
    { case: "decode with two bars strings", args: ["decode", bars, bars] },
    { case: "arguments together with --stdin", args: ["decode", "--stdin", bars] },
  ])("exits 2 with a one-line reason on $case", async ({ args }) => {
    const { code, stdout, stderr } = await runCli(args);
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    expect(stderr).toMatch(/^error: [^\n]+\n$/);
  });
});

describe("--stdin batch mode", () => {
  it("encodes one line per input line in order, with error codes for bad lines, and exits 0", async () => {
    const input = [`${tracking},${routing}\r`, tracking, "", "bad", `${tracking},1234`, `${tracking},${routing}`].join(
      "\n",
    );
    expect(await runCli(["encode", "--stdin"], input)).toEqual({
      code: 0,
      stdout: [
        bars,
        "ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT",
        "error: TRACK_STRING_BAD_LENGTH",
        "error: TRACK_STRING_BAD_LENGTH",
        "error: ROUTE_STRING_BAD_LENGTH",
        bars,
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("decodes one JSON object per input line, repairing with --repair", async () => {
    const input = `${bars}\n${`T${bars.slice(1)}`}\n${rotated}\nnot bars\n`;
    const { code, stdout, stderr } = await runCli(["decode", "--stdin", "--repair"], input);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const lines = stdout.split("\n");
    expect(lines).toHaveLength(5);
    expect(JSON.parse(lines[0] ?? "")).toEqual(fields);
    expect(JSON.parse(lines[1] ?? "")).toEqual({ ...fields, repairedBars: [{ position: 0, from: "T", to: "A" }] });
    expect(JSON.parse(lines[2] ?? "")).toEqual({ ...fields, upsideDown: true });
    expect(lines.slice(3)).toEqual(["error: BARS_BAD_LENGTH", ""]);
  });

  it("keeps 50,000 lines in order across chunk boundaries, encode then decode", async () => {
    const inputs = Array.from({ length: 50_000 }, (_, index) => {
      const serial = String(index).padStart(9, "0");
      const zip = index % 3 === 0 ? "" : `,${String(index % 100_000).padStart(5, "0")}`;
      return `00720123456${serial}${zip}`;
    });
    const encoded = await runCli(["encode", "--stdin"], `${inputs.join("\n")}\n`);
    const expected = inputs.map((line) => {
      const [trackingCode = "", routingCode = ""] = line.split(",");
      const result = encodeImb(trackingCode, routingCode);
      return result.ok ? result.value : result.error;
    });
    expect(encoded.code).toBe(0);
    expect(encoded.stdout).toBe(`${expected.join("\n")}\n`);

    const decoded = await runCli(["decode", "--stdin"], encoded.stdout);
    const lines = decoded.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(inputs.length);
    lines.forEach((line, index) => {
      const { tracking: decodedTracking, routing: decodedRouting } = JSON.parse(line) as typeof fields;
      expect(decodedRouting === "" ? decodedTracking : `${decodedTracking},${decodedRouting}`).toBe(inputs[index]);
    });
  });

  it("processes a last line without a newline and prints nothing for empty input", async () => {
    expect(await runCli(["encode", "--stdin"], `${tracking}\n${tracking},${routing}`)).toEqual({
      code: 0,
      stdout: `ATTFATTDTTADTAATTDTDTATTDAFDDFADFDFTFFFFFTATFAAAATDFFTDAADFTFDTDT\n${bars}\n`,
      stderr: "",
    });
    expect(await runCli(["decode", "--stdin"], "")).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
