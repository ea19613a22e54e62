/**
 * Storage-object labels (helm/helm pkg/storage/driver/{labels,util}.go, v3.21; ST-7): the
 * system label names, the reserved-name check on `--labels`, filtering, matching, label
 * value validation (k8s.io/apimachinery validation.IsValidLabelValue) and the selector text
 * (labels.Set.AsSelector().String()).
 */
import type { Labels } from './driver.js';
import { StorageError } from './driver.js';

/** util.go systemLabels, in Helm's order (it appears in the reserved-label error). */
export const SYSTEM_LABELS: readonly string[] = [
  'name',
  'owner',
  'status',
  'version',
  'createdAt',
  'modifiedAt',
];

/** The `owner` label value of every Helm record. */
export const OWNER = 'helm';

export function isSystemLabel(key: string): boolean {
  return SYSTEM_LABELS.includes(key);
}

/** filterSystemLabels: the user labels of a storage object. */
export function filterSystemLabels(labels: Labels): Labels {
  return Object.fromEntries(Object.entries(labels).filter(([k]) => !isSystemLabel(k)));
}

/** ContainsSystemLabels. */
export function containsSystemLabels(labels: Labels): boolean {
  return Object.keys(labels).some(isSystemLabel);
}

/** `--labels` using a system label name (install/upgrade reject it before rendering). */
export class ReservedLabelError extends StorageError {
  constructor() {
    super(
      `user supplied labels contains system reserved label name. System labels: [${SYSTEM_LABELS.join(' ')}]`,
    );
    this.name = 'ReservedLabelError';
  }
}

/** Install/upgrade's check of user labels (ST-7). Throws ReservedLabelError. */
export function checkUserLabels(labels: Labels): void {
  if (containsSystemLabels(labels)) throw new ReservedLabelError();
}

/** labels.match: every key of `query` has the same value in `labels`. */
export function matchLabels(labels: Labels, query: Labels): boolean {
  return Object.entries(query).every(([k, v]) => labels[k] === v);
}

const LABEL_VALUE_MAX = 63;
const LABEL_VALUE_FMT = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const LABEL_VALUE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** validation.IsValidLabelValue: the list of problems (empty when valid). */
export function labelValueErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > LABEL_VALUE_MAX) {
    errs.push(`must be no more than ${LABEL_VALUE_MAX} characters`);
  }
  if (!LABEL_VALUE.test(value)) {
    errs.push(
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '" +
        LABEL_VALUE_FMT +
        "')",
    );
  }
  return errs;
}

/** Query's check of every label value: `invalid label value: "<v>": <problems>`. */
export function validateQueryLabels(query: Labels): void {
  for (const v of Object.values(query)) {
    const errs = labelValueErrors(v);
    if (errs.length > 0) {
      throw new StorageError(`invalid label value: ${JSON.stringify(v)}: ${errs.join('; ')}`);
    }
  }
}

/** labels.Set(query).AsSelector().String(): `k=v` pairs sorted by key, comma-separated. */
export function labelSelector(query: Labels): string {
  return Object.keys(query)
    .sort()
    .map((k) => `${k}=${query[k]}`)
    .join(',');
}

/**
 * The label set of a stored object (secrets.go/cfgmaps.go Create/Update + newSecretsObject),
 * built in Helm's order so its quirks carry over (ST-7):
 * 1. the release's labels, then the driver's timestamp label (`createdAt` on create,
 *    `modifiedAt` on update);
 * 2. the release's labels again, so a timestamp label already among them (a release read
 *    through list/query keeps its system labels) wins over the fresh one;
 * 3. name, owner, status and version of the record.
 */
export function storageObjectLabels(
  rel: { name: string; version: number; status: string; labels: Labels },
  stamp: { key: 'createdAt' | 'modifiedAt'; unixSeconds: number },
): Labels {
  const lbs: Labels = { ...rel.labels, [stamp.key]: String(stamp.unixSeconds) };
  Object.assign(lbs, rel.labels);
  lbs.name = rel.name;
  lbs.owner = OWNER;
  lbs.status = rel.status;
  lbs.version = String(rel.version);
  return lbs;
}
