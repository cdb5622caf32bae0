import { catalog, tableId, type Catalog, type ColumnSpec, type SubscriptionSpec, type TableSpec, type TopicSpec } from "../../../runtime/catalog";

/** Small, composable edits of a catalog: what a pull request to runtime/catalog/ might do. */
export type CatalogEdit = (c: Catalog) => Catalog;

export function applyEdits(edits: readonly CatalogEdit[], from: Catalog = catalog): Catalog {
  return edits.reduce((c, edit) => edit(c), from);
}

/** A table removed together with the processors' reads of it (a consistent pull request). */
export const withoutTable =
  (id: string): CatalogEdit =>
  // A table leaves the catalog with the processor that writes it (the catalog refuses a writer of an unknown table),
  // and that processor leaves the transitions expecting it.
  (c) => {
    const gone = new Set(c.processors.filter((p) => p.output === id).map((p) => p.name));
    return {
      ...c,
      tables: c.tables.filter((t) => tableId(t) !== id),
      processors: c.processors.filter((p) => p.output !== id).map((p) => ({ ...p, inputs: p.inputs.filter((i) => i !== id) })),
      transitions: c.transitions.map((t) => ({ ...t, expected: { overnight: t.expected.overnight.filter((e) => !gone.has(e.processor)), same_day: t.expected.same_day.filter((e) => !gone.has(e.processor)), backfill: t.expected.backfill.filter((e) => !gone.has(e.processor)) } })),
    };
  };

export const mapTable =
  (id: string, change: (t: TableSpec) => TableSpec): CatalogEdit =>
  (c) => {
    if (!c.tables.some((t) => tableId(t) === id)) throw new Error(`no table ${id}`);
    return { ...c, tables: c.tables.map((t) => (tableId(t) === id ? change(t) : t)) };
  };

export const mapColumns = (id: string, change: (columns: readonly ColumnSpec[]) => readonly ColumnSpec[]): CatalogEdit => mapTable(id, (t) => ({ ...t, columns: change(t.columns) }));

export const mapSubscription =
  (name: string, change: (s: SubscriptionSpec) => SubscriptionSpec): CatalogEdit =>
  (c) => {
    if (!c.topics.some((t) => t.subscriptions.some((s) => s.name === name))) throw new Error(`no subscription ${name}`);
    return { ...c, topics: c.topics.map((t) => ({ ...t, subscriptions: t.subscriptions.map((s) => (s.name === name ? change(s) : s)) })) };
  };

/** A new phase topic with one push subscription, published by `publisher` (the catalog insists on one). */
export const withTopic =
  (name: string, publisher: string, consumer: string): CatalogEdit =>
  (c) => {
    const template = c.topics[0];
    if (!template) throw new Error("the catalog has no topics");
    const subscription = template.subscriptions[0];
    if (!subscription) throw new Error("the first topic has no subscription");
    const topic: TopicSpec = { ...template, name, messagesPerDate: 0, subscriptions: [{ ...subscription, name: `${name}--${consumer}`, consumer }] };
    return { ...c, topics: [...c.topics, topic], roles: c.roles.map((r) => (r.name === publisher ? { ...r, publishesTo: [...r.publishesTo, name] } : r)) };
  };

export const withoutTopic =
  (name: string): CatalogEdit =>
  (c) => ({ ...c, topics: c.topics.filter((t) => t.name !== name), roles: c.roles.map((r) => ({ ...r, publishesTo: r.publishesTo.filter((t) => t !== name) })) });

export const withoutSchedule =
  (name: string): CatalogEdit =>
  (c) => ({ ...c, schedules: c.schedules.filter((s) => s.name !== name) });

export const mapSchedule =
  (name: string, change: (s: Catalog["schedules"][number]) => Catalog["schedules"][number]): CatalogEdit =>
  (c) => ({ ...c, schedules: c.schedules.map((s) => (s.name === name ? change(s) : s)) });

export const withoutAlertPolicy =
  (name: string): CatalogEdit =>
  (c) => ({ ...c, alertPolicies: c.alertPolicies.filter((a) => a.name !== name) });
