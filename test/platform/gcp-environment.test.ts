import { catalog } from "../../runtime/catalog/catalog";
import { GcpEnvironmentError, parseGcpEnvironment } from "../../runtime/platform/gcp/gcp-environment";
import { openGcpPlatform } from "../../runtime/platform/gcp/open-gcp-platform";
import { bodiesOf, mustGet, synthToTemp, type Block, type Synthesized } from "../infra/support/synth";

const base = {
  NBA_PROPS_COMPONENT: "raw-processors",
  NBA_PROPS_ENV: "dev",
  GOOGLE_CLOUD_PROJECT: "nba-props-dev",
  NBA_PROPS_REGION: "us-west2",
  NBA_PROPS_BIGQUERY_LOCATION: "us-west2",
  NBA_PROPS_BUCKET_RAW_PAYLOADS: "nba-props-dev-raw-payloads",
};

function problemsOf(env: Record<string, string | undefined>): string {
  try {
    parseGcpEnvironment(env);
  } catch (err) {
    if (err instanceof GcpEnvironmentError) return err.message;
    throw err;
  }
  throw new Error("expected the environment to be refused");
}

describe("the GCP environment schema", () => {
  test("parses what a role needs, by catalog name", () => {
    expect(parseGcpEnvironment({ ...base, PATH: "/usr/bin", NBA_PROPS_SECRET_SLACK_WEBHOOK_URL: "projects/nba-props-dev/secrets/slack-webhook-url" })).toMatchObject({
      component: "raw-processors",
      project: "nba-props-dev",
      bigqueryLocation: "us-west2",
      buckets: { "raw-payloads": "nba-props-dev-raw-payloads" },
      secrets: { "slack-webhook-url": "projects/nba-props-dev/secrets/slack-webhook-url" },
      logLevel: "info",
    });
  });

  test("a missing or malformed variable stops start-up with a message naming it", async () => {
    expect(problemsOf({ ...base, GOOGLE_CLOUD_PROJECT: undefined })).toMatch(/GOOGLE_CLOUD_PROJECT is missing/);
    expect(problemsOf({ ...base, GOOGLE_CLOUD_PROJECT: "Not A Project" })).toMatch(/GOOGLE_CLOUD_PROJECT is malformed/);
    expect(problemsOf({ ...base, NBA_PROPS_COMPONENT: "no-such-role" })).toMatch(/NBA_PROPS_COMPONENT is malformed: one of the catalog roles/);
    expect(problemsOf({ ...base, PUBSUB_EMULATOR_HOST: "localhost" })).toMatch(/PUBSUB_EMULATOR_HOST is malformed: host:port/);
    expect(problemsOf({ ...base, NBA_PROPS_BUCKET_RAW_PAYLOADS: undefined })).toMatch(/NBA_PROPS_BUCKET_RAW_PAYLOADS is missing \(role raw-processors uses bucket raw-payloads\)/);
    expect(problemsOf({ ...base, NBA_PROPS_BUCKET_RAW_PAYLODS: "x-y-z" })).toMatch(/NBA_PROPS_BUCKET_RAW_PAYLODS names no catalog bucket/);
    await expect(openGcpPlatform({ ...base, NBA_PROPS_BIGQUERY_LOCATION: undefined })).rejects.toThrow(/NBA_PROPS_BIGQUERY_LOCATION is missing/);
  });

  describe("over the synthesized stacks", () => {
    let synth: Synthesized;
    beforeAll(() => {
      synth = synthToTemp();
    });
    afterAll(() => synth.cleanup());

    test("the environment every Cloud Run service and job gets parses, naming its own role", () => {
      let checked = 0;
      for (const name of synth.stackNames) {
        const tf = mustGet(synth.json, name);
        const containers = [
          ...bodiesOf(tf, "google_cloud_run_v2_service").map((s) => (s.template as { containers: Block[] }).containers),
          ...bodiesOf(tf, "google_cloud_run_v2_job").map((j) => ((j.template as { template: Block }).template as { containers: Block[] }).containers),
        ].flat();
        for (const container of containers) {
          const env = Object.fromEntries((container.env as { name: string; value: string }[]).map((e) => [e.name, e.value]));
          const parsed = parseGcpEnvironment(env);
          expect(catalog.roles.map((r) => r.name)).toContain(parsed.component);
          checked += 1;
        }
      }
      expect(checked).toBe(catalog.roles.length * synth.stackNames.length);
    });
  });
});
