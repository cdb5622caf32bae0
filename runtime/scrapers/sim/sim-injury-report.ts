/**
 * The injury report (as parsed JSON, DOMAIN §1.4) of one ET date for a sim schedule: the teams
 * playing that day list some of the players who sit out as Out (so no player reported Out has a
 * box-score line), plus a few rotation players as Probable or Questionable.
 */
import { seasonYearFromLabel } from "../../domain/season";
import { simulateTeamPoints } from "./box-score";
import { dayGames } from "./day-games";
import { overtimePeriods } from "./game-outcome";
import type { ScheduleGame, ScheduleLeagueV2Payload, ScheduleTeam } from "./nba-com-formats";
import { stream, type Rng } from "./prng";
import { teamRoster, type RosterPlayer } from "./rosters";

export interface InjuryRecordSim {
  readonly date: string;
  readonly gametime: string;
  readonly matchup: string;
  readonly team: string;
  readonly player: string;
  readonly status: "Out" | "Doubtful" | "Questionable" | "Probable" | "Available";
  readonly reason: string;
  readonly confidence: number;
}

export interface InjuryReportSim {
  readonly metadata: { readonly gamedate: string; readonly hour: number; readonly period: string; readonly season: string; readonly run_id: string };
  readonly parsing_stats: { readonly overall_confidence: number; readonly status_counts: Readonly<Record<string, number>> };
  readonly records: readonly InjuryRecordSim[];
}

/** The report published at 5 PM ET: the last before most tips. */
const REPORT_HOUR = 17;

const INJURIES = ["Right Ankle; Sprain", "Left Knee; Soreness", "Low Back; Spasms", "Right Hamstring; Strain", "Left Foot; Plantar Fasciitis", "Right Calf; Tightness"];

function gameTime(game: ScheduleGame): string {
  // gameDateTimeEst is Eastern wall time written with a Z (DOMAIN §1.2); the report drops AM/PM.
  const hh = Number(game.gameDateTimeEst.slice(11, 13));
  const h12 = hh % 12 === 0 ? 12 : hh % 12;
  return `${String(h12).padStart(2, "0")}:${game.gameDateTimeEst.slice(14, 16)} (ET)`;
}

function reason(rng: Rng): string {
  const r = rng.next();
  if (r < 0.75) return `Injury/Illness - ${rng.pick(INJURIES)}`;
  if (r < 0.85) return "Injury/Illness - Illness; Non-COVID";
  if (r < 0.95) return "G League - Two-Way";
  return "Personal Reasons";
}

function lastFirst(p: RosterPlayer): string {
  return `${p.lastName}, ${p.firstName}`;
}

function teamRecords(seed: number, seasonYear: number, game: ScheduleGame, side: ScheduleTeam, opponent: ScheduleTeam, base: Omit<InjuryRecordSim, "team" | "player" | "status" | "reason" | "confidence">): InjuryRecordSim[] {
  const rng = stream(seed, "injury-report", game.gameId, side.teamTricode);
  const played = new Set(
    simulateTeamPoints({ seed, seasonYear, gameId: game.gameId, tricode: side.teamTricode, points: side.score, opponentPoints: opponent.score, overtimePeriods: overtimePeriods(seed, game.gameId) }).map(
      (l) => l.player.personId,
    ),
  );
  const out: InjuryRecordSim[] = [];
  for (const p of teamRoster(seed, seasonYear, side.teamTricode)) {
    const confidence = Math.round((0.9 + rng.next() * 0.1) * 1000) / 1000;
    if (!played.has(p.personId)) {
      if (rng.chance(0.6)) out.push({ ...base, team: side.teamTricode, player: lastFirst(p), status: "Out", reason: reason(rng), confidence });
    } else if (rng.chance(0.06)) {
      out.push({ ...base, team: side.teamTricode, player: lastFirst(p), status: rng.chance(0.5) ? "Probable" : "Questionable", reason: `Injury/Illness - ${rng.pick(INJURIES)}`, confidence });
    }
  }
  return out;
}

export function simulateInjuryReport(opts: { readonly gameDate: string; readonly seed: number; readonly schedule: ScheduleLeagueV2Payload }): InjuryReportSim {
  const label = opts.schedule.leagueSchedule.seasonYear;
  const seasonYear = seasonYearFromLabel(label);
  const [y, m, d] = opts.gameDate.split("-");
  const records = dayGames(opts.schedule, opts.gameDate).flatMap((game) => {
    const base = { date: `${m ?? ""}/${d ?? ""}/${y ?? ""}`, gametime: gameTime(game), matchup: `${game.awayTeam.teamTricode}@${game.homeTeam.teamTricode}` };
    return [...teamRecords(opts.seed, seasonYear, game, game.awayTeam, game.homeTeam, base), ...teamRecords(opts.seed, seasonYear, game, game.homeTeam, game.awayTeam, base)];
  });
  const counts: Record<string, number> = {};
  for (const r of records) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return {
    metadata: { gamedate: opts.gameDate.replace(/-/g, ""), hour: REPORT_HOUR, period: "5PM", season: label, run_id: `sim-${opts.seed}-${opts.gameDate}-${REPORT_HOUR}` },
    parsing_stats: { overall_confidence: records.length === 0 ? 1 : Math.round((records.reduce((a, r) => a + r.confidence, 0) / records.length) * 1000) / 1000, status_counts: counts },
    records,
  };
}
