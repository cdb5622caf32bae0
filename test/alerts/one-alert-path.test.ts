import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

const ROOT = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
}

const runtimeFiles = sourceFiles(join(ROOT, "runtime")).map((file) => ({ path: relative(ROOT, file).split(sep).join("/"), text: readFileSync(file, "utf8") }));

describe("one place where alerts are raised", () => {
  test("only the alert channels talk to SMTP or webhooks, or read their secrets", () => {
    const offenders = runtimeFiles
      .filter((f) => !f.path.startsWith("runtime/alerts/"))
      // The alert drills point the real Slack channel at their own loopback webhook.
      .filter((f) => f.path !== "runtime/drills/alert-drill-harness.ts")
      .filter((f) => /from "nodemailer"|import\("nodemailer"\)|SLACK_WEBHOOK_URL|SMTP_PASSWORD|hooks\.slack\.com/.test(f.text))
      .map((f) => f.path);
    expect(offenders).toEqual([]);
  });

  test("nothing outside runtime/alerts builds a channel; components call platform.notifier.notify", () => {
    const offenders = runtimeFiles.filter((f) => !f.path.startsWith("runtime/alerts/") && /alerts\/channels\//.test(f.text)).map((f) => f.path);
    expect(offenders).toEqual([]);
    const raisers = runtimeFiles.filter((f) => /platform\.notifier\.notify\(/.test(f.text)).map((f) => f.path);
    expect(raisers).toEqual(expect.arrayContaining(["runtime/processors/base/complete-run.ts", "runtime/processors/raw/raw-consumer.ts"]));
  });

  test("every notify call names its dedup key (source, category, scope)", () => {
    // Up to the call's own closing `});`, so a one-line call is judged on its own fields, not the code after it.
    const calls = runtimeFiles.flatMap((f) =>
      [...f.text.matchAll(/notifier\.notify\(\{([\s\S]*?)\}\);/g)].map((m) => ({ path: `${f.path}:${f.text.slice(0, m.index).split("\n").length}`, body: m[1] ?? "" })),
    );
    expect(calls.length).toBeGreaterThanOrEqual(4);
    const missing = calls.filter((c) => !/\bsource:/.test(c.body) || !/\bcategory:/.test(c.body) || !/\bscope:/.test(c.body)).map((c) => c.path);
    expect(missing).toEqual([]);
  });
});
