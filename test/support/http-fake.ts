import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: Buffer;
}

/** An error a fake answers instead of the next matching request(s). */
export interface InjectedError {
  readonly status: number;
  readonly reason: string;
  readonly message: string;
  /** How many matching requests get it (default 1; Infinity = until cleared). */
  readonly times?: number;
  readonly match?: (request: RecordedRequest) => boolean;
}

export interface FakeAnswer {
  readonly status: number;
  readonly json?: unknown;
  readonly body?: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpFake {
  readonly url: string;
  readonly requests: RecordedRequest[];
  inject(error: InjectedError): void;
  clearErrors(): void;
  stop(): Promise<void>;
}

/** Google's JSON error body, which the clients turn into ApiError with `errors[].reason`. */
export function googleError(status: number, reason: string, message: string): FakeAnswer {
  return { status, json: { error: { code: status, message, errors: [{ reason, message, domain: "global" }], status: reason } } };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Parts of a multipart/related body (metadata part, then data part), split on the boundary bytes. */
export function multipartParts(contentType: string | undefined, body: Buffer): { headers: string; body: Buffer }[] {
  const boundary = /boundary="?([^";]+)"?/.exec(contentType ?? "")?.[1];
  if (!boundary) throw new Error(`not a multipart body (content-type ${contentType ?? "none"})`);
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: { headers: string; body: Buffer }[] = [];
  let at = body.indexOf(delimiter);
  while (at !== -1) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === "--") break;
    const next = body.indexOf(delimiter, start);
    if (next === -1) break;
    const part = body.subarray(start, next);
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    let content = part.subarray(split + 4);
    if (content.subarray(-2).toString() === "\r\n") content = content.subarray(0, -2);
    parts.push({ headers, body: content });
    at = next;
  }
  return parts;
}

/** A loopback HTTP server that records every request and answers through `route` or an injected error. */
export async function startHttpFake(route: (request: RecordedRequest) => Promise<FakeAnswer> | FakeAnswer): Promise<HttpFake> {
  const requests: RecordedRequest[] = [];
  let errors: { error: InjectedError; left: number }[] = [];
  const answer = (res: ServerResponse, a: FakeAnswer): void => {
    const body = a.body ?? Buffer.from(a.json === undefined ? "" : JSON.stringify(a.json));
    res.writeHead(a.status, { "content-type": a.body ? "application/octet-stream" : "application/json; charset=UTF-8", ...a.headers });
    res.end(body);
  };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const request: RecordedRequest = {
        method: req.method ?? "GET",
        path: decodeURIComponent(url.pathname),
        query: Object.fromEntries(url.searchParams),
        headers: req.headers,
        body: await readBody(req),
      };
      requests.push(request);
      const injected = errors.find((e) => e.left > 0 && (e.error.match ?? (() => true))(request));
      if (injected) {
        injected.left -= 1;
        return answer(res, googleError(injected.error.status, injected.error.reason, injected.error.message));
      }
      try {
        answer(res, await route(request));
      } catch (err) {
        answer(res, googleError(500, "internalError", `fake: ${err instanceof Error ? err.message : String(err)}`));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: (error) => errors.push({ error, left: error.times ?? 1 }),
    clearErrors: () => {
      errors = [];
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
