/**
 * Helm's chart model (helm pkg/chart/{chart,metadata,dependency,file}.go, v3.21). Data only:
 * loading lives in load.ts, validation in metadata.ts, dependency processing in dependencies.ts.
 */
import type { GoMap, GoValue } from '../gotemplate/values.js';

/** A file read from a chart directory or archive, named relative to the chart root. */
export interface BufferedFile {
  name: string;
  data: Uint8Array;
}

/** chart.File: a template or a non-template file, name relative to the chart (`templates/x.yaml`). */
export interface ChartFile {
  name: string;
  data: Uint8Array;
}

/** chart.Maintainer. */
export interface Maintainer {
  name: string;
  email: string;
  url: string;
}

/** chart.Dependency: one entry of Chart.yaml `dependencies` (or v1 requirements.yaml). */
export interface Dependency {
  name: string;
  version: string;
  repository: string;
  condition: string;
  tags: string[];
  enabled: boolean;
  /** Strings and `{child, parent}` maps, exactly as written (Go `[]interface{}`). */
  importValues: GoValue[];
  alias: string;
}

/** chart.Metadata: Chart.yaml. Fields in Go declaration order. */
export interface Metadata {
  name: string;
  home: string;
  sources: string[];
  version: string;
  description: string;
  keywords: string[];
  maintainers: Maintainer[];
  icon: string;
  apiVersion: string;
  condition: string;
  tags: string;
  appVersion: string;
  deprecated: boolean;
  annotations: Record<string, string>;
  kubeVersion: string;
  dependencies: Dependency[];
  type: string;
}

/** chart.Lock: Chart.lock / requirements.lock. */
export interface Lock {
  generated: string;
  digest: string;
  dependencies: Dependency[];
}

/** chart.Chart. `parent`/`dependencies` form the tree; `values` is values.yaml as a Go map. */
export interface Chart {
  /** Every file the chart was loaded from (chart.Chart.Raw). */
  raw: ChartFile[];
  metadata: Metadata;
  lock: Lock | null;
  templates: ChartFile[];
  values: GoMap;
  /** values.schema.json bytes, or null. */
  schema: Uint8Array | null;
  /** Non-template files (what `.Files` exposes). */
  files: ChartFile[];
  parent: Chart | null;
  dependencies: Chart[];
}

export const APIVERSION_V1 = 'v1';
export const APIVERSION_V2 = 'v2';

/** Chart.Name(). */
export function chartName(c: Chart): string {
  return c.metadata.name;
}

/** Chart.IsRoot(). */
export function isRoot(c: Chart): boolean {
  return c.parent === null;
}

/** Chart.ChartFullPath(): `parent/charts/sub`, used to name templates. */
export function chartFullPath(c: Chart): string {
  if (c.parent) return `${chartFullPath(c.parent)}/charts/${c.metadata.name}`;
  return c.metadata.name;
}

/** Chart.AddDependency / SetDependencies: attach subcharts, setting their parent. */
export function setDependencies(c: Chart, charts: Chart[]): void {
  c.dependencies = [];
  for (const sub of charts) addDependency(c, sub);
}

export function addDependency(c: Chart, sub: Chart): void {
  sub.parent = c;
  c.dependencies.push(sub);
}

export function emptyMetadata(): Metadata {
  return {
    name: '',
    home: '',
    sources: [],
    version: '',
    description: '',
    keywords: [],
    maintainers: [],
    icon: '',
    apiVersion: '',
    condition: '',
    tags: '',
    appVersion: '',
    deprecated: false,
    annotations: {},
    kubeVersion: '',
    dependencies: [],
    type: '',
  };
}
