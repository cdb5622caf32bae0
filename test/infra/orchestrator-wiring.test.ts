import { catalog } from "../../runtime/catalog";
import { serviceUrlVariable } from "../../runtime/orchestration/service-url-variable";
import { bodiesOf, mustGet, ref, resourceOf, synthToTemp, type Synthesized, type TerraformJson } from "./support/synth";

let synth: Synthesized;
let dev: TerraformJson;
beforeAll(() => {
  synth = synthToTemp();
  dev = mustGet(synth.json, "nba-props-dev");
});
afterAll(() => synth.cleanup());

type Container = { env?: { name: string; value?: string; value_source?: unknown }[] };
const containerOf = (role: string): Container => {
  const service = resourceOf(dev, "google_cloud_run_v2_service", role) as { template: { containers: Container[] } };
  return service.template.containers[0]!;
};

describe("the 2->3 transition's path through the stacks", () => {
  const spec = catalog.transitions.find((t) => t.name === "phase2-to-phase3")!;

  test("phase-2 completions are pushed to the orchestrator, its trigger to the analytics service", () => {
    const completionSubs = catalog.topics.find((t) => t.name === spec.completionTopic)!.subscriptions.map((s) => s.consumer);
    const triggerSubs = catalog.topics.find((t) => t.name === spec.triggerTopic)!.subscriptions.map((s) => [s.consumer, s.pushPath]);
    expect(completionSubs).toEqual(["phase-orchestrator"]);
    expect(triggerSubs).toEqual([["analytics-processors", "/pubsub/phase3-trigger"]]);
    expect(catalog.roles.find((r) => r.name === "phase-orchestrator")?.publishesTo).toEqual([spec.triggerTopic]);
  });

  test("the orchestrator gets the analytics service's URL and may call it (its health gate), nothing more", () => {
    expect(containerOf("phase-orchestrator").env).toContainEqual({ name: serviceUrlVariable("analytics-processors"), value: ref("google_cloud_run_v2_service", "analytics-processors", "uri") });
    expect(bodiesOf(dev, "google_cloud_run_v2_service_iam_member")).toContainEqual(
      expect.objectContaining({ name: ref("google_cloud_run_v2_service", "analytics-processors", "name"), role: "roles/run.invoker", member: ref("google_service_account", "phase-orchestrator", "member") }),
    );
    expect(containerOf("raw-processors").env?.map((e) => e.name)).not.toContain(serviceUrlVariable("analytics-processors"));
  });
});
