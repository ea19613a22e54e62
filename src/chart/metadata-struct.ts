/**
 * `.Chart` as templates see it: Go's *chart.Metadata (capitalised fields in declaration order,
 * helm pkg/chart/metadata.go), plus the engine's `IsRoot` (pkg/engine/engine.go embeds the
 * metadata in `struct { chart.Metadata; IsRoot bool }`). Promoted fields are listed flat.
 */
import {
  GoStruct,
  STRING_MAP,
  STRING_SLICE,
  newMap,
  nilMap,
  nilSlice,
  tagType,
  type GoSlice,
  type GoTypeInfo,
  type GoValue,
} from '../gotemplate/values.js';
import type { GoJsonField } from '../gojson/tree.js';
import { isNilCollection } from './metadata.js';
import type { Dependency, Maintainer, Metadata } from './types.js';

/**
 * A slice field: nil (JSON `null`) when Chart.yaml left it out or set it to null, else the
 * items (an explicit `[]` stays an empty, non-nil slice). See metadata.ts isNilCollection.
 */
function sliceField<T>(list: readonly T[], info: GoTypeInfo, item: (x: T) => GoValue): GoSlice {
  if (isNilCollection(list)) return nilSlice(info);
  return tagType(list.map(item), info);
}

const MAINTAINERS: GoTypeInfo = {
  name: '[]*chart.Maintainer',
  kind: 'slice',
  elem: '*chart.Maintainer',
};
const DEPENDENCIES: GoTypeInfo = {
  name: '[]*chart.Dependency',
  kind: 'slice',
  elem: '*chart.Dependency',
};

const METADATA_FIELDS = [
  'Name',
  'Home',
  'Sources',
  'Version',
  'Description',
  'Keywords',
  'Maintainers',
  'Icon',
  'APIVersion',
  'Condition',
  'Tags',
  'AppVersion',
  'Deprecated',
  'Annotations',
  'KubeVersion',
  'Dependencies',
  'Type',
] as const;

/** `json` tags of helm pkg/chart/metadata.go (toJson/toYaml of `.Chart` use them). */
const tag = (field: string, name: string, omitempty = true): GoJsonField => ({
  field,
  name,
  omitempty,
});

const METADATA_JSON: readonly GoJsonField[] = [
  tag('Name', 'name'),
  tag('Home', 'home'),
  tag('Sources', 'sources'),
  tag('Version', 'version'),
  tag('Description', 'description'),
  tag('Keywords', 'keywords'),
  tag('Maintainers', 'maintainers'),
  tag('Icon', 'icon'),
  tag('APIVersion', 'apiVersion'),
  tag('Condition', 'condition'),
  tag('Tags', 'tags'),
  tag('AppVersion', 'appVersion'),
  tag('Deprecated', 'deprecated'),
  tag('Annotations', 'annotations'),
  tag('KubeVersion', 'kubeVersion'),
  tag('Dependencies', 'dependencies'),
  tag('Type', 'type'),
];

export class MaintainerStruct extends GoStruct {
  readonly jsonFields: readonly GoJsonField[] = [
    tag('Name', 'name'),
    tag('Email', 'email'),
    tag('URL', 'url'),
  ];
  readonly fieldNames = ['Name', 'Email', 'URL'] as const;
  readonly goType: GoTypeInfo = { name: '*chart.Maintainer', kind: 'ptr' };

  constructor(readonly m: Maintainer) {
    super();
  }

  field(name: string): GoValue {
    if (name === 'Name') return this.m.name;
    if (name === 'Email') return this.m.email;
    return this.m.url;
  }
}

export class DependencyStruct extends GoStruct {
  readonly jsonFields: readonly GoJsonField[] = [
    tag('Name', 'name', false),
    tag('Version', 'version'),
    tag('Repository', 'repository', false),
    tag('Condition', 'condition'),
    tag('Tags', 'tags'),
    tag('Enabled', 'enabled'),
    tag('ImportValues', 'import-values'),
    tag('Alias', 'alias'),
  ];
  readonly fieldNames = [
    'Name',
    'Version',
    'Repository',
    'Condition',
    'Tags',
    'Enabled',
    'ImportValues',
    'Alias',
  ] as const;
  readonly goType: GoTypeInfo = { name: '*chart.Dependency', kind: 'ptr' };

  constructor(readonly d: Dependency) {
    super();
  }

  field(name: string): GoValue {
    const d = this.d;
    const values: Record<string, GoValue> = {
      Name: d.name,
      Version: d.version,
      Repository: d.repository,
      Condition: d.condition,
      Tags: sliceField(d.tags, STRING_SLICE, (t) => t),
      Enabled: d.enabled,
      ImportValues: isNilCollection(d.importValues) ? nilSlice() : [...d.importValues],
      Alias: d.alias,
    };
    return values[name] ?? null;
  }
}

function metadataField(md: Metadata, name: string): GoValue {
  switch (name) {
    case 'Name':
      return md.name;
    case 'Home':
      return md.home;
    case 'Sources':
      return sliceField(md.sources, STRING_SLICE, (x) => x);
    case 'Version':
      return md.version;
    case 'Description':
      return md.description;
    case 'Keywords':
      return sliceField(md.keywords, STRING_SLICE, (x) => x);
    case 'Maintainers':
      return sliceField(md.maintainers, MAINTAINERS, (m) => new MaintainerStruct(m));
    case 'Icon':
      return md.icon;
    case 'APIVersion':
      return md.apiVersion;
    case 'Condition':
      return md.condition;
    case 'Tags':
      return md.tags;
    case 'AppVersion':
      return md.appVersion;
    case 'Deprecated':
      return md.deprecated;
    case 'Annotations':
      // A nil map[string]string when Chart.yaml has no annotations (toJson prints `null`).
      if (isNilCollection(md.annotations)) return nilMap(STRING_MAP);
      return tagType(newMap(Object.entries(md.annotations)), STRING_MAP);
    case 'KubeVersion':
      return md.kubeVersion;
    case 'Dependencies':
      return sliceField(md.dependencies, DEPENDENCIES, (d) => new DependencyStruct(d));
    default:
      return md.type;
  }
}

/** *chart.Metadata. */
export class MetadataStruct extends GoStruct {
  readonly fieldNames: readonly string[] = METADATA_FIELDS;
  readonly jsonFields = METADATA_JSON;
  readonly goType: GoTypeInfo = { name: '*chart.Metadata', kind: 'ptr' };

  constructor(readonly metadata: Metadata) {
    super();
  }

  field(name: string): GoValue {
    return metadataField(this.metadata, name);
  }
}

/** The engine's `.Chart`: the metadata fields plus IsRoot. */
export class ChartInfoStruct extends GoStruct {
  readonly fieldNames: readonly string[] = [...METADATA_FIELDS, 'IsRoot'];
  /** The embedded Metadata's tagged fields are promoted; IsRoot has no tag. */
  readonly jsonFields: readonly GoJsonField[] = [...METADATA_JSON, tag('IsRoot', 'IsRoot', false)];
  readonly goType: GoTypeInfo = { name: 'struct { chart.Metadata; IsRoot bool }', kind: 'struct' };

  constructor(
    readonly metadata: Metadata,
    readonly isRoot: boolean,
  ) {
    super();
  }

  field(name: string): GoValue {
    return name === 'IsRoot' ? this.isRoot : metadataField(this.metadata, name);
  }
}
