/**
 * `.Capabilities`, mirroring helm pkg/chartutil/capabilities.go and internal/version (v3.21.4):
 * KubeVersion (default v1.36.0, what release binaries built on client-go v0.36 report),
 * APIVersions (a VersionSet with `Has`), HelmVersion (BuildInfo). `--kube-version` is parsed
 * with Masterminds semver (leading `v` optional); `--api-versions` are appended.
 */
import type { GoJsonField } from '../gojson/tree.js';
import { fn } from '../gotemplate/functions.js';
import {
  GoStruct,
  stringSlice,
  tagType,
  type GoTypeInfo,
  type GoValue,
} from '../gotemplate/values.js';
import { newVersion, type Version } from '../semver/index.js';
import { DEFAULT_API_VERSIONS } from './api-versions.js';

export class KubeVersionError extends Error {
  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`invalid kube version '${input}': ${reason}`);
    this.name = 'KubeVersionError';
  }
}

/** chartutil.KubeVersion. `GitVersion` and `String` are (deprecated) methods returning Version. */
export class KubeVersion extends GoStruct {
  readonly fieldNames = ['Version', 'Major', 'Minor'] as const;
  readonly goType: GoTypeInfo;

  constructor(
    readonly version: string,
    readonly major: string,
    readonly minor: string,
  ) {
    super();
    const self = this.version;
    this.goType = {
      name: 'chartutil.KubeVersion',
      kind: 'struct',
      methods: {
        GitVersion: fn('GitVersion', { params: [] }, () => self),
        String: fn('String', { params: [] }, () => self),
      },
    };
  }

  /** fmt.Stringer (pointer receiver; template fields are addressable, so templates use it). */
  goString(): string {
    return this.version;
  }

  field(name: string): GoValue {
    if (name === 'Version') return this.version;
    if (name === 'Major') return this.major;
    return this.minor;
  }
}

/** chartutil.ParseKubeVersion: `1.20`, `v1.20.3` … → KubeVersion. */
export function parseKubeVersion(input: string): KubeVersion {
  let sv: Version;
  try {
    sv = newVersion(input);
  } catch (e) {
    throw new KubeVersionError(input, (e as Error).message);
  }
  return new KubeVersion(`v${sv.toString()}`, sv.major.toString(), sv.minor.toString());
}

/** helm internal/version.BuildInfo. */
export class HelmBuildInfo extends GoStruct {
  readonly fieldNames = ['Version', 'GitCommit', 'GitTreeState', 'GoVersion'] as const;
  /** helm internal/version BuildInfo's json tags (all omitempty). */
  readonly jsonFields: readonly GoJsonField[] = [
    { field: 'Version', name: 'version', omitempty: true },
    { field: 'GitCommit', name: 'git_commit', omitempty: true },
    { field: 'GitTreeState', name: 'git_tree_state', omitempty: true },
    { field: 'GoVersion', name: 'go_version', omitempty: true },
  ];
  readonly goType: GoTypeInfo = { name: 'version.BuildInfo', kind: 'struct' };

  constructor(
    readonly version: string,
    readonly gitCommit: string,
    readonly gitTreeState: string,
    readonly goVersion: string,
  ) {
    super();
  }

  field(name: string): GoValue {
    switch (name) {
      case 'Version':
        return this.version;
      case 'GitCommit':
        return this.gitCommit;
      case 'GitTreeState':
        return this.gitTreeState;
      default:
        return this.goVersion;
    }
  }
}

/** The Helm release hookline reproduces (tag v3.21.4). */
export const HELM_VERSION = new HelmBuildInfo(
  'v3.21.4',
  '813176c51bb5c181dbbd7901298ddcc104cd3417',
  'clean',
  'go1.25.9',
);

/** A chartutil.VersionSet ([]string with a `Has` method). */
export function versionSet(versions: readonly string[]): GoValue[] {
  const list = stringSlice([...versions]);
  const has = fn('Has', { params: ['string'] }, (v: string) => list.includes(v));
  return tagType(list, {
    name: 'chartutil.VersionSet',
    kind: 'slice',
    elem: 'string',
    methods: { Has: has },
  });
}

/** chartutil.Capabilities (used through a pointer: `*chartutil.Capabilities`). */
export class Capabilities extends GoStruct {
  readonly fieldNames = ['KubeVersion', 'APIVersions', 'HelmVersion'] as const;
  readonly goType: GoTypeInfo = { name: '*chartutil.Capabilities', kind: 'ptr' };
  readonly apiVersions: GoValue[];

  constructor(
    readonly kubeVersion: KubeVersion,
    apiVersions: readonly string[],
    readonly helmVersion: HelmBuildInfo = HELM_VERSION,
  ) {
    super();
    this.apiVersions = versionSet(apiVersions);
  }

  /** VersionSet.Has. */
  has(apiVersion: string): boolean {
    return this.apiVersions.includes(apiVersion);
  }

  field(name: string): GoValue {
    if (name === 'KubeVersion') return this.kubeVersion;
    if (name === 'APIVersions') return this.apiVersions;
    return this.helmVersion;
  }
}

export const DEFAULT_KUBE_VERSION = new KubeVersion('v1.36.0', '1', '36');

export interface CapabilitiesOptions {
  /** `--kube-version` as typed (leading `v` optional). */
  kubeVersion?: string;
  /** `--api-versions`, appended to the defaults. */
  apiVersions?: readonly string[];
  /**
   * The version reported as `.Capabilities.HelmVersion.Version` (default v3.21.4), to reproduce
   * output of charts rendered by another Helm release.
   */
  helmVersion?: string;
}

/** DefaultCapabilities with the client-only overrides of `helm template`. */
export function defaultCapabilities(opts: CapabilitiesOptions = {}): Capabilities {
  const kv = opts.kubeVersion ? parseKubeVersion(opts.kubeVersion) : DEFAULT_KUBE_VERSION;
  const helm = opts.helmVersion
    ? new HelmBuildInfo(
        opts.helmVersion,
        HELM_VERSION.gitCommit,
        HELM_VERSION.gitTreeState,
        HELM_VERSION.goVersion,
      )
    : HELM_VERSION;
  return new Capabilities(kv, [...DEFAULT_API_VERSIONS, ...(opts.apiVersions ?? [])], helm);
}
