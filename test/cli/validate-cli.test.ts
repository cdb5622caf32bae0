import { join } from "node:path";
import { runCliCaptured } from "../support/cli";
import { useTempDir } from "../support/temp-dir";

describe("nba-props validate usage", () => {
  const tmp = useTempDir("validate-cli");

  test("--backend gcp without the stacks' environment fails at start-up (exit 1), naming every missing variable", async () => {
    // The GCP platform reads its configuration from the process environment: run without any of it.
    const saved = Object.entries(process.env).filter(([name]) => /^(NBA_PROPS_|GOOGLE_CLOUD_PROJECT$)/.test(name));
    for (const [name] of saved) delete process.env[name];
    try {
      const result = await runCliCaptured(["validate", "--backend", "gcp", "--data-dir", tmp()]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/GCP environment is invalid: /);
      for (const name of ["NBA_PROPS_COMPONENT", "NBA_PROPS_ENV", "GOOGLE_CLOUD_PROJECT", "NBA_PROPS_REGION", "NBA_PROPS_BIGQUERY_LOCATION"]) {
        expect(result.stderr).toContain(`${name} is missing`);
      }
    } finally {
      for (const [name, value] of saved) process.env[name] = value;
    }
  });

  test("an unknown --backend is a usage error listing the choices", async () => {
    const result = await runCliCaptured(["validate", "--backend", "aws", "--data-dir", tmp()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/option '--backend <backend>' argument 'aws' is invalid\. Allowed choices are local, gcp\./);
  });

  test("a bad date, an unknown table and a missing warehouse are usage errors naming the flag", async () => {
    const badDate = await runCliCaptured(["validate", "--from", "2025-02-30", "--data-dir", tmp()]);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--from: "2025-02-30" is not a date/);
    const unknown = await runCliCaptured(["validate", "--table", "nba_analytics.no_such_table", "--data-dir", tmp()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--table nba_analytics.no_such_table: no such table[\s\S]*nba_analytics.player_game_summary/);
    const missing = await runCliCaptured(["validate", "--data-dir", join(tmp(), "nothing-here")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no warehouse at/);
    const reversed = await runCliCaptured(["validate", "--from", "2025-03-15", "--to", "2025-03-01", "--data-dir", tmp()]);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/--to 2025-03-01 is before --from 2025-03-15/);
  });
});
