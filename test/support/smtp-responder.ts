import { createServer, type Server, type Socket } from "node:net";

export interface ReceivedMail {
  readonly from: string;
  readonly to: readonly string[];
  readonly data: string;
  readonly auth: { readonly user: string; readonly password: string } | null;
}

export interface SmtpResponder {
  readonly port: number;
  readonly mails: ReceivedMail[];
  /** SMTP reply code given to the end of DATA (250 accepts; 451 / 554 refuse). */
  dataReply: number;
  close(): Promise<void>;
}

/**
 * A line-based SMTP responder on 127.0.0.1 for tests: EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT. It offers no STARTTLS, so the client speaks plain SMTP; it records every mail.
 */
export async function startSmtpResponder(): Promise<SmtpResponder> {
  const mails: ReceivedMail[] = [];
  const sockets = new Set<Socket>();
  const responder: { dataReply: number } = { dataReply: 250 };
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let buffer = "";
    let inData = false;
    let awaitingAuth = false;
    let data: string[] = [];
    let from = "";
    let to: string[] = [];
    let auth: ReceivedMail["auth"] = null;
    const reply = (line: string): void => void socket.write(`${line}\r\n`);
    const decodeAuth = (b64: string): void => {
      const [, user = "", password = ""] = Buffer.from(b64, "base64").toString("utf8").split("\0");
      auth = { user, password };
      reply("235 2.7.0 authenticated");
    };
    const handle = (line: string): void => {
      if (inData) {
        if (line === ".") {
          inData = false;
          if (responder.dataReply === 250) mails.push({ from, to, data: data.join("\n"), auth });
          reply(responder.dataReply === 250 ? "250 2.0.0 queued" : `${responder.dataReply} refused by the test responder`);
          data = [];
        } else data.push(line.startsWith("..") ? line.slice(1) : line);
        return;
      }
      if (awaitingAuth) {
        awaitingAuth = false;
        decodeAuth(line);
        return;
      }
      const verb = line.split(" ")[0]?.toUpperCase() ?? "";
      const arg = line.slice(verb.length).trim();
      if (verb === "EHLO") socket.write("250-localhost\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
      else if (verb === "HELO") reply("250 localhost");
      else if (verb === "AUTH") {
        const [mechanism, initial] = arg.split(" ");
        if (mechanism?.toUpperCase() !== "PLAIN") reply("504 only PLAIN");
        else if (initial) decodeAuth(initial);
        else {
          awaitingAuth = true;
          reply("334 ");
        }
      } else if (verb === "MAIL") {
        from = /<([^>]*)>/.exec(arg)?.[1] ?? "";
        to = [];
        reply("250 2.1.0 ok");
      } else if (verb === "RCPT") {
        to.push(/<([^>]*)>/.exec(arg)?.[1] ?? "");
        reply("250 2.1.5 ok");
      } else if (verb === "DATA") {
        inData = true;
        reply("354 end with <CRLF>.<CRLF>");
      } else if (verb === "RSET" || verb === "NOOP") reply("250 ok");
      else if (verb === "QUIT") {
        reply("221 bye");
        socket.end();
      } else reply("502 not implemented");
    };
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      let index = buffer.indexOf("\r\n");
      while (index >= 0) {
        handle(buffer.slice(0, index));
        buffer = buffer.slice(index + 2);
        index = buffer.indexOf("\r\n");
      }
    });
    reply("220 localhost ESMTP test responder");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("smtp responder: no port");
  return Object.assign(responder, {
    port: address.port,
    mails,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}
