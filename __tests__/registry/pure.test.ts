/**
 * The pure parts of the OCI client: references (helm pkg/registry/reference.go), tag selection
 * (tag.go, client.go Tags), challenges, credentials from config.json, and the chart artifact.
 */
import { describe, expect, test } from '@jest/globals';
import {
  parseOciReference,
  OciReferenceError,
  tagForVersion,
} from '../../src/registry/reference.js';
import {
  semverTags,
  tagMatchingVersionOrConstraint,
  isExactVersion,
  NoMatchingTagError,
} from '../../src/registry/tags.js';
import { parseChallenge } from '../../src/registry/challenge.js';
import {
  credentialFromAuths,
  helperFor,
  normalizeKey,
  withAuth,
} from '../../src/registry/credentials.js';
import {
  buildChartArtifact,
  readChartManifest,
  ChartManifestError,
  ociAnnotations,
} from '../../src/registry/manifest.js';
import { emptyMetadata } from '../../src/chart/types.js';

describe('OCI references', () => {
  test.each([
    [
      'oci://ghcr.io/acme/charts/web',
      { registry: 'ghcr.io', repository: 'acme/charts/web', tag: '', digest: '' },
    ],
    [
      'localhost:5000/web:1.0.0+b.1',
      { registry: 'localhost:5000', repository: 'web', tag: '1.0.0_b.1', digest: '' },
    ],
    [
      `oci://r.io/a/b@sha256:${'a'.repeat(64)}`,
      { registry: 'r.io', repository: 'a/b', tag: '', digest: `sha256:${'a'.repeat(64)}` },
    ],
    [
      `r.io/a/b:1.2.3@sha256:${'b'.repeat(64)}`,
      { registry: 'r.io', repository: 'a/b', tag: '1.2.3', digest: `sha256:${'b'.repeat(64)}` },
    ],
  ])('%s', (raw, want) => {
    expect(parseOciReference(raw)).toEqual(want);
  });
  test.each([
    'oci://noslash',
    'oci://r.io/UPPER/case',
    'oci://r.io/a@sha256:short',
    'oci://r.io/a:bad tag',
  ])('refuses %s', (raw) => {
    expect(() => parseOciReference(raw)).toThrow(OciReferenceError);
  });
  test('+ in a version becomes _ in the tag', () => {
    expect(tagForVersion('1.0.0+meta.2')).toBe('1.0.0_meta.2');
  });
});

describe('tag selection (GetTagMatchingVersionOrConstraint)', () => {
  const tags = semverTags(['latest', '0.1.0', '1.0.0', '1.0.0_b.2', '1.1.0-rc.1', 'v2', '0.9.9']);
  test('Tags: strict semver only, newest first, _ read back as +', () => {
    expect(tags).toEqual(['1.1.0-rc.1', '1.0.0', '1.0.0+b.2', '0.9.9', '0.1.0']);
  });
  test('empty version: newest non-prerelease', () => {
    expect(tagMatchingVersionOrConstraint(tags, '', 'r')).toBe('1.0.0');
  });
  test('exact match first, then the constraint', () => {
    expect(tagMatchingVersionOrConstraint(tags, '1.0.0+b.2', 'r')).toBe('1.0.0+b.2');
    expect(tagMatchingVersionOrConstraint(tags, '<1.0.0', 'r')).toBe('0.9.9');
    expect(tagMatchingVersionOrConstraint(tags, '>=1.1.0-0', 'r')).toBe('1.1.0-rc.1');
  });
  test('no match lists what exists', () => {
    expect(() => tagMatchingVersionOrConstraint(tags, '^3', 'oci://r/x')).toThrow(
      NoMatchingTagError,
    );
    expect(() => tagMatchingVersionOrConstraint([], '^3', 'oci://r/x')).toThrow(
      'unable to locate any tags in provided repository: oci://r/x',
    );
  });
  test('a version that parses as semver is used as the tag without listing (ValidateReference)', () => {
    expect(isExactVersion('1.2')).toBe(true);
    expect(isExactVersion('^1.2')).toBe(false);
    expect(isExactVersion('')).toBe(false);
  });
});

