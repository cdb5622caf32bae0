import type { Transporter } from "nodemailer";
import type { AlertMessage } from "../alert-message";
import { ChannelError, type AlertChannel } from "./alert-channel";
import { alertBody, alertSubject } from "./render-alert";

export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly user: string | null;
  readonly password: string | null;
  readonly from: string;
  readonly to: readonly string[];
  readonly timeoutMs: number;
}

/** Sends each alert as one e-mail over SMTP through nodemailer (loaded on first send). */
export class EmailChannel implements AlertChannel {
  private transport: Transporter | null = null;

  constructor(
    readonly name: string,
    private readonly smtp: SmtpSettings,
  ) {}

  private async transporter(): Promise<Transporter> {
    if (this.transport) return this.transport;
    const { createTransport } = await import("nodemailer");
    this.transport = createTransport({
      host: this.smtp.host,
      port: this.smtp.port,
      secure: this.smtp.secure,
      ...(this.smtp.user && this.smtp.password ? { auth: { user: this.smtp.user, pass: this.smtp.password } } : {}),
      connectionTimeout: this.smtp.timeoutMs,
      greetingTimeout: this.smtp.timeoutMs,
      socketTimeout: this.smtp.timeoutMs,
    });
    return this.transport;
  }

  async send(message: AlertMessage): Promise<void> {
    const transport = await this.transporter();
    try {
      await transport.sendMail({ from: this.smtp.from, to: [...this.smtp.to], subject: alertSubject(message), text: alertBody(message) });
    } catch (err) {
      const code = (err as { responseCode?: unknown }).responseCode;
      const permanent = typeof code === "number" && code >= 500 && code < 600;
      throw new ChannelError(this.name, `SMTP send failed: ${err instanceof Error ? err.message : String(err)}`, !permanent);
    }
  }
}
