/** Labels put on one resource: the environment's required labels plus, optionally, the component. */
export type Labels = Readonly<Record<string, string>>;

export function withComponent(base: Labels, component?: string): Record<string, string> {
  if (component === undefined) return { ...base };
  return { ...base, component: component.toLowerCase().replace(/[^a-z0-9_-]/g, "_").slice(0, 63) };
}
