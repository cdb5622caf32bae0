import { etDate } from "../../domain/et-date";

/** The injury report columns feature #10 reads. */
export interface InjuryReportEntry {
  readonly report_date: string;
  readonly report_hour: number;
  readonly game_date: string;
  readonly game_id: string;
  readonly player_lookup: string;
  readonly injury_status: string;
}

/** DOMAIN §3.5 #10. */
export const INJURY_RISK: Readonly<Record<string, number>> = { available: 0, probable: 1, questionable: 2, doubtful: 3, out: 3 };

const hourFormatter = new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", hourCycle: "h23" });

/**
 * As of tip: a report counts when it was published (ET date and hour) in an hour that ended
 * before the tip started. Without a tip time, every report dated up to the game date counts.
 */
export function publishedBeforeTip(entry: Pick<InjuryReportEntry, "report_date" | "report_hour" | "game_date">, tipUtc: string | null): boolean {
  const tip = tipUtc === null ? Number.NaN : Date.parse(tipUtc);
  if (Number.isNaN(tip)) return entry.report_date <= entry.game_date;
  const tipDate = etDate(new Date(tip));
  if (entry.report_date !== tipDate) return entry.report_date < tipDate;
  return entry.report_hour < Number(hourFormatter.format(new Date(tip)));
}

/** What the report said about one player's game before its tip. */
export type InjuryStanding = { readonly kind: "listed"; readonly status: string } | { readonly kind: "not_listed" } | { readonly kind: "no_report" };

/**
 * The latest report per (game, player) published before the tip (many versions a day are kept;
 * readers take the newest). A game whose report lists players but not this one means the player
 * was available; a game with no report before tip leaves the feature to its default.
 */
export class InjuryReports {
  private readonly latest = new Map<string, InjuryReportEntry>();
  private readonly reportedGames = new Set<string>();

  constructor(entries: readonly InjuryReportEntry[], tipOf: (gameId: string) => string | null) {
    for (const e of entries) {
      if (!publishedBeforeTip(e, tipOf(e.game_id))) continue;
      this.reportedGames.add(`${e.game_date}|${e.game_id}`);
      const key = `${e.game_date}|${e.player_lookup}`;
      const seen = this.latest.get(key);
      if (!seen || e.report_date > seen.report_date || (e.report_date === seen.report_date && e.report_hour > seen.report_hour)) this.latest.set(key, e);
    }
  }

  standing(gameDate: string, gameId: string, player: string): InjuryStanding {
    const entry = this.latest.get(`${gameDate}|${player}`);
    if (entry && entry.game_id === gameId) return { kind: "listed", status: entry.injury_status.toLowerCase() };
    return this.reportedGames.has(`${gameDate}|${gameId}`) ? { kind: "not_listed" } : { kind: "no_report" };
  }
}
