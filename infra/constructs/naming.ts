import { createHash } from "node:crypto";

const TERRAFORM_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * A readable, stable Terraform resource name from catalog names: plan reviews diff these, so they
 * must not carry cdktf's path hashes. Parts are joined with "--".
 */
export function terraformName(...parts: readonly string[]): string {
  const name = parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "_")).join("--");
  if (!TERRAFORM_NAME.test(name)) throw new Error(`cannot make a Terraform resource name from ${JSON.stringify(parts)}`);
  return name;
}

const ACCOUNT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/**
 * A service account id (6-30 chars) for a component: the component name itself when it fits,
 * otherwise a readable prefix plus a short hash of the full name, so it stays stable.
 */
export function serviceAccountId(component: string): string {
  if (ACCOUNT_ID.test(component)) return component;
  const hash = createHash("sha256").update(component).digest("hex").slice(0, 6);
  const prefix = component
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/^[^a-z]+/, "")
    .slice(0, 23)
    .replace(/-+$/, "");
  const id = `${prefix || "sa"}-${hash}`;
  if (!ACCOUNT_ID.test(id)) throw new Error(`cannot make a service account id from "${component}"`);
  return id;
}
