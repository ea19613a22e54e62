/**
 * Upgrade.reuseValues (helm/helm pkg/action/upgrade.go, v3.21.4; helm-semantics.md section 4.2
 * step 5): which user values an upgrade renders and stores, and (with --reuse-values) the
 * chart defaults it renders with. Precedence: reset > reuse > reset-then-reuse > default.
 */
import type { Chart } from '../chart/types.js';
import type { GoMap } from '../gotemplate/values.js';
import { newMap } from '../gotemplate/values.js';
import { coalesceTables } from '../values/coalesce.js';
import { deepCopyMap } from '../values/copy.js';
import type { Release } from '../release/types.js';

export interface ValuesFlags {
  resetValues?: boolean;
  reuseValues?: boolean;
  resetThenReuseValues?: boolean;
}

export interface SelectedValues {
  /** The user values of the new revision (its `config`). */
  values: GoMap;
  /** The chart to render and store (defaults replaced with --reuse-values). */
  chart: Chart;
}

const size = (m: GoMap | null): number => (m ? Object.keys(m).length : 0);

/** reuseValues; `vals` (this run's user values) and `current.config` are not modified. */
export function selectValues(
  chart: Chart,
  current: Release,
  vals: GoMap | undefined,
  flags: ValuesFlags,
): SelectedValues {
  const given = vals ? deepCopyMap(vals) : newMap();
  const config = current.config ? deepCopyMap(current.config) : null;
  if (flags.resetValues) return { values: given, chart };
  if (flags.reuseValues) {
    // [quirk] The new chart's defaults are replaced by the old computed values (old chart
    // defaults + old config): defaults new in this chart version are invisible.
    const oldDefaults = current.chart?.values ? deepCopyMap(current.chart.values) : newMap();
    const oldVals =
      coalesceTables(config ? deepCopyMap(config) : newMap(), oldDefaults) ?? newMap();
    const values = coalesceTables(given, config) ?? newMap();
    return { values, chart: { ...chart, values: oldVals } };
  }
  if (flags.resetThenReuseValues) {
    return { values: coalesceTables(given, config) ?? newMap(), chart };
  }
  if (size(given) === 0 && config && size(config) > 0) return { values: config, chart };
  return { values: given, chart };
}