describe('WWW-Authenticate', () => {
  test('bearer with quoted params', () => {
    expect(
      parseChallenge(
        'Bearer realm="https://auth.io/token",service="registry.io",scope="repository:a/b:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.io/token',
        service: 'registry.io',
        scope: 'repository:a/b:pull,push',
      },
    });
  });
  test('basic', () => {
    expect(parseChallenge('Basic realm="x"')?.scheme).toBe('basic');
  });
});

describe('config.json credentials', () => {
  const auth = Buffer.from('me:pa:ss').toString('base64');
  test('auths by host, by URL key, and Docker Hub legacy key', () => {
    expect(credentialFromAuths({ auths: { 'ghcr.io': { auth } } }, 'ghcr.io')).toEqual({
      username: 'me',
      password: 'pa:ss',
    });
    expect(
      credentialFromAuths({ auths: { 'https://ghcr.io/v1/': { auth } } }, 'ghcr.io')?.username,
    ).toBe('me');
    expect(
      credentialFromAuths({ auths: { 'https://index.docker.io/v1/': { auth } } }, 'docker.io')
        ?.username,
    ).toBe('me');
    expect(credentialFromAuths({ auths: { 'ghcr.io': { auth } } }, 'quay.io')).toBeUndefined();
    expect(
      credentialFromAuths({ auths: { 'r.io': { identitytoken: 'tok' } } }, 'r.io')?.identityToken,
    ).toBe('tok');
  });
  test('credential helpers', () => {
    expect(helperFor({ credHelpers: { 'r.io': 'ecr-login' }, credsStore: 'desktop' }, 'r.io')).toBe(
      'ecr-login',
    );
    expect(helperFor({ credsStore: 'desktop' }, 'x.io')).toBe('desktop');
  });
  test('login writes base64 user:pass under the host', () => {
    const c = withAuth({}, 'r.io', { username: 'a', password: 'b' });
    expect(c.auths?.['r.io']?.auth).toBe(Buffer.from('a:b').toString('base64'));
    expect(normalizeKey('https://r.io:5000/v2/')).toBe('r.io:5000');
  });
});

describe('chart artifact (Push)', () => {
  const md = {
    ...emptyMetadata(),
    apiVersion: 'v2',
    name: 'web',
    version: '1.0.0',
    description: 'd <&>',
  };
  test('config is json.Marshal(metadata); layers sorted; annotations from the chart', () => {
    const a = buildChartArtifact({
      chart: new Uint8Array([1, 2, 3]),
      metadata: md,
      prov: new Uint8Array([9]),
      creationTime: '2024-01-01T00:00:00Z',
    });
    expect(new TextDecoder().decode(a.config)).toBe(
      '{"name":"web","version":"1.0.0","description":"d \\u003c\\u0026\\u003e","apiVersion":"v2"}',
    );
    const m = JSON.parse(new TextDecoder().decode(a.manifest)) as {
      layers: Array<{ digest: string }>;
    };
    expect(m.layers.map((l) => l.digest)).toEqual([...m.layers.map((l) => l.digest)].sort());
    expect(new TextDecoder().decode(a.manifest)).toMatch(
      /^\{"schemaVersion":2,"config":\{"mediaType":"application\/vnd\.cncf\.helm\.config\.v1\+json"/,
    );
    expect(a.blobs.size).toBe(3);
    const layers = readChartManifest(a.manifest, { withChart: true, withProv: true });
    expect(layers.prov?.size).toBe(1);
  });
  test('chart annotations are copied except title and version', () => {
    const ann = ociAnnotations(
      { ...md, annotations: { 'org.opencontainers.image.title': 'x', k: 'v' } },
      'T',
    );
    expect(ann.get('org.opencontainers.image.title')).toBe('web');
    expect(ann.get('k')).toBe('v');
  });
  test("a manifest without Helm's config or chart layer is refused", () => {
    const bad = new TextEncoder().encode(
      JSON.stringify({
        config: { mediaType: 'x', digest: 'sha256:1', size: 1 },
        layers: [{ mediaType: 'y', digest: 'sha256:2', size: 1 }],
      }),
    );
    expect(() => readChartManifest(bad, { withChart: true, withProv: false })).toThrow(
      ChartManifestError,
    );
    expect(() => readChartManifest(bad, { withChart: true, withProv: false })).toThrow(
      'could not load config with mediatype application/vnd.cncf.helm.config.v1+json',
    );
  });
});
