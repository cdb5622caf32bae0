import { catalog } from "../../runtime/catalog/catalog";
import { dependencyLevels } from "../../runtime/orchestration/local-range-starter";
import { analyticsProcessors } from "../../runtime/processors/analytics";
import { precomputeProcessors } from "../../runtime/processors/precompute";

describe("phase-3 processors in dependency levels (a level's processors run at the same time)", () => {
  const levels = dependencyLevels(analyticsProcessors);
  const levelOf = (name: string) => levels.findIndex((level) => level.some((p) => p.name === name));

  test("team offense and the registry read only raw tables; the player summary and team defense read team offense; the upcoming contexts read the player summary", () => {
    expect(levels.map((level) => level.map((p) => p.name).sort())).toEqual([
      ["nba_players_registry", "team_offense_game_summary"],
      ["player_game_summary", "team_defense_game_summary"],
      ["upcoming_player_game_context", "upcoming_team_game_context"],
    ]);
  });

  test("every processor comes after every processor whose output it reads, and each runs once", () => {
    expect(levels.flat().map((p) => p.name).sort()).toEqual(analyticsProcessors.map((p) => p.name).sort());
    for (const processor of analyticsProcessors) {
      const inputs = catalog.processors.find((p) => p.name === processor.name)?.inputs ?? [];
      for (const producer of catalog.processors.filter((p) => inputs.includes(p.output) && analyticsProcessors.some((a) => a.name === p.name))) {
        expect({ processor: processor.name, after: producer.name, later: levelOf(processor.name) > levelOf(producer.name) }).toEqual({ processor: processor.name, after: producer.name, later: true });
      }
    }
  });

  test("a processor listed before one it reads is refused, not run early", () => {
    const [first, ...rest] = analyticsProcessors;
    expect(() => dependencyLevels([...rest, first!].reverse())).toThrow(/reads a processor listed after it/);
  });
});

describe("phase-4 processors in dependency levels", () => {
  test("the zone analyses first, then the daily cache and the composite factors (which read them), then the feature store", () => {
    expect(dependencyLevels(precomputeProcessors).map((level) => level.map((p) => p.name))).toEqual([
      ["team_defense_zone_analysis", "player_shot_zone_analysis"],
      ["player_daily_cache", "player_composite_factors"],
      ["ml_feature_store_v2"],
    ]);
  });
});
