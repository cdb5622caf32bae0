import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export interface LoopbackWebhook {
  readonly url: string;
  /** Every request body received, parsed as JSON, with the status it was answered. */
  readonly requests: { readonly body: unknown; readonly status: number }[];
  /** The status the next requests are answered with (200 accepts). */
  status: () => number;
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 standing in for a Slack incoming webhook (drills and tests). */
export async function startLoopbackWebhook(): Promise<LoopbackWebhook> {
  const requests: LoopbackWebhook["requests"] = [];
  const state = { status: (): number => 200 };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    req.on("end", () => {
      const status = state.status();
      const body: unknown = parseJsonOrText(text);
      requests.push({ body, status });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "ok" : "server_error");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("loopback webhook: no port");
  return Object.assign(state, {
    url: `http://127.0.0.1:${address.port}/services/T000/B000/test`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** A body that is not JSON is kept as text: callers assert on what arrived. */
function parseJsonOrText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw err;
    return text;
  }
}
