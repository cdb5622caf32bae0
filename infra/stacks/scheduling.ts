import type { Construct } from "constructs";
import { SCHEDULE_TIME_ZONE } from "../../runtime/catalog";
import { Duration, ScheduledJob, serviceAccountIdentity, type ScheduledTarget } from "../constructs";
import { findComponent, type ComputeResources } from "./compute";
import type { StackContext } from "./context";

/** The identity Cloud Scheduler calls services and starts jobs as. */
export const SCHEDULER_INVOKER = "scheduler-invoker";

/** One Cloud Scheduler job per catalog schedule. */
export function declareScheduling(scope: Construct, { env, catalog }: StackContext, compute: ComputeResources): void {
  const invoker = serviceAccountIdentity(scope, SCHEDULER_INVOKER, "Identity Cloud Scheduler uses to call nba-props services and start its jobs.");
  for (const schedule of catalog.schedules) {
    const t = schedule.target;
    const target: ScheduledTarget =
      t.kind === "service"
        ? { kind: "service", service: findComponent(compute.components, t.role), path: t.path, body: t.body }
        : { kind: "job", job: findComponent(compute.components, t.role), args: t.args };
    new ScheduledJob(scope, `schedule-${schedule.name}`, {
      name: schedule.name,
      description: schedule.description,
      schedule: schedule.cron,
      timeZone: SCHEDULE_TIME_ZONE,
      target,
      invoker,
      region: env.region,
      retryCount: schedule.retryCount,
      attemptDeadline: Duration.seconds(schedule.attemptDeadlineSeconds),
    });
  }
}
