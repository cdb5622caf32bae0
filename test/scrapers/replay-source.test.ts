import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { ScrapeError } from "../../runtime/scrapers/base/scrape-error";
import { nbacPlayerBoxscoreScraper } from "../../runtime/scrapers/nbac-player-boxscore";
import { nbacScheduleScraper } from "../../runtime/scrapers/nbac-schedule";
import { ReplaySource } from "../../runtime/scrapers/sources/replay-source";
import { useTempDir } from "../support/temp-dir";

describe("replay layout <dir>/<scraper>/<key>/*.json[.gz]", () => {
  const tmp = useTempDir("replay-layout");

  test("the newest file by name wins, gzip or not; other files are ignored", async () => {
    const dir = join(tmp(), "nbac_player_boxscore", "2025-03-15");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "2025-03-16T01-00.json"), '{"v":1}');
    writeFileSync(join(dir, "2025-03-16T04-00.json.gz"), gzipSync('{"v":2}'));
    writeFileSync(join(dir, "zz-notes.txt"), "not a payload");
    const fetched = await new ReplaySource(tmp()).fetch(nbacPlayerBoxscoreScraper, { key: "2025-03-15", gameDate: "2025-03-15" });
    expect(fetched.text).toBe('{"v":2}');
    expect(fetched.origin).toBe(join(dir, "2025-03-16T04-00.json.gz"));
  });

  test("season-scoped scrapers use the season label as the key", async () => {
    const dir = join(tmp(), "nbac_schedule", "2024-25");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "schedule.json"), '{"season":true}');
    const fetched = await new ReplaySource(tmp()).fetch(nbacScheduleScraper, { key: "2024-25", gameDate: "2025-03-15" });
    expect(fetched.text).toBe('{"season":true}');
  });

  test("a missing folder is a typed REPLAY_MISSING error naming the folder", async () => {
    const error = await new ReplaySource(tmp()).fetch(nbacPlayerBoxscoreScraper, { key: "2025-03-20", gameDate: "2025-03-20" }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(ScrapeError);
    expect(error).toMatchObject({ code: "REPLAY_MISSING", message: expect.stringContaining(join(tmp(), "nbac_player_boxscore", "2025-03-20")) });
  });

  test("a .gz file that is not gzip names the file", async () => {
    const dir = join(tmp(), "nbac_player_boxscore", "2025-03-21");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "a.json.gz"), "plain text");
    await expect(new ReplaySource(tmp()).fetch(nbacPlayerBoxscoreScraper, { key: "2025-03-21", gameDate: "2025-03-21" })).rejects.toThrow(join(dir, "a.json.gz"));
  });
});
