/**
 * A typed duration, so construct props say `Duration.minutes(10)` instead of scattering "600s"
 * strings; Terraform receives the Google API form ("600s") or milliseconds where it wants those.
 */
export class Duration {
  private constructor(private readonly totalSeconds: number) {
    if (!Number.isInteger(totalSeconds) || totalSeconds < 0) throw new Error(`duration must be a whole, non-negative number of seconds, got ${totalSeconds}`);
  }

  static seconds(n: number): Duration {
    return new Duration(n);
  }

  static minutes(n: number): Duration {
    return new Duration(n * 60);
  }

  static hours(n: number): Duration {
    return new Duration(n * 3600);
  }

  static days(n: number): Duration {
    return new Duration(n * 86400);
  }

  toSeconds(): number {
    return this.totalSeconds;
  }

  toMilliseconds(): number {
    return this.totalSeconds * 1000;
  }

  /** The Google API duration string, e.g. "600s". */
  toGoogleDuration(): string {
    return `${this.totalSeconds}s`;
  }
}
