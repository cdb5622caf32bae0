import { Option } from "commander";
import { BACKENDS, type Backend } from "../platform/open-platform";
import { UsageError } from "./exit-codes";

export const BACKEND_ENV = "NBA_PROPS_BACKEND";

/** `--backend local|gcp`; the environment variable is the default, so Cloud Run needs no flag. */
export function backendOption(): Option {
  return new Option("--backend <backend>", `where the platform lives: local (DuckDB, files) or gcp (BigQuery, Pub/Sub, Firestore, Cloud Storage); default $${BACKEND_ENV} or local`).choices(BACKENDS);
}

/** The flag wins, then NBA_PROPS_BACKEND, then local; a bad variable names itself. */
export function resolveBackend(flag: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): Backend {
  const value = flag ?? env[BACKEND_ENV] ?? "local";
  const backend = BACKENDS.find((b) => b === value);
  if (!backend) throw new UsageError(`${flag === undefined ? BACKEND_ENV : "--backend"}=${value}: expected one of ${BACKENDS.join(", ")}`);
  return backend;
}
