import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Notification, Notifier } from "../ports/notifier";

/** Local channel: one line on stderr and one JSON line in an alerts file. */
export class ConsoleNotifier implements Notifier {
  constructor(
    private readonly alertsFile: string | null,
    private readonly stream: { write(text: string): unknown } = process.stderr,
  ) {}

  async notify(n: Notification): Promise<void> {
    this.stream.write(`[alert ${n.severity}] ${n.title}: ${n.message}\n`);
    if (this.alertsFile) {
      await mkdir(dirname(this.alertsFile), { recursive: true });
      await appendFile(this.alertsFile, `${JSON.stringify({ at: new Date().toISOString(), ...n })}\n`);
    }
  }
}
