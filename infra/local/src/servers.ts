import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { stopChild } from "./processes.ts";

/** A server process this code started; `stop` ends it and removes its temporary directory. */
export interface LocalServer {
  readonly url: string;
  readonly port: number;
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

const systemBinDirs = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

const installHints: Record<string, string> = {
  "nats-server": "apt-get install -y nats-server (or run `npm test` / `npm start` as root, which installs it)",
  "redis-server": "apt-get install -y redis-server (or run `npm test` / `npm start` as root, which installs it)",
  chromium: "apt-get install -y chromium (or run `npm test` as root, which installs it)",
};

/** Finds an installed binary on PATH or in the system directories (Debian puts nats-server in /usr/sbin). */
export function findBinary(name: string): string {
  const dirs = [...(process.env.PATH ?? "").split(delimiter), ...systemBinDirs].filter(Boolean);
  for (const dir of dirs) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`${name} is not installed. Install it: ${installHints[name] ?? `install ${name}`}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, what: string, output: () => string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}: ${output().slice(-600)}`);
    if (await canConnect(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill("SIGKILL");
  throw new Error(`${what} did not listen on port ${port} within ${timeoutMs} ms: ${output().slice(-600)}`);
}

async function startServer(
  what: string,
  binary: string,
  args: (port: number, dir: string) => string[],
  url: (port: number) => string,
): Promise<LocalServer> {
  const dir = await mkdtemp(join(tmpdir(), `ballot-${what}-`));
  const port = await freePort();
  const child = spawn(findBinary(binary), args(port, dir), { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  try {
    await waitForPort(port, child, what, () => output);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: url(port),
    port,
    pid: child.pid,
    async stop() {
      await stopChild(child);
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** nats-server with JetStream, file storage in a temporary directory, on a free loopback port. */
export function startNatsServer(): Promise<LocalServer> {
  return startServer(
    "nats",
    "nats-server",
    (port, dir) => ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", dir],
    (port) => `nats://127.0.0.1:${port}`,
  );
}

/** redis-server keeping nothing on disk, in a temporary directory, on a free loopback port. */
export function startRedisServer(): Promise<LocalServer> {
  return startServer(
    "redis",
    "redis-server",
    (port, dir) => ["--bind", "127.0.0.1", "--port", String(port), "--save", "", "--appendonly", "no", "--dir", dir],
    (port) => `redis://127.0.0.1:${port}`,
  );
}
