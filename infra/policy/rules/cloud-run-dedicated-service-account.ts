import { blockAt, resourcesOfType, resultOf, stringAt, stringsIn } from "../stack";
import type { Finding, JsonObject, Rule } from "../types";

const DEFAULT_ACCOUNT = /(-compute@developer\.gserviceaccount\.com|@appspot\.gserviceaccount\.com)$/;

/** Where each Cloud Run resource type names the identity it runs as. */
const RUNS_AS: Readonly<Record<string, (body: JsonObject) => string | undefined>> = {
  google_cloud_run_v2_service: (body) => {
    const template = blockAt(body, "template");
    return template && stringAt(template, "service_account");
  },
  google_cloud_run_v2_job: (body) => {
    const outer = blockAt(body, "template");
    const inner = outer && blockAt(outer, "template");
    return inner && stringAt(inner, "service_account");
  },
  google_cloud_run_service: (body) => {
    const template = blockAt(body, "template");
    const spec = template && blockAt(template, "spec");
    return spec && stringAt(spec, "service_account_name");
  },
};

export const dedicatedServiceAccount: Rule = {
  id: "cloud-run-dedicated-service-account",
  severity: "error",
  description: "Every Cloud Run service and job runs as its own service account, never the default compute or App Engine account, and nothing is granted to those defaults.",
  explanation: "The default compute account is shared by everything in the project and usually holds editor: one compromised component could then do anything.",
  check(stack) {
    const findings: Finding[] = [];
    let applicable = false;
    for (const [type, runsAs] of Object.entries(RUNS_AS)) {
      for (const resource of resourcesOfType(stack, type)) {
        applicable = true;
        const account = runsAs(resource.body);
        if (!account) findings.push({ resource: resource.address, message: "sets no service account, so it runs as the default compute account" });
        else if (DEFAULT_ACCOUNT.test(account)) findings.push({ resource: resource.address, message: `runs as the default account ${account}` });
      }
    }
    for (const resource of stack.resources) {
      for (const { key, value } of stringsIn(resource.body)) {
        if ((key === "member" || key === "members") && DEFAULT_ACCOUNT.test(value)) findings.push({ resource: resource.address, message: `grants a role to the default account ${value}` });
      }
    }
    return resultOf(findings, applicable);
  },
};
