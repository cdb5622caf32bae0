import type { ProducedRow } from "../../catalog/derive/row-type";
import { bdlPlayerBoxscores } from "../../catalog/tables/bdl-player-boxscores";
import { nbacPlayerBoxscores } from "../../catalog/tables/nbac-player-boxscores";
import { nbacSchedule } from "../../catalog/tables/nbac-schedule";
import { nbacTeamBoxscore } from "../../catalog/tables/nbac-team-boxscore";
import { teamOffenseGameSummary } from "../../catalog/tables/team-offense-game-summary";
import { readDeclared, type DayContext, type DeclaredInputsProcessor, type ProcessorResult, type ScheduleRow } from "../base/declared-inputs";
import { trackSource, trackingColumns, type TrackedSource } from "../base/source-tracking";
import { bdlAsPlayerLines, nbacAsPlayerLines, type PlayerLine } from "./bdl-lines";
import { effectiveFieldGoal, overtimePeriods, pace, parseTeamMinutes, possessions, rating, teamMinutesFromPlayers, trueShooting } from "./formulas";
import { gameZones, type GameZones, type PlayByPlayRow, trackingByGame, zonePlays } from "./shot-zones";

type PlayerRow = PlayerLine;
type TeamBoxRow = ProducedRow<typeof nbacTeamBoxscore>;
type OffenseRow = ProducedRow<typeof teamOffenseGameSummary>;

export interface TeamOffenseInputs {
  readonly teamBoxscores: readonly TeamBoxRow[];
  readonly playerBoxscores: readonly ProducedRow<typeof nbacPlayerBoxscores>[];
  readonly bdlBoxscores: readonly ProducedRow<typeof bdlPlayerBoxscores>[];
  readonly playByPlay: readonly PlayByPlayRow[];
}

interface Prepared {
  readonly teamBoxscores: readonly TeamBoxRow[];
  readonly nbacLines: readonly PlayerRow[];
  readonly bdlLines: readonly PlayerRow[];
  readonly zones: GameZones;
  /** Play-by-play tracking per game (both teams' rows share it). */
  readonly pbpTracking: (gameId: string) => TrackedSource;
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
  readonly source: "nbac_team_boxscore" | "reconstructed_from_player_boxscores" | "reconstructed_from_bdl_boxscores";
  readonly players: readonly PlayerRow[];
  readonly teamBox: TeamBoxRow | null;
}

function build(game: ScheduleRow, side: Side, inputs: Prepared): Built | null {
  const teamBox = inputs.teamBoxscores.find((t) => t.game_id === game.canonical_game_id && t.team_abbr === side.team) ?? null;
  const nbac = inputs.nbacLines.filter((p) => p.game_id === game.canonical_game_id && p.team_abbr === side.team);
  const bdl = inputs.bdlLines.filter((p) => p.game_id === game.canonical_game_id && p.team_abbr === side.team);
  if (teamBox) return { side, totals: totalsOf([teamBox], parseTeamMinutes(teamBox.minutes)), source: "nbac_team_boxscore", players: nbac, teamBox };
  const [players, source] = nbac.length >= MIN_PLAYERS_FOR_RECONSTRUCTION ? [nbac, "reconstructed_from_player_boxscores" as const] : [bdl, "reconstructed_from_bdl_boxscores" as const];
  if (players.length < MIN_PLAYERS_FOR_RECONSTRUCTION) return null;
  const playerMinutes = players.reduce((acc, p) => acc + (p.minutes_decimal ?? 0), 0);
  return { side, totals: totalsOf(players, teamMinutesFromPlayers(playerMinutes)), source, players, teamBox: null };
}

/** Stats possessions, ratings and usage need: NULL in every source line of a team-game is a failed check, not a zero. */
const REQUIRED_STATS = ["points", "field_goals_attempted", "free_throws_attempted", "offensive_rebounds", "turnovers"] as const;

function nullStats(built: Built): string[] {
  const lines: readonly StatSource[] = built.teamBox ? [built.teamBox] : built.players;
  return REQUIRED_STATS.filter((stat) => lines.every((l) => l[stat] === null));
}

