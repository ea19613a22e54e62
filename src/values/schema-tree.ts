/**
 * Shapes ajv's flat error list like santhosh-tekuri/jsonschema v6's cause tree: per-property
 * errors of one keyword merge into one reason (`missing properties 'a', 'b'`), and the causes
 * of `allOf`/`anyOf`/`oneOf` nest under a `'allOf' failed` … line (v6 prints them indented).
 * ajv reports no error for allOf itself, so those groups are synthesised from schema paths.
 */
import type { ErrorObject } from 'ajv';

export interface ErrorNode {
  error: ErrorObject;
  /** Further property names merged into this error. */
  extra: string[];
  children: ErrorNode[];
}

const GROUPING = new Set(['anyOf', 'oneOf', 'allOf']);
const MERGED = new Set([
  'required',
  'additionalProperties',
  'dependencies',
  'dependentRequired',
  'unevaluatedProperties',
]);
/** Keywords whose subschema applies to a child instance (consume one instance path segment). */
const CHILD_WITH_NAME = new Set(['properties', 'patternProperties']);
const CHILD_WITH_INDEX = new Set(['items', 'prefixItems']);
const CHILD = new Set([
  'additionalProperties',
  'additionalItems',
  'unevaluatedProperties',
  'unevaluatedItems',
  'contains',
]);

function mergeErrors(errors: ErrorObject[]): ErrorNode[] {
  const nodes: ErrorNode[] = [];
  const byKey = new Map<string, ErrorNode>();
  for (const e of errors) {
    if (e.keyword === 'if') continue;
    const key = `${e.instancePath}\u0000${e.schemaPath}`;
    const prev = MERGED.has(e.keyword) ? byKey.get(key) : undefined;
    if (prev) {
      const p = e.params as Record<string, unknown>;
      prev.extra.push(
        String(p['missingProperty'] ?? p['additionalProperty'] ?? p['unevaluatedProperty']),
      );
      continue;
    }
    const node: ErrorNode = { error: e, extra: [], children: [] };
    byKey.set(key, node);
    nodes.push(node);
  }
  return nodes;
}

/** How many instance segments the schema path `rest` (after a group) descends into. */
function consumedSegments(rest: string[]): number {
  let n = 0;
  for (let i = 0; i < rest.length; i++) {
    const seg = rest[i] as string;
    if (CHILD_WITH_NAME.has(seg)) {
      n++;
      i++;
    } else if (CHILD_WITH_INDEX.has(seg)) {
      n++;
      if (/^\d+$/.test(rest[i + 1] ?? '')) i++;
    } else if (CHILD.has(seg)) n++;
  }
  return n;
}

function groupInstancePath(node: ErrorNode, groupPath: string): string {
  const rest = node.error.schemaPath.slice(groupPath.length).split('/').slice(2);
  const segments = node.error.instancePath.split('/');
  return segments.slice(0, segments.length - consumedSegments(rest)).join('/');
}

function synthesiseAllOf(nodes: ErrorNode[]): ErrorNode[] {
  const out: ErrorNode[] = [];
  const seen = new Set<string>();
  for (const node of nodes) {
    for (const m of node.error.schemaPath.matchAll(/\/allOf\/\d+(?=\/)/g)) {
      const groupPath = `${node.error.schemaPath.slice(0, m.index)}/allOf`;
      if (seen.has(groupPath)) continue;
      seen.add(groupPath);
      const instancePath = groupInstancePath(node, groupPath);
      const error: ErrorObject = {
        keyword: 'allOf',
        instancePath,
        schemaPath: groupPath,
        params: {},
      };
      out.push({ error, extra: [], children: [] });
    }
    out.push(node);
  }
  return out;
}

/** The top-level causes, each with its nested causes. */
export function buildErrorTree(errors: ErrorObject[]): ErrorNode[] {
  const nodes = synthesiseAllOf(mergeErrors(errors));
  const groups = nodes.filter((n) => GROUPING.has(n.error.keyword));
  const top: ErrorNode[] = [];
  for (const n of nodes) {
    const owner = groups
      .filter((g) => g !== n && n.error.schemaPath.startsWith(`${g.error.schemaPath}/`))
      .sort((a, b) => b.error.schemaPath.length - a.error.schemaPath.length)[0];
    if (owner) owner.children.push(n);
    else top.push(n);
  }
  return top;
}
