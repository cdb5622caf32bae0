import type { ProducedRow } from "../../catalog/derive/row-type";
import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { nbacTeamBoxscore } from "../../catalog/tables/nbac-team-boxscore";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { dataHash } from "../../domain/data-hash";
import { contentFields } from "../base/hash-fields";
import { readPartitions } from "../base/read-partition";
import { trackSource, trackingColumns } from "../base/source-tracking";
import type { AnalyticsProcessorDefinition, TransformContext, TransformResult } from "./analytics-processor";
import { effectiveFieldGoal, overtimePeriods, pace, parseTeamMinutes, possessions, rating, teamMinutesFromPlayers, trueShooting } from "./formulas";

type ScheduleRow = ProducedRow<typeof nbacSchedule>;
type PlayerRow = ProducedRow<typeof nbacPlayerBoxscores>;
type TeamBoxRow = ProducedRow<typeof nbacTeamBoxscore>;
type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;

export interface TeamOffenseInputs {
  readonly schedule: readonly ScheduleRow[];
  readonly teamBoxscores: readonly TeamBoxRow[];
  readonly playerBoxscores: readonly PlayerRow[];
}

/** A team needs at least this many player lines before its totals are rebuilt from them (DOMAIN §3.3). */
export const MIN_PLAYERS_FOR_RECONSTRUCTION = 5;

interface Totals {
  points: number;
  fgm: number;
  fga: number;
  fg3m: number;
  fg3a: number;
  ftm: number;
  fta: number;
  oreb: number;
  dreb: number;
  reb: number;
  ast: number;
  tov: number;
  stl: number;
  blk: number;
  pf: number;
  minutes: number;
}

type StatSource = Pick<
  PlayerRow,
  | "points"
  | "field_goals_made"
  | "field_goals_attempted"
  | "three_pointers_made"
  | "three_pointers_attempted"
  | "free_throws_made"
  | "free_throws_attempted"
  | "offensive_rebounds"
  | "defensive_rebounds"
  | "total_rebounds"
  | "assists"
  | "turnovers"
  | "steals"
  | "blocks"
  | "personal_fouls"
>;

function totalsOf(rows: readonly StatSource[], minutes: number): Totals {
  const sum = (pick: (r: StatSource) => number | null): number => rows.reduce((acc, r) => acc + (pick(r) ?? 0), 0);
  return {
    points: sum((r) => r.points),
    fgm: sum((r) => r.field_goals_made),
    fga: sum((r) => r.field_goals_attempted),
    fg3m: sum((r) => r.three_pointers_made),
    fg3a: sum((r) => r.three_pointers_attempted),
    ftm: sum((r) => r.free_throws_made),
    fta: sum((r) => r.free_throws_attempted),
    oreb: sum((r) => r.offensive_rebounds),
    dreb: sum((r) => r.defensive_rebounds),
    reb: sum((r) => r.total_rebounds),
    ast: sum((r) => r.assists),
    tov: sum((r) => r.turnovers),
    stl: sum((r) => r.steals),
    blk: sum((r) => r.blocks),
    pf: sum((r) => r.personal_fouls),
    minutes,
  };
}

interface Side {
  readonly team: string;
  readonly opponent: string;
  readonly home: boolean;
  readonly scheduleOpponentScore: number | null;
}

interface Built {
  readonly side: Side;
  readonly totals: Totals;
  readonly source: "nbac_team_boxscore" | "reconstructed_from_player_boxscores";
  readonly players: readonly PlayerRow[];
  readonly teamBox: TeamBoxRow | null;
}

function build(game: ScheduleRow, side: Side, inputs: TeamOffenseInputs): Built | null {
  const teamBox = inputs.teamBoxscores.find((t) => t.nba_game_id === game.game_id && t.team_abbr === side.team) ?? null;
  const players = inputs.playerBoxscores.filter((p) => p.nba_game_id === game.game_id && p.team_abbr === side.team);
  if (teamBox) return { side, totals: totalsOf([teamBox], parseTeamMinutes(teamBox.minutes)), source: "nbac_team_boxscore", players, teamBox };
  if (players.length < MIN_PLAYERS_FOR_RECONSTRUCTION) return null;
  const playerMinutes = players.reduce((acc, p) => acc + (p.minutes_decimal ?? 0), 0);
  return { side, totals: totalsOf(players, teamMinutesFromPlayers(playerMinutes)), source: "reconstructed_from_player_boxscores", players, teamBox: null };
}

