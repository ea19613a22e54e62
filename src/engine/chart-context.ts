/**
 * `.Chart` as templates see it in Helm 3.21: an anonymous struct embedding `chart.Metadata`
 * plus `IsRoot` (helm/helm pkg/engine/engine.go `recAllTpls`). Field names are Go's.
 */
import type { Dependency, Maintainer, Metadata } from '../chart/types.js';
import type { GoTypeInfo, GoValue } from '../gotemplate/values.js';
import { GoStruct, STRING_MAP, newMap, stringSlice, tagType } from '../gotemplate/values.js';

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

class MaintainerValue extends GoStruct {
  readonly goType: GoTypeInfo = { name: '*chart.Maintainer', kind: 'ptr' };
  readonly fieldNames = ['Name', 'Email', 'URL'] as const;
  constructor(private readonly m: Maintainer) {
    super();
  }
  field(name: string): GoValue {
    if (name === 'Name') return this.m.name;
    if (name === 'Email') return this.m.email;
    return this.m.url;
  }
}

class DependencyValue extends GoStruct {
  readonly goType: GoTypeInfo = { name: '*chart.Dependency', kind: 'ptr' };
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
  constructor(private readonly d: Dependency) {
    super();
  }
  field(name: string): GoValue {
    const d = this.d;
    switch (name) {
      case 'Name':
        return d.name;
      case 'Version':
        return d.version;
      case 'Repository':
        return d.repository;
      case 'Condition':
        return d.condition;
      case 'Tags':
        return stringSlice([...d.tags]);
      case 'Enabled':
        return d.enabled;
      case 'ImportValues':
        return [...d.importValues];
      default:
        return d.alias;
    }
  }
}

function metadataField(md: Metadata, name: string): GoValue {
  switch (name) {
    case 'Name':
      return md.name;
    case 'Home':
      return md.home;
    case 'Sources':
      return stringSlice([...md.sources]);
    case 'Version':
      return md.version;
    case 'Description':
      return md.description;
    case 'Keywords':
      return stringSlice([...md.keywords]);
    case 'Maintainers':
      return md.maintainers.map((m) => new MaintainerValue(m));
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
      return tagType(newMap(Object.entries(md.annotations)), STRING_MAP);
    case 'KubeVersion':
      return md.kubeVersion;
    case 'Dependencies':
      return md.dependencies.map((d) => new DependencyValue(d));
    default:
      return md.type;
  }
}

/** The value of `.Chart` for one chart of the tree. */
export class ChartContext extends GoStruct {
  readonly goType: GoTypeInfo = { name: 'struct { chart.Metadata; IsRoot bool }', kind: 'struct' };
  readonly fieldNames: readonly string[] = [...METADATA_FIELDS, 'IsRoot'];
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
