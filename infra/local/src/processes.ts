import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A service of ours running as its own Node process, as it would in production. */
export interface ServiceProcess {
  readonly name: string;
  readonly pid: number | undefined;
  /** From the service's "listening" log line, for HTTP services. */
  readonly url: string | undefined;
  /** The last lines it wrote, for error messages. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
  /** Resolves with the exit code when the process ends on its own or is stopped. */
  readonly exited: Promise<number | null>;
}

export interface ServiceSpec {
  readonly name: string;
  /** The service's `src/main.ts`, run by this same Node (24, with type stripping). */
  readonly entry: string;
  readonly env: Readonly<Record<string, string>>;
  /** The `msg` of the pino line that says the service is ready. */
  readonly readyMessage: string;
  /** Each output line, for a log file or the console. */
  readonly onLine?: (line: string) => void;
  readonly readyTimeoutMs?: number;
}

export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts a service and resolves once it logs `readyMessage`; fails with its last output if it exits or stalls. */
export function startService(spec: ServiceSpec): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [spec.entry], {
    env: { ...process.env, ...spec.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recent: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
    spec.onLine?.(line);
  };
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      if (ready) return;
      void stopChild(child, 1_000);
      reject(new Error(`${spec.name} was not ready within ${spec.readyTimeoutMs ?? 30_000} ms:\n${recent.join("\n")}`));
    }, spec.readyTimeoutMs ?? 30_000);
    createInterface({ input: child.stderr }).on("line", remember);
    createInterface({ input: child.stdout }).on("line", (line) => {
      remember(line);
      if (ready) return;
      let entry: { msg?: string; url?: string } | undefined;
      try {
        entry = JSON.parse(line) as { msg?: string; url?: string };
      } catch {
        return;
      }
      if (entry.msg !== spec.readyMessage) return;
      ready = true;
      clearTimeout(timer);
      resolve({
        name: spec.name,
        pid: child.pid,
        url: entry.url,
        recentOutput: () => recent.join("\n"),
        stop: (graceMs) => stopChild(child, graceMs),
        exited,
      });
    });
    void exited.then((code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`${spec.name} exited with code ${code} before it was ready:\n${recent.join("\n")}`));
    });
  });
}
