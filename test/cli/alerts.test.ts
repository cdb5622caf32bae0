import { SimulatedClock } from "../../runtime/drills/simulated-clock";
import { CapturedCli } from "../support/cli";
import { capturingLogger, openTestRouter, RecordingChannel } from "../support/alert-router";
import { useTempDir } from "../support/temp-dir";

const dataDir = useTempDir("cli-alerts");
const cli = new CapturedCli(["alerts"]);

/** Two alerts dead-lettered while their channel was down: one on "console", one on "slack". */
async function seedDeadLetters(): Promise<void> {
  const { logger } = capturingLogger();
  for (const name of ["console", "slack"]) {
    const channel = new RecordingChannel(name);
    channel.down = true;
    const { router } = openTestRouter(dataDir(), new SimulatedClock("2025-03-16T06:00:00.000Z"), channel, logger);
    await router.notify({ severity: "error", title: `scraper failed (${name})`, message: "HTTP 503", context: {}, source: "nbac_schedule", category: name, scope: "2025-03-15" });
  }
}

describe("nba-props alerts", () => {
  beforeAll(seedDeadLetters);

  test("list --status dead_lettered --json shows both, with their channels and the books", async () => {
    expect(await cli.run("list", "--status", "dead_lettered", "--json", "--data-dir", dataDir())).toBe(0);
    const out = JSON.parse(cli.stdout) as { alerts: { title: string; status: string; count: number; channels: Record<string, { status: string; attempts: number }> }[]; books: Record<string, unknown> };
    expect(out.alerts.map((a) => [a.title, a.status, a.count])).toEqual([
      ["scraper failed (console)", "dead_lettered", 1],
      ["scraper failed (slack)", "dead_lettered", 1],
    ]);
    expect(out.alerts[0]?.channels.console).toMatchObject({ status: "dead_lettered", attempts: 3 });
    expect(out.books).toMatchObject({ raised: 2, dead_lettered: 2, balanced: true });
  });

  test("replay resends what this profile can reach, once; exit 1 while any stays dead-lettered", async () => {
    expect(await cli.run("replay", "--json", "--data-dir", dataDir())).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ replayed: 2, delivered: 1, dead_lettered: 1 });
    expect(cli.stderr).toBe("[alert error] scraper failed (console): HTTP 503\n");
    expect(await cli.run("replay", "--data-dir", dataDir())).toBe(1);
    expect(cli.stdout).toBe("replayed 1 dead-lettered alert messages: 0 delivered, 1 still dead-lettered\n");
    expect(cli.stderr).toBe("");
  });

  test("list prints a table and the books", async () => {
    expect(await cli.run("list", "--data-dir", dataDir())).toBe(0);
    expect(cli.stdout).toMatch(/delivered\s+first\s+1\s+error\s+console:delivered\s+scraper failed \(console\)/);
    expect(cli.stdout).toContain("(2 messages) books: raised 2 = delivered 1 + folded 0 + dead-lettered 1 + pending 0\n");
  });

  test("an unknown status is a usage error", async () => {
    expect(await cli.run("list", "--status", "sent", "--data-dir", dataDir())).toBe(2);
    expect(cli.stderr).toContain("--status must be one of pending, delivered, dead_lettered");
  });
});
