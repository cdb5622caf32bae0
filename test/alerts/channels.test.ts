import type { AlertMessage } from "../../runtime/alerts/alert-message";
import { ChannelError } from "../../runtime/alerts/channels/alert-channel";
import { EmailChannel } from "../../runtime/alerts/channels/email-channel";
import { SlackChannel } from "../../runtime/alerts/channels/slack-channel";
import { startLoopbackWebhook, type LoopbackWebhook } from "../../runtime/drills/loopback-webhook";
import { startSmtpResponder, type SmtpResponder } from "../support/smtp-responder";

const message: AlertMessage = {
  id: "abc-2",
  kind: "summary",
  source: "nbac_schedule",
  category: "scrape_failed",
  scope: "2025-03-15",
  severity: "error",
  title: "scraper nbac_schedule failed (41 more since 2025-03-16T10:00:00.000Z)",
  detail: "41 repeated alerts were folded into this summary. Latest: HTTP 503",
  context: { run_id: "r-9", repeat_count: 41 },
  links: ["https://console.example/runs/r-9"],
  count: 41,
  first_at: "2025-03-16T10:00:00.000Z",
  last_at: "2025-03-16T10:40:00.000Z",
  created_at: "2025-03-16T11:00:00.000Z",
};

describe("Slack incoming webhook, against a local HTTP server", () => {
  let webhook: LoopbackWebhook;
  beforeAll(async () => {
    webhook = await startLoopbackWebhook();
  });
  afterAll(() => webhook.close());

  test("posts one JSON body with the title, the count and the alert id", async () => {
    webhook.status = () => 200;
    await new SlackChannel("slack", webhook.url, 5000).send(message);
    const body = webhook.requests.at(-1)?.body as { text: string };
    expect(body.text).toContain("*[nba-props ERROR] scraper nbac_schedule failed (41 more since 2025-03-16T10:00:00.000Z)*");
    expect(body.text).toContain("repeats: 41 between 2025-03-16T10:00:00.000Z and 2025-03-16T10:40:00.000Z");
    expect(body.text).toContain("link: https://console.example/runs/r-9");
    expect(body.text).toContain("alert_id: abc-2");
  });

  test("a 500 is a transient failure, a 404 a permanent one", async () => {
    const channel = new SlackChannel("slack", webhook.url, 5000);
    webhook.status = () => 500;
    await expect(channel.send(message)).rejects.toMatchObject({ transient: true, message: "slack: webhook answered HTTP 500" });
    webhook.status = () => 404;
    const err: unknown = await channel.send(message).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ChannelError);
    expect(err).toMatchObject({ transient: false });
  });

  test("an unreachable webhook is a transient failure", async () => {
    const closed = await startLoopbackWebhook();
    await closed.close();
    await expect(new SlackChannel("slack", closed.url, 2000).send(message)).rejects.toMatchObject({ transient: true });
  });
});

describe("e-mail over SMTP through nodemailer, against a local SMTP responder", () => {
  let smtp: SmtpResponder;
  beforeAll(async () => {
    smtp = await startSmtpResponder();
  });
  afterAll(() => smtp.close());

  const channel = (): EmailChannel =>
    new EmailChannel("email", { host: "127.0.0.1", port: smtp.port, secure: false, user: "alerts", password: "s3cret", from: "nba-props@example.org", to: ["oncall@example.org", "lead@example.org"], timeoutMs: 5000 });

  test("sends one mail to every recipient with the subject, the body and the credentials", async () => {
    smtp.dataReply = 250;
    await channel().send(message);
    const mail = smtp.mails.at(-1);
    expect(mail?.from).toBe("nba-props@example.org");
    expect(mail?.to).toEqual(["oncall@example.org", "lead@example.org"]);
    expect(mail?.auth).toEqual({ user: "alerts", password: "s3cret" });
    expect(mail?.data).toContain("Subject: [nba-props ERROR] scraper nbac_schedule failed");
    expect(mail?.data).toContain("alert_id: abc-2");
    expect(mail?.data).toContain("repeats: 41");
  });

  test("a 554 refusal is permanent, a 451 transient", async () => {
    smtp.dataReply = 554;
    await expect(channel().send(message)).rejects.toMatchObject({ transient: false, code: "CHANNEL_SEND_FAILED" });
    smtp.dataReply = 451;
    await expect(channel().send(message)).rejects.toMatchObject({ transient: true });
    smtp.dataReply = 250;
  });
});
