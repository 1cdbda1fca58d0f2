export { mapLines, outputChunkChars } from "./batch.ts";
export { type CliIo, decodeLine, encodeLine, exitCodes, formatDecoded, runImbCli, usage } from "./imb-cli.ts";
