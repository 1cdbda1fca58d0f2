import cluster, { type Worker } from "node:cluster";
import { announceReady, type Logger } from "@ballot/runtime";
import { AggregatorRegistry, type Registry } from "prom-client";

/**
 * Several API processes on one machine (`API_WORKERS`), one per core: one Node process answers on one core, and a
 * lookup's work (HTTP, JSON, three HMACs, two Redis round trips) is CPU-bound there. Node's cluster module lets them
 * share one listening port; the primary hands out connections and serves no request itself.
 *
 * What the workers must share, the primary gives them: the voter-token key (a random one, when none is configured,
 * would otherwise differ per worker and a token signed by one would fail on the next) and `/metrics` (any worker
 * answers a scrape with every worker's counts, summed by prom-client's AggregatorRegistry). Everything else they
 * keep is in Redis, or is a per-process cache (the dashboard summary).
 */

const listeningType = "api:listening";
const metricsRequestType = "api:metrics-request";
const metricsReplyType = "api:metrics-reply";

interface ClusterMessage {
  readonly type?: string;
  readonly url?: string;
  readonly id?: number;
  readonly text?: string;
  readonly error?: string;
}

export interface ApiPrimaryOptions {
  readonly workers: number;
  readonly log: Logger;
  /** Set in every worker's environment (the token key, shared). */
  readonly workerEnv: Readonly<Record<string, string>>;
  /** The ready log line (what a supervisor waits for), and its fields besides the URL and the number of workers. */
  readonly readyMessage?: string;
  readonly readyFields?: Record<string, unknown>;
  /** After a worker that was serving dies, the wait before its replacement starts. */
  readonly restartDelayMs?: number;
}

export interface ApiPrimary {
  /** Stops every worker (SIGTERM: each drains its requests and closes its connections) and waits for them. */
  stop(): Promise<void>;
}

/**
 * The primary: starts the workers, logs the ready line (`api listening`) once all of them listen, replaces a
 * worker that dies while serving, and answers the workers' `/metrics` requests. A worker that dies before it ever
 * listened means every worker would (bad settings, Redis unreachable): the primary stops them all and exits 1.
 */
export function runApiPrimary({
  workers,
  log,
  workerEnv,
  readyMessage = "api listening",
  readyFields = {},
  restartDelayMs = 1000,
}: ApiPrimaryOptions): ApiPrimary {
  const aggregator = new AggregatorRegistry();
  const listening = new Set<number>();
  let ready = false;
  let stopping = false;

  const start = (): Worker => {
    const worker = cluster.fork(workerEnv);
    worker.on("message", (message: ClusterMessage) => {
      if (message.type === listeningType && message.url) {
        listening.add(worker.id);
        if (!ready && listening.size === workers) {
          ready = true;
          announceReady(log, { url: message.url, workers, ...readyFields }, readyMessage);
        }
      } else if (message.type === metricsRequestType) {
        aggregator.clusterMetrics().then(
          (text) => worker.send({ type: metricsReplyType, id: message.id, text }),
          (error: Error) => worker.send({ type: metricsReplyType, id: message.id, error: error.message }),
        );
      }
    });
    worker.on("exit", (code, signal) => {
      const served = listening.delete(worker.id);
      if (stopping) return;
      if (!served) {
        log.error(
          { code, signal },
          "an API worker stopped before it listened; stopping the others (its log says why: fix that and start again)",
        );
        void stopAll().then(() => process.exit(1));
        return;
      }
      log.error({ code, signal, restartInMs: restartDelayMs }, "an API worker died; starting another");
      setTimeout(() => {
        if (!stopping) start();
      }, restartDelayMs).unref();
    });
    return worker;
  };

  const stopAll = async (): Promise<void> => {
    stopping = true;
    await Promise.all(
      Object.values(cluster.workers ?? {}).map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (!worker || worker.isDead()) return resolve();
            worker.once("exit", () => resolve());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  };

  for (let index = 0; index < workers; index += 1) start();
  return { stop: stopAll };
}

/** In a worker: tells the primary it listens (the primary logs the ready line once all do). */
export function reportWorkerListening(url: string): void {
  process.send?.({ type: listeningType, url });
}

/**
 * In a worker: the `/metrics` text of every worker, summed, asked of the primary (prom-client's cluster aggregation
 * asks each worker for its registry). Also makes this worker's registry the one it answers with.
 */
export function clusterMetricsText(registry: Registry, timeoutMs = 5000): () => Promise<string> {
  AggregatorRegistry.setRegistries([registry]);
  // Constructing one in a worker makes prom-client answer the primary's requests for this worker's metrics.
  new AggregatorRegistry();
  let nextId = 0;
  const waiting = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  process.on("message", (message: ClusterMessage) => {
    if (message.type !== metricsReplyType || message.id === undefined) return;
    const request = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) request?.reject(new Error(`metrics from the other workers: ${message.error}`));
    else request?.resolve(message.text ?? "");
  });
  return () =>
    new Promise<string>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`the API's primary process did not send the workers' metrics within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.set(id, {
        resolve: (text) => {
          clearTimeout(timer);
          resolve(text);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      process.send?.({ type: metricsRequestType, id });
    });
}
