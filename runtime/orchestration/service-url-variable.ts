/** The variable the stacks set to a Cloud Run service's URL for the roles that probe it (infra/stacks/compute.ts). */
export function serviceUrlVariable(role: string): string {
  return `NBA_PROPS_SERVICE_URL_${role.toUpperCase().replace(/[^A-Z0-9]/g, "_")}`;
}
