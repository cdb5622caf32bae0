import { TaskCancelledError, isBrokenCircuitError } from "cockatiel";
import { isIsoDate } from "../../domain/et-date";
import { Agent, request } from "undici";
import { errorMessage } from "../../domain/error-message";
import type { ScrapeScope, ScraperDefinition } from "../base/scraper-definition";
import { scraperCallConfig, type ScrapersConfig, type SourceFamily } from "../config/scrapers-config";
import { ScrapeError } from "../base/scrape-error";
import type { BreakerStates } from "../http/breaker-states";
import { CallFailure, callWithPolicy } from "../http/call-policy";
import { decodeBody } from "../http/decode-body";
import { HttpSourceError } from "../http/http-source-error";
import { HttpStatusError } from "../http/http-status-error";
import { parseRetryAfter } from "../http/retry-after";
import { SourceGuards } from "../http/source-guards";
import { FAN_OUT, fanOutDate, type ScheduledGamesLookup } from "./date-fan-out";
import { DEFAULT_BASE_URLS, HTTP_REQUESTS, SOURCE_CREDENTIALS, SOURCE_HEADERS, type HttpEndpoint } from "./http-request-table";
import type { FetchProgress, FetchedPayload, PayloadSource } from "./payload-source";

export interface HttpSourceOptions {
  /** configs/scrapers.yaml, parsed: attempts, backoff, timeout, no-retry codes, rate limits, breakers. */
  readonly config: ScrapersConfig;
  /** Where credentials are read (ODDS_API_KEY, BDL_API_KEY, BETTINGPROS_API_KEY); default process.env. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Replaces a source's origin (tests: a loopback server); default the real hosts. */
  readonly baseUrls?: Readonly<Partial<Record<SourceFamily, string>>>;
  /** Where breaker states outlive the process (the doc store on a job); default: this process only. */
  readonly breakerStates?: BreakerStates;
  /** The endpoint table (default HTTP_REQUESTS). */
  readonly requests?: Readonly<Record<string, HttpEndpoint>>;
  /** The stored schedule's games of a date, for scrapers fanned out per game (date-fan-out.ts); without it they fail. */
  readonly scheduledGames?: ScheduledGamesLookup;
}

interface BuiltRequest {
  readonly url: string;
  /** The URL as errors and provenance show it: never the credential. */
  readonly shownUrl: string;
  readonly headers: Record<string, string>;
  readonly family: SourceFamily;
}

/**
 * The live endpoints: one request per fetch, inside the scraper's one resilience layer
 * (call-policy.ts); a date of a per-game, per-event or per-team endpoint is fanned out into one
 * such request per part (date-fan-out.ts).
 */
export class HttpSource implements PayloadSource {
  readonly kind = "http";
  private readonly guards: SourceGuards;
  private readonly dispatcher = new Agent();

  constructor(private readonly options: HttpSourceOptions) {
    this.guards = new SourceGuards(options.config.sources, options.breakerStates);
  }

  private build(scraper: string, scope: ScrapeScope): BuiltRequest {
    const endpoint = (this.options.requests ?? HTTP_REQUESTS)[scraper];
    if (!endpoint) throw new HttpSourceError(scraper, "(no endpoint)", "bad_scope", 0, undefined, `has no live endpoint in the request table`);
    const base = this.options.baseUrls?.[endpoint.family] ?? DEFAULT_BASE_URLS[endpoint.family];
    let target;
    try {
      target = endpoint.target(scope);
    } catch (err) {
      throw new HttpSourceError(scraper, base, "bad_scope", 0, undefined, `cannot be built: ${errorMessage(err)}`);
    }
    const url = new URL(target.path, base);
    for (const [k, v] of Object.entries(target.query)) url.searchParams.set(k, v);
    const shownUrl = url.toString();
    const headers: Record<string, string> = { ...SOURCE_HEADERS[endpoint.family], "Accept-Encoding": "gzip, deflate, br" };
    const credential = SOURCE_CREDENTIALS[endpoint.family];
    if (credential) {
      const secret = (this.options.env ?? process.env)[credential.env];
      if (!secret) throw new HttpSourceError(scraper, shownUrl, "credential_missing", 0, undefined, `not called: ${credential.env} is not set (on Cloud Run it comes from Secret Manager)`);
      if (credential.in === "query") url.searchParams.set(credential.name, secret);
      else headers[credential.name] = secret;
    }
    return { url: url.toString(), shownUrl, headers, family: endpoint.family };
  }

  private async attempt(built: BuiltRequest, signal: AbortSignal): Promise<string> {
    const response = await request(built.url, { method: "GET", headers: built.headers, signal, dispatcher: this.dispatcher });
    if (response.statusCode < 200 || response.statusCode >= 300) {
      await response.body.dump();
      throw new HttpStatusError(response.statusCode, parseRetryAfter(response.headers["retry-after"], new Date()));
    }
    const body = Buffer.from(await response.body.arrayBuffer());
    try {
      return await decodeBody(body, response.headers["content-encoding"]);
    } catch (err) {
      // A body that does not decode is not made better by asking again.
      throw new ScrapeError("PAYLOAD_NOT_JSON", `${built.shownUrl}: the body does not decode (${errorMessage(err)})`);
    }
  }

  async fetch(scraper: ScraperDefinition, scope: ScrapeScope, progress?: FetchProgress): Promise<FetchedPayload> {
    const name = scraper.spec.name;
    const unit = FAN_OUT[name];
    if (unit && isIsoDate(scope.key)) {
      // Every part (the events list included) goes through this scraper's own policy.
      const fetchPart = (endpoint: string, part: ScrapeScope): Promise<FetchedPayload> => this.fetchOne(name, endpoint, part);
      return fanOutDate({ scraper: name, scope, unit, fetchPart, ...(this.options.scheduledGames ? { scheduledGames: this.options.scheduledGames } : {}), ...(progress ? { progress } : {}) });
    }
    return this.fetchOne(name, name, scope);
  }

  /** One request of `endpoint` (a scraper name of the request table) under the call policy of `scraper`. */
  private async fetchOne(name: string, endpoint: string, scope: ScrapeScope): Promise<FetchedPayload> {
    const call = scraperCallConfig(this.options.config, name);
    const built = this.build(endpoint, scope);
    const guard = await this.guards.for(built.family);
    try {
      const { value } = await callWithPolicy(call, guard, (signal) => this.attempt(built, signal));
      return { text: value, origin: built.shownUrl };
    } catch (err) {
      if (!(err instanceof CallFailure)) throw err;
      throw describeFailure(endpoint, built, call.timeout_ms, err);
    } finally {
      await this.guards.save(built.family);
    }
  }

  /** Closes pooled connections (a job ends; tests stop their server). */
  close(): Promise<void> {
    return this.dispatcher.close();
  }
}

function describeFailure(scraper: string, built: BuiltRequest, timeoutMs: number, failure: CallFailure): ScrapeError {
  const { error, attempts } = failure;
  if (error instanceof ScrapeError) return error;
  if (error instanceof HttpStatusError) return new HttpSourceError(scraper, built.shownUrl, "status", attempts, error.status, error.message);
  if (error instanceof TaskCancelledError) return new HttpSourceError(scraper, built.shownUrl, "timeout", attempts, undefined, `no answer within ${timeoutMs} ms (aborted)`);
  if (isBrokenCircuitError(error)) return new HttpSourceError(scraper, built.shownUrl, "circuit_open", attempts, undefined, `not sent: the ${built.family} circuit breaker is open after repeated failures`);
  return new HttpSourceError(scraper, built.shownUrl, "network", attempts, undefined, `failed: ${errorMessage(error)}`);
}
