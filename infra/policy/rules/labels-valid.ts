import { isObject, resultOf } from "../stack";
import type { Finding, Rule } from "../types";
import { LABELLED_TYPES } from "./labels-required";

/** GCP's label rules (ASCII subset): keys start with a lowercase letter; keys and values are lowercase letters, digits, '_' or '-', at most 63. */
const LABEL_KEY = /^[a-z][a-z0-9_-]{0,62}$/;
const LABEL_VALUE = /^[a-z0-9_-]{0,63}$/;
export const MAX_LABELS = 64;

export const labelsValid: Rule = {
  id: "labels-valid",
  severity: "error",
  description: `Label keys and values follow GCP's rules: lowercase letters, digits, '_' and '-', at most 63 characters, keys starting with a letter, at most ${MAX_LABELS} labels.`,
  explanation: "GCP rejects a bad label at apply time, half-way through a deploy; a value copied from a name with capitals or dots is the usual cause.",
  check(stack) {
    const findings: Finding[] = [];
    let applicable = false;
    for (const resource of stack.resources) {
      const attribute = LABELLED_TYPES[resource.type];
      if (attribute === undefined) continue;
      const labels = resource.body[attribute];
      if (!isObject(labels)) continue;
      applicable = true;
      const entries = Object.entries(labels);
      if (entries.length > MAX_LABELS) findings.push({ resource: resource.address, message: `${entries.length} labels, more than ${MAX_LABELS}` });
      for (const [key, value] of entries) {
        if (!LABEL_KEY.test(key)) findings.push({ resource: resource.address, message: `label key "${key}" breaks GCP's label rules` });
        if (typeof value !== "string" || !LABEL_VALUE.test(value)) findings.push({ resource: resource.address, message: `label ${key}=${JSON.stringify(value)} breaks GCP's label rules` });
      }
    }
    return resultOf(findings, applicable);
  },
};
