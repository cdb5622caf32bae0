import { join } from "node:path";
import { runLocalPipeline } from "../../runtime/orchestration/local-pipeline";
import { openLocalPlatform } from "../../runtime/platform/local/local-platform";
import { SimSource } from "../../runtime/scrapers/sources/sim-source";
import { useTempDir } from "../support/temp-dir";
import { queryRows } from "../support/warehouse-queries";

/** Every finished date must have both team rows of every game the schedule has that day. */
async function analyticsComplete(dataDir: string, dates: readonly string[]): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {};
  for (const date of dates) {
    const [games] = await queryRows(dataDir, `SELECT COUNT(*) AS n FROM nba_raw.nbac_schedule WHERE game_date = DATE '${date}' AND game_status = 3`);
    const [teams] = await queryRows(dataDir, `SELECT COUNT(*) AS n FROM nba_analytics.team_offense_game_summary WHERE game_date = DATE '${date}'`);
    out[date] = [Number(teams?.n), 2 * Number(games?.n)];
  }
  return out;
}

describe("a range streams date by date, so a stop keeps finished dates complete", () => {
  const tmp = useTempDir("stream");

  test("the runner stops after the date in hand; that date went through every phase", async () => {
    const platform = await openLocalPlatform({ dataDir: join(tmp(), "data") });
    let stop = false;
    const finished: string[] = [];
    try {
      const report = await runLocalPipeline(platform, {
        dates: ["2025-01-10", "2025-01-11", "2025-01-12"],
        source: new SimSource(1, "2025-06-01"),
        until: "analytics",
        shouldStop: () => stop,
        onEvent: (e) => {
          if (e.kind === "date_finished") {
            finished.push(e.date);
            stop = true;
          }
        },
      });
      expect(report).toMatchObject({ interrupted: true, dates_completed: ["2025-01-10"] });
      expect(finished).toEqual(["2025-01-10"]);
      expect(new Set(report.runs.filter((r) => r.phase === "phase_3_analytics").map((r) => `${r.scope} ${r.status}`))).toEqual(new Set(["2025-01-10 success"]));
    } finally {
      await platform.close();
    }
    const complete = await analyticsComplete(join(tmp(), "data"), ["2025-01-10"]);
    expect(complete["2025-01-10"]![1]).toBeGreaterThan(0);
    expect(complete["2025-01-10"]![0]).toBe(complete["2025-01-10"]![1]);
    const [later] = await queryRows(join(tmp(), "data"), "SELECT COUNT(*) AS n FROM nba_raw.nbac_player_boxscores WHERE game_date > DATE '2025-01-10'");
    expect(Number(later?.n)).toBe(0);
  });
});
