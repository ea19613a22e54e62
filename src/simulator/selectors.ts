/**
 * Label and field selectors, parsed as k8s.io/apimachinery/pkg/labels (selector.go) and
 * pkg/fields (selector.go) do.
 */
import { badRequest } from './errors.js';
import { at, child, isObject, labelsOf, type JsonObject } from './json.js';

type Requirement =
  | { op: 'eq' | 'ne'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export type LabelSelector = Requirement[];

/** Splits at commas that are not inside parentheses. */
function splitTerms(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

const KEY =
  /^([a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?\/)?[a-z0-9A-Z]([-a-z0-9A-Z_.]*[a-z0-9A-Z])?$/;

function checkKey(key: string, text: string): string {
  if (!KEY.test(key))
    throw badRequest(`unable to parse requirement: invalid label key "${key}" in "${text}"`);
  return key;
}

function parseTerm(term: string): Requirement {
  const set = /^(!?)\s*([^\s!=()]+)\s+(in|notin)\s*\(([^)]*)\)$/.exec(term);
  if (set) {
    const values = set[4]
      .split(',')
      .map((v) => v.trim())
      .filter((v) => v !== '');
    return { op: set[3] === 'in' ? 'in' : 'notin', key: checkKey(set[2], term), values };
  }
  const eq = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(term);
  if (eq) return { op: eq[2] === '!=' ? 'ne' : 'eq', key: checkKey(eq[1], term), value: eq[3] };
  const exists = /^(!?)\s*([^\s!=()]+)$/.exec(term);
  if (exists) return { op: exists[1] ? 'notexists' : 'exists', key: checkKey(exists[2], term) };
  throw badRequest(
    `unable to parse requirement: found '${term}', expected: !, identifier, or 'end of string'`,
  );
}

export function parseLabelSelector(text: string | null): LabelSelector {
  return text ? splitTerms(text).map(parseTerm) : [];
}

export function matchLabels(selector: LabelSelector, labels: Record<string, string>): boolean {
  return selector.every((r) => {
    const has = Object.hasOwn(labels, r.key);
    const v = labels[r.key];
    switch (r.op) {
      case 'eq':
        return has && v === r.value;
      case 'ne':
        return !has || v !== r.value;
      case 'in':
        return has && r.values.includes(v);
      case 'notin':
        return !has || !r.values.includes(v);
      case 'exists':
        return has;
      case 'notexists':
        return !has;
    }
    return false;
  });
}

/** A metav1.LabelSelector object (matchLabels + matchExpressions) against labels. */
export function matchSelectorObject(
  selector: JsonObject | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return false;
  const reqs: Requirement[] = [];
  for (const [k, v] of Object.entries(child(selector, 'matchLabels') ?? {})) {
    if (typeof v === 'string') reqs.push({ op: 'eq', key: k, value: v });
  }
  const exprs = selector.matchExpressions;
  for (const e of Array.isArray(exprs) ? exprs : []) {
    if (!isObject(e) || typeof e.key !== 'string') continue;
    const values = (Array.isArray(e.values) ? e.values : []).filter(
      (x): x is string => typeof x === 'string',
    );
    const op = e.operator;
    if (op === 'In') reqs.push({ op: 'in', key: e.key, values });
    else if (op === 'NotIn') reqs.push({ op: 'notin', key: e.key, values });
    else if (op === 'Exists') reqs.push({ op: 'exists', key: e.key });
    else if (op === 'DoesNotExist') reqs.push({ op: 'notexists', key: e.key });
  }
  return matchLabels(reqs, labels);
}

export interface FieldRequirement {
  path: string;
  value: string;
  negate: boolean;
}

export type FieldSelector = FieldRequirement[];

/** Fields each kind supports (pkg/registry/.../strategy.go *ToSelectableFields). */
function supported(kind: string, path: string): boolean {
  if (path === 'metadata.name' || path === 'metadata.namespace') return true;
  if (kind === 'Pod')
    return [
      'status.phase',
      'spec.nodeName',
      'spec.restartPolicy',
      'spec.serviceAccountName',
      'status.podIP',
    ].includes(path);
  if (kind === 'Event')
    return (
      path.startsWith('involvedObject.') ||
      ['reason', 'type', 'source', 'reportingComponent'].includes(path)
    );
  if (kind === 'Secret') return path === 'type';
  if (kind === 'Job') return path === 'status.successful';
  if (kind === 'Namespace') return path === 'status.phase';
  return false;
}

export function parseFieldSelector(text: string | null, kind: string): FieldSelector {
  if (!text) return [];
  return splitTerms(text).map((term) => {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(term);
    if (!m) throw badRequest(`invalid selector: '${text}'; can't understand '${term}'`);
    const path = m[1].trim();
    if (!supported(kind, path)) {
      throw badRequest(`field label not supported: ${path}`);
    }
    return { path, value: m[3].trim(), negate: m[2] === '!=' };
  });
}

export function matchFields(selector: FieldSelector, obj: JsonObject): boolean {
  return selector.every((r) => {
    const v = at(obj, r.path.split('.'));
    const text = v === undefined || v === null ? '' : String(v);
    return r.negate ? text !== r.value : text === r.value;
  });
}

export function matchObject(
  labels: LabelSelector,
  fields: FieldSelector,
  obj: JsonObject,
): boolean {
  return matchLabels(labels, labelsOf(obj)) && matchFields(fields, obj);
}
