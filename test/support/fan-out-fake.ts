import { startHttpFake, type FakeAnswer, type HttpFake, type RecordedRequest } from "./http-fake";

/**
 * What identifies one request of a fanned-out scrape: the path, plus the game or team parameter
 * of the stats.nba.com endpoints that take one (`/stats/boxscoretraditionalv2?GameID=0022400561`).
 */
export function fanOutKey(request: Pick<RecordedRequest, "path" | "query">): string {
  if (request.query.GameID !== undefined) return `${request.path}?GameID=${request.query.GameID}`;
  if (request.query.TeamID !== undefined) return `${request.path}?TeamID=${request.query.TeamID}`;
  return request.path;
}

/** A loopback server answering the live endpoints by fanOutKey; anything not listed gets a 404. */
export function startFanOutFake(answers: Map<string, FakeAnswer>): Promise<HttpFake> {
  return startHttpFake((request) => answers.get(fanOutKey(request)) ?? { status: 404, json: { message: `no answer for ${fanOutKey(request)}` } });
}

export const boxscorePath = (gameId: string): string => `/stats/boxscoretraditionalv2?GameID=${gameId}`;
export const playByPlayPath = (gameId: string): string => `/static/json/liveData/playbyplay/playbyplay_${gameId}.json`;
export const EVENTS_PATH = "/v4/sports/basketball_nba/events";
export const eventOddsPath = (eventId: string): string => `/v4/sports/basketball_nba/events/${eventId}/odds`;
export const rosterPath = (teamId: number): string => `/stats/commonteamroster?TeamID=${teamId}`;
