import { valueAt } from "../attributes";
import type { ReviewRule } from "../types";
import { bothSides, finding, resourceName, show } from "./rule-helpers";

const SERVICE_ACCOUNT_PATH: Readonly<Record<string, string>> = {
  google_cloud_run_v2_service: "template.service_account",
  google_cloud_run_v2_job: "template.template.service_account",
};

export const cloudRunServiceAccountChanged: ReviewRule = {
  id: "cloud-run-service-account-changed",
  risk: "medium",
  label: "service account changed",
  description: "A Cloud Run service or job that runs as another service account gains that account's grants and loses its own.",
  check(change) {
    const path = SERVICE_ACCOUNT_PATH[change.type];
    const sides = path === undefined ? undefined : bothSides(change);
    if (path === undefined || !sides) return [];
    const before = valueAt(sides.before, path);
    const after = valueAt(sides.after, path);
    if (before === after) return [];
    return [finding(this, change, `${resourceName(change)} runs as ${show(after ?? "the default compute service account")} instead of ${show(before ?? "the default compute service account")}: what it may read and write changes with it`)];
  },
};
