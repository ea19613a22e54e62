/**
 * The validation the client relies on (pkg/apis/core/validation, pkg/apis/batch/validation,
 * apimachinery's IsDNS1123Subdomain/Label): names, required fields of the kinds hookline creates,
 * immutable Job templates. Errors are 422 Invalid with field causes.
 */
import type { ResourceType } from './discovery.js';
import { invalid, type StatusCause } from './errors.js';
import { child, deepEqual, isObject, labelsOf, objects, str, type JsonObject } from './json.js';
import { matchSelectorObject } from './selectors.js';

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

function required(field: string, detail = ''): StatusCause {
  return {
    reason: 'FieldValueRequired',
    message: detail ? `Required value: ${detail}` : 'Required value',
    field,
  };
}

function invalidValue(field: string, value: string, detail: string): StatusCause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: "${value}": ${detail}`, field };
}

function nameCauses(type: ResourceType, meta: JsonObject | undefined): StatusCause[] {
  const name = str(meta, 'name') ?? '';
  if (!name) return [required('metadata.name', 'name or generateName is required')];
  const [re, msg, max] =
    type.plural === 'namespaces'
      ? [LABEL, LABEL_MSG, 63]
      : type.plural === 'services'
        ? [DNS1035, DNS1035_MSG, 63]
        : [SUBDOMAIN, SUBDOMAIN_MSG, 253];
  if (name.length > max)
    return [invalidValue('metadata.name', name, `must be no more than ${max} characters`)];
  return re.test(name) ? [] : [invalidValue('metadata.name', name, msg)];
}

const QUALIFIED_NAME =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

function labelCauses(obj: JsonObject): StatusCause[] {
  const causes: StatusCause[] = [];
  for (const [k, v] of Object.entries(labelsOf(obj))) {
    const [prefix, name] = k.includes('/')
      ? [k.slice(0, k.indexOf('/')), k.slice(k.indexOf('/') + 1)]
      : ['', k];
    if (!QUALIFIED_NAME.test(k) || name.length > 63 || prefix.length > 253) {
      causes.push(
        invalidValue(
          'metadata.labels',
          k,
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
        ),
      );
    }
    if (v.length > 63 || !LABEL_VALUE.test(v)) {
      causes.push(
        invalidValue(
          'metadata.labels',
          v,
          "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
        ),
      );
    }
  }
  return causes;
}

function podSpecCauses(
  spec: JsonObject | undefined,
  path: string,
  allowed?: string[],
): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers = objects(spec, 'containers');
  if (!containers.length) causes.push(required(`${path}.containers`));
  containers.forEach((c, i) => {
    const name = str(c, 'name') ?? '';
    if (!name) causes.push(required(`${path}.containers[${i}].name`));
    else if (!LABEL.test(name))
      causes.push(invalidValue(`${path}.containers[${i}].name`, name, LABEL_MSG));
    if (!str(c, 'image')) causes.push(required(`${path}.containers[${i}].image`));
  });
  const policy = str(spec, 'restartPolicy');
  const supported = allowed ?? ['Always', 'OnFailure', 'Never'];
  if (policy === undefined && allowed) {
    causes.push({
      reason: 'FieldValueRequired',
      message: `Required value: valid values: ${allowed.map((v) => `"${v}"`).join(', ')}`,
      field: `${path}.restartPolicy`,
    });
  } else if (policy !== undefined && !supported.includes(policy)) {
    causes.push({
      reason: 'FieldValueNotSupported',
      message: `Unsupported value: "${policy}": supported values: ${supported.map((v) => `"${v}"`).join(', ')}`,
      field: `${path}.restartPolicy`,
    });
  }
  return causes;
}

function templateSelectorCauses(spec: JsonObject | undefined): StatusCause[] {
  const selector = child(spec, 'selector');
  if (!selector) return [required('spec.selector')];
  const template = child(spec, 'template');
  const labels = labelsOf(template ?? {});
  if (!matchSelectorObject(selector, labels)) {
    return [
      {
        reason: 'FieldValueInvalid',
        message:
          'Invalid value: map[string]string(nil): `selector` does not match template `labels`',
        field: 'spec.template.metadata.labels',
      },
    ];
  }
  return [];
}

function kindCauses(type: ResourceType, obj: JsonObject): StatusCause[] {
  const spec = child(obj, 'spec');
  switch (`${type.group}/${type.kind}`) {
    case '/Pod':
      return podSpecCauses(spec, 'spec');
    case 'batch/Job':
      return podSpecCauses(child(child(spec, 'template'), 'spec'), 'spec.template.spec', [
        'OnFailure',
        'Never',
      ]);
    case 'apps/Deployment':
    case 'apps/ReplicaSet':
    case 'apps/StatefulSet':
    case 'apps/DaemonSet':
      return [
        ...templateSelectorCauses(spec),
        ...podSpecCauses(child(child(spec, 'template'), 'spec'), 'spec.template.spec', ['Always']),
      ];
    case '/Service': {
      const t = str(spec, 'type') ?? 'ClusterIP';
      return t !== 'ExternalName' && !objects(spec, 'ports').length ? [required('spec.ports')] : [];
    }
    case 'rbac.authorization.k8s.io/RoleBinding':
    case 'rbac.authorization.k8s.io/ClusterRoleBinding':
      return str(child(obj, 'roleRef'), 'name') ? [] : [required('roleRef.name')];
    default:
      return [];
  }
}

function fail(type: ResourceType, obj: JsonObject, causes: StatusCause[]): void {
  if (causes.length)
    throw invalid(type.kind, type.group, str(child(obj, 'metadata'), 'name') ?? '', causes);
}

export function validateCreate(type: ResourceType, obj: JsonObject): void {
  const meta = child(obj, 'metadata');
  fail(type, obj, [...nameCauses(type, meta), ...labelCauses(obj), ...kindCauses(type, obj)]);
}

/** Immutable fields on update (batch Job template/selector/completions, Pod spec apart from images). */
export function validateUpdate(type: ResourceType, next: JsonObject, prev: JsonObject): void {
  const causes = [...labelCauses(next), ...kindCauses(type, next)];
  const ns = child(next, 'spec');
  const ps = child(prev, 'spec');
  if (type.group === 'batch' && type.kind === 'Job') {
    for (const f of ['template', 'selector', 'completions']) {
      if (!deepEqual(ns?.[f], ps?.[f]))
        causes.push({
          reason: 'FieldValueInvalid',
          message: 'Invalid value: "object": field is immutable',
          field: `spec.${f}`,
        });
    }
  }
  if (
    type.group === '' &&
    (type.kind === 'ConfigMap' || type.kind === 'Secret') &&
    prev.immutable === true
  ) {
    if (!deepEqual(next.data, prev.data) || !deepEqual(next.binaryData, prev.binaryData)) {
      causes.push({
        reason: 'FieldValueForbidden',
        message: `Forbidden: field is immutable when \`immutable\` is set`,
        field: 'data',
      });
    }
    if (next.immutable !== true)
      causes.push({
        reason: 'FieldValueForbidden',
        message: 'Forbidden: field is immutable when `immutable` is set',
        field: 'immutable',
      });
  }
  if (type.group === '' && type.kind === 'Pod' && !deepEqual(stripImages(ns), stripImages(ps))) {
    causes.push({
      reason: 'FieldValueForbidden',
      message:
        'Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      field: 'spec',
    });
  }
  fail(type, next, causes);
}

function stripImages(spec: JsonObject | undefined): JsonObject {
  const copy = structuredClone(spec ?? {});
  for (const key of ['containers', 'initContainers', 'tolerations']) {
    const list = copy[key];
    if (key === 'tolerations') delete copy[key];
    else if (Array.isArray(list)) for (const c of list) if (isObject(c)) delete c.image;
  }
  delete copy.activeDeadlineSeconds;
  delete copy.terminationGracePeriodSeconds;
  return copy;
}
