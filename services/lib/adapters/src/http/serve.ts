import { type OutgoingHttpHeaders, ServerResponse } from "node:http";
import { type ServerType, serve } from "@hono/node-server";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/**
 * The answers of `serveHttp`: a ServerResponse that also takes headers set ahead of the answer (`presetHeader`, for
 * what every answer carries) and writes them in the answer's one `writeHead`, where Node checks each header once.
 * Node's own `setHeader` checks and stores each one at once, and `writeHead` then merges the answer's headers into
 * them one `setHeader` at a time: about 1 µs a header on every lookup (pnpm bench:lookup).
 *
 * A header the answer carries itself wins over a preset one of the same name (names compare case-insensitively).
 */
export class PresetHeadersResponse extends ServerResponse {
  #preset: Record<string, string> | undefined;

  /** Sets a header of the answer to come; `name` in lower case (how Node and fetch compare them anyway). */
  presetHeader(name: string, value: string): void {
    if (this.headersSent) return;
    if (this.#preset) this.#preset[name] = value;
    else this.#preset = { [name]: value };
  }

  override writeHead(
    statusCode: number,
    reasonOrHeaders?: string | OutgoingHttpHeaders | readonly unknown[],
    maybeHeaders?: OutgoingHttpHeaders | readonly unknown[],
  ): this {
    const preset = this.#preset;
    this.#preset = undefined;
    const reason = typeof reasonOrHeaders === "string" ? reasonOrHeaders : undefined;
    // Node takes a header object or a raw list here (its types say only the object).
    const given = (reason === undefined ? reasonOrHeaders : maybeHeaders) as OutgoingHttpHeaders | undefined;
    if (preset === undefined) return super.writeHead(statusCode, reason, given);
    if (Array.isArray(given)) {
      // Raw header lists keep Node's own path: the preset ones are set first, the given ones then win.
      for (const name in preset) this.setHeader(name, preset[name] as string);
      return super.writeHead(statusCode, reason, given);
    }
    const merged: OutgoingHttpHeaders = preset;
    for (const name in given) merged[name.toLowerCase()] = given[name];
    return super.writeHead(statusCode, reason, merged);
  }
}

/** Serves a Hono app on Node; port 0 picks a free one. Its answers are `PresetHeadersResponse`s. */
export function serveHttp(
  app: { fetch: (request: Request, env: never) => Response | Promise<Response> },
  { port = 0, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    // The Node bindings (incoming, outgoing) pass through, so that handlers can read the client address.
    server = serve(
      {
        fetch: (request, bindings) => app.fetch(request, bindings as never),
        port,
        hostname,
        serverOptions: { ServerResponse: PresetHeadersResponse as typeof ServerResponse },
      },
      (info) => {
        resolve({
          url: `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${info.port}`,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              server?.close(() => done());
              if (server && "closeIdleConnections" in server) server.closeIdleConnections();
            }),
        });
      },
    );
    server.once("error", reject);
  });
}
