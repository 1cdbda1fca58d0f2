import { runImbCli } from "./imb-cli.ts";

process.exitCode = await runImbCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
});
