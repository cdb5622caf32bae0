import { z } from "zod";
import { nbaStatsEnvelopeSchema } from "./nba-stats-result-sets";

/**
 * A day's rosters: the 30 commonteamroster responses (one call per team, DOMAIN §3.1b), each in
 * NBA.com's own format, stored together as one array.
 */
export const teamRostersSchema = z.array(nbaStatsEnvelopeSchema).min(1);


export const ROSTER_SET = "CommonTeamRoster";