function toRow(game: ScheduleRow, built: Built, opponent: Built | null, context: TransformContext): OffenseRow {
  const t = built.totals;
  const poss = possessions(t.fga, t.fta, t.oreb, t.tov);
  const opponentPoints = opponent ? opponent.totals.points : built.side.scheduleOpponentScore;
  const reconstructed = built.source === "reconstructed_from_player_boxscores";
  const row: Omit<OffenseRow, "data_hash"> = {
    game_id: game.canonical_game_id,
    nba_game_id: game.game_id,
    game_date: game.game_date,
    season_year: game.season_year,
    team_abbr: built.side.team,
    opponent_team_abbr: built.side.opponent,
    home_game: built.side.home,
    points_scored: t.points,
    fg_makes: t.fgm,
    fg_attempts: t.fga,
    three_pt_makes: t.fg3m,
    three_pt_attempts: t.fg3a,
    ft_makes: t.ftm,
    ft_attempts: t.fta,
    offensive_rebounds: t.oreb,
    defensive_rebounds: t.dreb,
    rebounds: t.reb,
    assists: t.ast,
    turnovers: t.tov,
    steals: t.stl,
    blocks: t.blk,
    personal_fouls: t.pf,
    team_paint_attempts: null,
    team_paint_makes: null,
    team_mid_range_attempts: null,
    team_mid_range_makes: null,
    team_minutes: Math.round(t.minutes),
    possessions: poss,
    offensive_rating: rating(t.points, poss),
    pace: pace(poss, t.minutes),
    ts_pct: trueShooting(t.points, t.fga, t.fta),
    efg_pct: effectiveFieldGoal(t.fgm, t.fg3m, t.fga),
    win_flag: opponentPoints === null ? null : t.points > opponentPoints,
    margin_of_victory: opponentPoints === null ? null : t.points - opponentPoints,
    overtime_periods: overtimePeriods(t.minutes),
    data_source: built.source,
    data_quality_tier: reconstructed ? "silver" : "gold",
    quality_score: reconstructed ? 85 : 100,
    ...trackingColumns("source_player_boxscores", trackSource(built.players, reconstructed ? MIN_PLAYERS_FOR_RECONSTRUCTION : null)),
    ...trackingColumns("source_team_boxscore", trackSource(built.teamBox ? [built.teamBox] : [], 1)),
    processed_at: context.processedAt,
    created_at: context.processedAt,
  };
  return { ...row, data_hash: dataHash(row, contentFields(teamOffenseGameSummary)) };
}

/**
 * One row per team per final game: the official team box score when there is one, else totals
 * rebuilt from the player lines (silver), which the row says in data_source and quality tier.
 */
export function transformTeamOffense(inputs: TeamOffenseInputs, context: TransformContext): TransformResult<OffenseRow> {
  const finals = inputs.schedule.filter((g) => g.game_status === 3 && g.game_date === context.gameDate);
  const rows: OffenseRow[] = [];
  for (const game of finals) {
    const home = build(game, { team: game.home_team_tricode, opponent: game.away_team_tricode, home: true, scheduleOpponentScore: game.away_team_score }, inputs);
    const away = build(game, { team: game.away_team_tricode, opponent: game.home_team_tricode, home: false, scheduleOpponentScore: game.home_team_score }, inputs);
    if (home) rows.push(toRow(game, home, away, context));
    if (away) rows.push(toRow(game, away, home, context));
  }
  return { rows, expectedRows: finals.length * 2 };
}

export const teamOffenseProcessor: AnalyticsProcessorDefinition<TeamOffenseInputs> = {
  name: "team_offense_game_summary",
  table: teamOffenseGameSummary,
  async extract(warehouse, gameDate) {
    return {
      schedule: await readPartitions(warehouse, nbacSchedule, [gameDate]),
      teamBoxscores: await readPartitions(warehouse, nbacTeamBoxscore, [gameDate]),
      playerBoxscores: await readPartitions(warehouse, nbacPlayerBoxscores, [gameDate]),
    };
  },
  transform: transformTeamOffense,
};
