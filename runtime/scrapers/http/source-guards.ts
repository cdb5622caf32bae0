import { CircuitBreakerPolicy, ConsecutiveBreaker, circuitBreaker, handleWhen } from "cockatiel";
import type { ScrapersConfig, SourceFamily } from "../config/scrapers-config";
import type { BreakerStates } from "./breaker-states";
import { HttpStatusError } from "./http-status-error";
import { RateGate } from "./rate-gate";

/** What one live source shares across every scraper that calls it: its circuit breaker and rate limit. */
export interface SourceGuard {
  readonly breaker: CircuitBreakerPolicy;
  readonly gate: RateGate;
}

/**
 * Trouble with the source itself (timeouts, network errors, 5xx, 429) opens its breaker; a 4xx
 * about one request (a game not found, a bad parameter) says the source is answering.
 */
export function isSourceTrouble(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.status >= 500 || err.status === 429 || err.status === 408;
  return true;
}

/**
 * One breaker and one rate gate per source family, created on first use from configs/scrapers.yaml.
 * With a state store, a breaker starts where the last process left it and is saved after each call.
 */
export class SourceGuards {
  private readonly guards = new Map<SourceFamily, Promise<SourceGuard>>();

  constructor(
    private readonly sources: ScrapersConfig["sources"],
    private readonly states?: BreakerStates,
  ) {}

  for(family: SourceFamily): Promise<SourceGuard> {
    let guard = this.guards.get(family);
    if (!guard) {
      guard = this.create(family);
      this.guards.set(family, guard);
    }
    return guard;
  }

  /** Records a source's breaker state for the next process (no-op without a store). */
  async save(family: SourceFamily): Promise<void> {
    const guard = this.guards.get(family);
    if (this.states && guard) await this.states.save(family, (await guard).breaker.toJSON());
  }

  private async create(family: SourceFamily): Promise<SourceGuard> {
    const { rate_limit, circuit_breaker } = this.sources[family];
    const initialState = await this.states?.load(family);
    return {
      breaker: circuitBreaker(handleWhen(isSourceTrouble), {
        halfOpenAfter: circuit_breaker.half_open_after_ms,
        breaker: new ConsecutiveBreaker(circuit_breaker.consecutive_failures),
        ...(initialState ? { initialState } : {}),
      }),
      gate: new RateGate(60_000 / rate_limit.requests_per_minute),
    };
  }
}
