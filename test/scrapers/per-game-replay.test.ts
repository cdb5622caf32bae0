import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ScrapeError } from "../../runtime/scrapers/base/scrape-error";
import { nbacPlayByPlayScraper } from "../../runtime/scrapers/nbac-play-by-play";
import { nbacTeamBoxscoreScraper } from "../../runtime/scrapers/nbac-team-boxscore";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { useTempDir } from "../support/temp-dir";

describe("replay of a per-game source: one file per game, <dir>/<scraper>/<date>/<game id>.json[.gz]", () => {
  const tmp = useTempDir("replay-per-game");

  test("serves every game file of the date, in name order, as one JSON array; other files are ignored", async () => {
    const dir = join(tmp(), "nbac_team_boxscore", "2025-01-15");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "0022400562.json.gz"), gzipSync('{"game":2}'));
    writeFileSync(join(dir, "0022400561.json"), '{"game":1}');
    writeFileSync(join(dir, "notes.txt"), "not a payload");
    const fetched = await new ReplaySource(tmp()).fetch(nbacTeamBoxscoreScraper, { key: "2025-01-15", gameDate: "2025-01-15" });
    expect(JSON.parse(fetched.text)).toEqual([{ game: 1 }, { game: 2 }]);
    expect(fetched.origin).toBe(`${dir}/{0022400561.json,0022400562.json.gz}`);
  });

  test("a date with no game file is REPLAY_MISSING naming the folder, like any source", async () => {
    const error = await new ReplaySource(tmp()).fetch(nbacPlayByPlayScraper, { key: "2025-01-06", gameDate: "2025-01-06" }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ScrapeError);
    expect(error).toMatchObject({ code: "REPLAY_MISSING", message: expect.stringContaining(join(tmp(), "nbac_play_by_play", "2025-01-06")) });
  });
});
