import type { ColumnType } from "../../catalog/types";
import type { Dialect } from "./dialect";
import type { ParamPart, SqlFragment, SqlValue } from "./fragment";

export interface RenderedParam {
  readonly value: SqlValue;
  readonly type: ColumnType;
  readonly array: boolean;
}

export interface RenderedSql {
  readonly text: string;
  readonly params: Readonly<Record<string, RenderedParam>>;
}

function sameValue(a: SqlValue, b: SqlValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Renders a fragment for one dialect; the same parameter name bound twice must carry the same value. */
export function render(fragment: SqlFragment, dialect: Dialect): RenderedSql {
  const params: Record<string, RenderedParam> = {};
  const bind = (p: ParamPart): void => {
    const existing = params[p.name];
    if (existing && (!sameValue(existing.value, p.value) || existing.type !== p.type || existing.array !== p.array)) {
      throw new Error(`sql: parameter @${p.name} is bound to two different values`);
    }
    params[p.name] = { value: p.value, type: p.type, array: p.array };
  };
  const text = (f: SqlFragment): string =>
    f.parts
      .map((part) => {
        switch (part.kind) {
          case "text":
            return part.text;
          case "table":
            return dialect.table(part);
          case "ident":
            return dialect.ident(part.name);
          case "param":
            bind(part);
            return dialect.param(part);
          case "in_array":
            bind(part.param);
            return dialect.inArray(text(part.expr), part.param);
          case "array_element":
            return dialect.arrayElement(dialect.ident(part.column), part.offset);
        }
      })
      .join("");
  return { text: text(fragment), params };
}
