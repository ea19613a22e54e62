/**
 * ToRenderValues(WithSchemaValidation), mirroring helm pkg/chartutil/values.go (v3.21): the
 * top-level template context — `.Chart` (*chart.Metadata), `.Capabilities`, `.Release` and
 * `.Values` (user values coalesced over the chart, validated against values.schema.json).
 * The engine adds `.Files`, `.Template` and `.Subcharts` per chart (FILES_KEY etc. name the slots).
 */
import { GoInt, newMap, type GoMap } from '../gotemplate/values.js';
import { MetadataStruct } from '../chart/metadata-struct.js';
import type { Chart } from '../chart/types.js';
import { defaultCapabilities, type Capabilities } from './capabilities.js';
import { coalesceValues, type Printf } from './coalesce.js';
import { validateAgainstSchema } from './schema.js';
import { asValues } from './values-object.js';

/** chartutil.ReleaseOptions. */
export interface ReleaseOptions {
  name: string;
  namespace: string;
  revision: number;
  isUpgrade: boolean;
  isInstall: boolean;
}

export interface RenderValuesOptions {
  capabilities?: Capabilities;
  skipSchemaValidation?: boolean;
  printf?: Printf;
}

/** Keys the engine fills in per chart. */
export const FILES_KEY = 'Files';
export const TEMPLATE_KEY = 'Template';
export const SUBCHARTS_KEY = 'Subcharts';

/** `.Release` (a map in Helm 3, Revision an int). */
export function releaseMap(opts: ReleaseOptions): GoMap {
  return newMap([
    ['Name', opts.name],
    ['Namespace', opts.namespace],
    ['IsUpgrade', opts.isUpgrade],
    ['IsInstall', opts.isInstall],
    ['Revision', new GoInt(opts.revision, 'int')],
    ['Service', 'Helm'],
  ]);
}

/** ToRenderValuesWithSchemaValidation: throws CoalesceError or SchemaValidationError. */
export function toRenderValues(
  chart: Chart,
  userValues: GoMap,
  release: ReleaseOptions,
  opts: RenderValuesOptions = {},
): GoMap {
  const top = newMap([
    ['Chart', new MetadataStruct(chart.metadata)],
    ['Capabilities', opts.capabilities ?? defaultCapabilities()],
    ['Release', releaseMap(release)],
  ]);
  const vals = coalesceValues(chart, userValues, { printf: opts.printf });
  if (!opts.skipSchemaValidation) validateAgainstSchema(chart, vals);
  top['Values'] = asValues(vals);
  return asValues(top);
}
