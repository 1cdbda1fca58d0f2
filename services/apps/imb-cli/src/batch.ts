import { once } from "node:events";
import type { Writable } from "node:stream";

/** Output is written in chunks of about this size: one write per line would cap throughput. */
export const outputChunkChars = 64 * 1024;

/**
 * Reads lines from a stream of text chunks and writes one result line per input line, in order, in large
 * chunks that respect back-pressure. A trailing `\r` is part of the line ending (CRLF files), nothing else is
 * trimmed. A last line without a newline is still processed; an empty input gives no output.
 */
export async function mapLines(
  input: AsyncIterable<string>,
  output: Writable,
  transform: (line: string) => string,
): Promise<void> {
  let pending = "";
  let buffered: string[] = [];
  let bufferedChars = 0;

  const emit = async (line: string): Promise<void> => {
    const result = transform(line.endsWith("\r") ? line.slice(0, -1) : line);
    buffered.push(result, "\n");
    bufferedChars += result.length + 1;
    if (bufferedChars >= outputChunkChars) await flush();
  };
  const flush = async (): Promise<void> => {
    if (bufferedChars === 0) return;
    const chunk = buffered.join("");
    buffered = [];
    bufferedChars = 0;
    if (!output.write(chunk)) await once(output, "drain");
  };

  for await (const chunk of input) {
    let start = 0;
    let newline = chunk.indexOf("\n");
    if (newline >= 0 && pending !== "") {
      await emit(pending + chunk.slice(0, newline));
      pending = "";
      start = newline + 1;
      newline = chunk.indexOf("\n", start);
    }
    while (newline >= 0) {
      await emit(chunk.slice(start, newline));
      start = newline + 1;
      newline = chunk.indexOf("\n", start);
    }
    pending += chunk.slice(start);
  }
  if (pending !== "") await emit(pending);
  await flush();
}
