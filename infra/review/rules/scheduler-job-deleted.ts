import type { ReviewRule } from "../types";
import { finding, literal, resourceName } from "./rule-helpers";

export const schedulerJobDeleted: ReviewRule = {
  id: "scheduler-job-deleted",
  risk: "high",
  label: "scheduler job deleted",
  description: "Deleting a Cloud Scheduler job silently stops what it triggers; nothing fails, the work just never runs (94 jobs once vanished this way).",
  check(change) {
    if (change.type !== "google_cloud_scheduler_job" || change.action !== "destroy") return [];
    const schedule = literal(change, "schedule");
    return [finding(this, change, `scheduler job ${resourceName(change)}${schedule ? ` (${schedule})` : ""} is deleted: what it triggers stops running`)];
  },
};
