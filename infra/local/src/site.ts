import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunningServer, serveHttp } from "@ballot/adapters";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { readOutbox, renderOutboxPage } from "./outbox-page.ts";
import { siteDir, siteDistDir } from "./paths.ts";

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestChange(join(path, name))), stat.mtimeMs);
}

const stampFile = join(siteDistDir, ".build-stamp");

/** Builds the Astro site unless the last build is newer than every source file. Returns whether it built. */
export async function ensureSiteBuilt(onLine: (line: string) => void = () => {}): Promise<boolean> {
  // The voter-facing texts live in their own package (services/lib/voter-text); a change there is a change of the site.
  const sources = [
    ...["src", "public", "astro.config.mjs", "package.json"].map((name) => join(siteDir, name)),
    join(siteDir, "../services/lib/voter-text/src"),
  ];
  const newestSource = Math.max(...sources.filter((path) => existsSync(path)).map(newestChange));
  if (existsSync(stampFile) && statSync(stampFile).mtimeMs >= newestSource) return false;
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(siteDir, "node_modules/astro/bin/astro.mjs"), "build", "--silent"], {
      cwd: siteDir,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: "1" },
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split("\n").filter(Boolean)) onLine(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`the site build failed (exit ${code}):\n${output.slice(-2_000)}`)),
    );
  });
  writeFileSync(stampFile, new Date().toISOString());
  return true;
}

/**
 * Serves the built site and passes `/v1/*` through to the API, so that the pages and the API share one origin
 * locally, as they would behind a production reverse proxy. With `outboxDir`, `/outbox/` lists the messages the
 * notifier wrote there (local stack only: production sends them).
 */
export function serveSite({
  apiUrl,
  port = 0,
  outbox,
}: {
  apiUrl: string;
  port?: number;
  /** The outbox folder, and how many messages the notifier holds for quiet hours. */
  outbox?: { readonly dir: string; readonly heldMessages: () => Promise<number> };
}): Promise<RunningServer> {
  const app = new Hono();
  if (outbox) {
    app.get("/outbox", (c) => c.redirect("/outbox/", 301));
    app.get("/outbox/", async (c) => {
      const [messages, held] = await Promise.all([readOutbox(outbox.dir), outbox.heldMessages().catch(() => 0)]);
      return c.html(renderOutboxPage(messages, outbox.dir, held));
    });
  }
  app.all("/v1/*", async (c) => {
    const target = new URL(c.req.path + new URL(c.req.url).search, apiUrl);
    const headers = new Headers(c.req.raw.headers);
    headers.delete("host");
    const forwarded = c.req.raw.body === null ? undefined : await c.req.raw.arrayBuffer();
    const response = await fetch(target, { method: c.req.method, headers, body: forwarded });
    // fetch has already decoded the body, so its encoding and length no longer apply.
    const answer = new Headers(response.headers);
    answer.delete("content-encoding");
    answer.delete("content-length");
    return new Response(response.body, { status: response.status, headers: answer });
  });
  app.use("/*", serveStatic({ root: siteDistDir }));
  return serveHttp(app, { port });
}
