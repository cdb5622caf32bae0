import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";

/** One scripted answer: a status (with headers and body), or "never" (hold the request open). */
export type ScriptedAnswer = { readonly status: number; readonly body?: string; readonly headers?: Readonly<Record<string, string>>; readonly gzip?: boolean } | "never";

export interface ArrivedRequest {
  readonly at: number;
  readonly url: string;
  readonly headers: IncomingMessage["headers"];
  /** When the client closed a request the server never answered (ms since epoch). */
  closedAt?: number;
}

export interface ScriptedHttpServer {
  readonly baseUrl: string;
  readonly requests: ArrivedRequest[];
  /** Answers for the next requests, in order; once used up, `fallback` answers. */
  script(...answers: ScriptedAnswer[]): void;
  fallback: ScriptedAnswer;
  stop(): Promise<void>;
}

/** A loopback HTTP server answering from a script, recording when each request arrived. */
export async function startScriptedServer(): Promise<ScriptedHttpServer> {
  const queue: ScriptedAnswer[] = [];
  const requests: ArrivedRequest[] = [];
  const held: ServerResponse[] = [];
  const state = { fallback: { status: 200, body: "{}" } as ScriptedAnswer };
  const server = createServer((req, res) => {
    const arrived: ArrivedRequest = { at: Date.now(), url: req.url ?? "", headers: req.headers };
    requests.push(arrived);
    const answer = queue.shift() ?? state.fallback;
    if (answer === "never") {
      held.push(res);
      res.on("close", () => (arrived.closedAt = Date.now()));
      return;
    }
    const body = answer.gzip ? gzipSync(answer.body ?? "") : Buffer.from(answer.body ?? "");
    res.writeHead(answer.status, { "content-type": "application/json", ...(answer.gzip ? { "content-encoding": "gzip" } : {}), ...answer.headers });
    res.end(body);
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    script: (...answers) => void queue.push(...answers),
    get fallback() {
      return state.fallback;
    },
    set fallback(answer: ScriptedAnswer) {
      state.fallback = answer;
    },
    stop: () =>
      new Promise<void>((done) => {
        for (const res of held) res.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