function toRow(game: ScheduleRow, built: Built, opponent: Built | null, inputs: Prepared, day: DayContext): Omit<OffenseRow, "data_hash"> {
  const t = built.totals;
  const poss = possessions(t.fga, t.fta, t.oreb, t.tov);
  const opponentPoints = opponent ? opponent.totals.points : built.side.scheduleOpponentScore;
  const reconstructed = built.source !== "nbac_team_boxscore";
  const fromBdl = built.source === "reconstructed_from_bdl_boxscores";
  const hasPbp = inputs.zones.games.has(game.canonical_game_id);
  const zones = hasPbp ? inputs.zones.teams.get(`${game.canonical_game_id}|${built.side.team}`) : undefined;
  const zone = (n: number | undefined): number | null => (hasPbp ? (n ?? 0) : null);
  return {
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
    team_paint_attempts: zone(zones?.paint_attempts),
    team_paint_makes: zone(zones?.paint_makes),
    team_mid_range_attempts: zone(zones?.mid_range_attempts),
    team_mid_range_makes: zone(zones?.mid_range_makes),
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
    ...trackingColumns("source_player_boxscores", trackSource(fromBdl ? [] : built.players, reconstructed && !fromBdl ? MIN_PLAYERS_FOR_RECONSTRUCTION : null)),
    ...trackingColumns("source_team_boxscore", trackSource(built.teamBox ? [built.teamBox] : [], 1)),
    ...trackingColumns("source_bdl_boxscores", trackSource(fromBdl ? built.players : [], fromBdl ? MIN_PLAYERS_FOR_RECONSTRUCTION : null)),
    ...trackingColumns("source_play_by_play", inputs.pbpTracking(game.canonical_game_id)),
    processed_at: day.processedAt,
    created_at: day.processedAt,
  };
}

/**
 * One row per team per final game of the schedule: the official team box score when there is
 * one, else totals rebuilt from the player lines (NBA.com, else BDL; silver), which the row says
 * in data_source and quality tier. Paint and mid-range counts come from the play-by-play.
 */
export function transformTeamOffense(inputs: TeamOffenseInputs, day: DayContext): ProcessorResult<OffenseRow> {
  const prepared: Prepared = {
    teamBoxscores: inputs.teamBoxscores,
    nbacLines: nbacAsPlayerLines(inputs.playerBoxscores),
    bdlLines: bdlAsPlayerLines(inputs.bdlBoxscores),
    zones: gameZones(inputs.playByPlay),
    pbpTracking: trackingByGame(inputs.playByPlay),
  };
  const rows: Omit<OffenseRow, "data_hash">[] = [];
  const missing: string[] = [];
  const failedChecks: string[] = [];
  for (const game of day.finalGames) {
    const home = build(game, { team: game.home_team_tricode, opponent: game.away_team_tricode, home: true, scheduleOpponentScore: game.away_team_score }, prepared);
    const away = build(game, { team: game.away_team_tricode, opponent: game.home_team_tricode, home: false, scheduleOpponentScore: game.home_team_score }, prepared);
    for (const built of [home, away]) {
      const nulls = built ? nullStats(built) : [];
      if (built && nulls.length > 0) failedChecks.push(`${built.source} for ${built.side.team} in ${game.canonical_game_id} has NULL ${nulls.join(", ")} on every line`);
    }
    if (home) rows.push(toRow(game, home, away, prepared, day));
    else missing.push(`no team totals for ${game.home_team_tricode} in ${game.canonical_game_id}`);
    if (away) rows.push(toRow(game, away, home, prepared, day));
    else missing.push(`no team totals for ${game.away_team_tricode} in ${game.canonical_game_id}`);
  }
  return { rows, expectedRows: day.finalGames.length * 2, missing, failedChecks };
}

export const teamOffenseProcessor: DeclaredInputsProcessor<TeamOffenseInputs, OffenseRow> = {
  name: "team_offense_game_summary",
  table: teamOffenseGameSummary,
  inputs: {
    schedule: { table: nbacSchedule, window: { kind: "season_through" }, minRows: 1, criticality: "critical" },
    // Each source stands in for the other (team box score, else player lines, else BDL): none is required alone.
    team_boxscore: { table: nbacTeamBoxscore, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    player_boxscores: { table: nbacPlayerBoxscores, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    bdl_boxscores: { table: bdlPlayerBoxscores, window: { kind: "day" }, minRows: 0, criticality: "soft" },
    play_by_play: { table: zonePlays, window: { kind: "day" }, minRows: { perFinalGame: 1 }, criticality: "soft" },
  },
  async extract(warehouse, day) {
    return {
      teamBoxscores: await readDeclared(warehouse, day, "team_boxscore", nbacTeamBoxscore),
      playerBoxscores: await readDeclared(warehouse, day, "player_boxscores", nbacPlayerBoxscores),
      bdlBoxscores: await readDeclared(warehouse, day, "bdl_boxscores", bdlPlayerBoxscores),
      playByPlay: await readDeclared(warehouse, day, "play_by_play", zonePlays),
    };
  },
  transform: transformTeamOffense,
};
