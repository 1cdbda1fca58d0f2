import { type ServerType, serve } from "@hono/node-server";

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

/** Serves a Hono app on Node; port 0 picks a free one. */
export function serveHttp(
  app: { fetch: (request: Request, env: never) => Response | Promise<Response> },
  { port = 0, hostname = "127.0.0.1" }: { port?: number; hostname?: string } = {},
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined;
    // The Node bindings (incoming, outgoing) pass through, so that handlers can read the client address.
    server = serve({ fetch: (request, bindings) => app.fetch(request, bindings as never), port, hostname }, (info) => {
      resolve({
        url: `http://${hostname.includes(":") ? `[${hostname}]` : hostname}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server?.close(() => done());
            if (server && "closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
