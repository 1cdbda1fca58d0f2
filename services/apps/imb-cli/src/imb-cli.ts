import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { type DecodedImb, decodeImb, describeImbError, encodeImb } from "@ballot/core/imb/index";
import { mapLines } from "./batch.ts";

export const usage = `Usage:
  imb encode TRACKING [ROUTING]    print the 65 bars (letters A, D, F, T) of an Intelligent Mail barcode
  imb encode --stdin               encode one "TRACKING,ROUTING" or "TRACKING" per input line
  imb decode BARS [--repair]       print the fields of 65 bars as one JSON object
  imb decode --stdin [--repair]    decode one bars string per input line

Options:
  --repair     repair a damaged read: fill bars marked X (erased), or else try every single-bar change;
               a repair is accepted only when exactly one candidate decodes, and repairedBars lists it
  --stdin      read inputs from standard input, one per line, and print one result per line in order,
               "error: <CODE>" for a bad input
  -h, --help   print this help

TRACKING is 20 digits (second digit 0-4), ROUTING none or 5, 9 or 11 digits; nothing is padded or trimmed.
Bars read upside down are recognised and reported with "upsideDown": true.

Exit status: 0 on success (in --stdin mode also when some lines are bad), 1 when reading or writing fails,
2 for a bad input or bad usage (one line on stderr).
`;

export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

export const exitCodes = { ok: 0, ioFailure: 1, badInput: 2 } as const;

/** One decoded IMb as a JSON line, keys in a fixed order; `upsideDown` and `repairedBars` only when they apply. */
export function formatDecoded(decoded: DecodedImb): string {
  const { tracking, routing, barcodeId, serviceTypeId, mailerId, serialNumber, direction } = decoded;
  return JSON.stringify({
    tracking,
    routing,
    barcodeId,
    serviceTypeId,
    mailerId,
    serialNumber,
    direction,
    ...(decoded.upsideDown === true ? { upsideDown: true } : {}),
    ...(decoded.repairedBars === undefined ? {} : { repairedBars: decoded.repairedBars }),
  });
}

/** `TRACKING,ROUTING` or `TRACKING`; a second comma stays in the routing code, which then fails validation. */
export function encodeLine(line: string): string {
  const comma = line.indexOf(",");
  const bars = comma < 0 ? encodeImb(line) : encodeImb(line.slice(0, comma), line.slice(comma + 1));
  return bars.ok ? bars.value : `error: ${bars.error}`;
}

export function decodeLine(line: string, repair: boolean): string {
  const decoded = decodeImb(line, { repair });
  return decoded.ok ? formatDecoded(decoded.value) : `error: ${decoded.error}`;
}

class UsageError extends Error {
  override name = "UsageError";
}

interface Command {
  readonly name: "encode" | "decode" | "help";
  readonly values: readonly string[];
  readonly stdin: boolean;
  readonly repair: boolean;
}

const cliOptions = {
  stdin: { type: "boolean" },
  repair: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

const parseCliArgs = (args: readonly string[]) => {
  try {
    return parseArgs({ args: [...args], options: cliOptions, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
};

function parseCommand(args: readonly string[]): Command {
  const parsed = parseCliArgs(args);
  const { values, positionals } = parsed;
  const stdin = values.stdin === true;
  const repair = values.repair === true;
  if (values.help === true) return { name: "help", values: [], stdin, repair };
  const [name, ...rest] = positionals;
  if (name === undefined) throw new UsageError("missing command: encode or decode");
  if (name !== "encode" && name !== "decode") throw new UsageError(`unknown command: ${name}`);
  if (name === "encode" && repair) throw new UsageError("--repair applies to decode only");
  const expected = stdin ? "no arguments with --stdin" : name === "encode" ? "TRACKING [ROUTING]" : "BARS";
  const maxValues = stdin ? 0 : name === "encode" ? 2 : 1;
  const minValues = stdin ? 0 : 1;
  if (rest.length < minValues || rest.length > maxValues) throw new UsageError(`${name} takes ${expected}`);
  return { name, values: rest, stdin, repair };
}

const writeLine = (stream: Writable, text: string): void => {
  stream.write(`${text}\n`);
};

/** Runs one command line and resolves to the process exit code. */
export async function runImbCli(args: readonly string[], io: CliIo): Promise<number> {
  let command: Command;
  try {
    command = parseCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    writeLine(io.stderr, `error: ${error.message} (imb --help for usage)`);
    return exitCodes.badInput;
  }
  if (command.name === "help") {
    io.stdout.write(usage);
    return exitCodes.ok;
  }
  if (command.stdin) return runBatch(command, io);

  const [first = "", second = ""] = command.values;
  if (command.name === "encode") {
    const bars = encodeImb(first, second);
    if (!bars.ok) return fail(io, bars.error);
    writeLine(io.stdout, bars.value);
    return exitCodes.ok;
  }
  const decoded = decodeImb(first, { repair: command.repair });
  if (!decoded.ok) return fail(io, decoded.error);
  writeLine(io.stdout, formatDecoded(decoded.value));
  return exitCodes.ok;
}

const fail = (io: CliIo, kind: Parameters<typeof describeImbError>[0]): number => {
  writeLine(io.stderr, `error: ${kind}: ${describeImbError(kind)}`);
  return exitCodes.badInput;
};

async function runBatch(command: Command, io: CliIo): Promise<number> {
  const transform = command.name === "encode" ? encodeLine : (line: string): string => decodeLine(line, command.repair);
  io.stdin.setEncoding("utf8");
  let outputError: Error | undefined;
  const onOutputError = (error: Error): void => {
    outputError ??= error;
    io.stdin.destroy();
  };
  io.stdout.on("error", onOutputError);
  try {
    await mapLines(io.stdin as AsyncIterable<string>, io.stdout, transform);
    if (outputError !== undefined) throw outputError;
    return exitCodes.ok;
  } catch (error) {
    const failure = outputError ?? error;
    const code = (failure as NodeJS.ErrnoException).code;
    // A closed pipe (`| head`) is the reader's choice, not news: fail quietly.
    if (code !== "EPIPE")
      writeLine(io.stderr, `error: I/O failed: ${failure instanceof Error ? failure.message : String(failure)}`);
    return exitCodes.ioFailure;
  } finally {
    io.stdout.off("error", onOutputError);
  }
}
