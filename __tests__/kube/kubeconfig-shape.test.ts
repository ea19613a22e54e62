/**
 * Issue 10: a kubeconfig's YAML check (kube/kubeconfig-errors.ts) reads it with the block-subset
 * reader (yaml/fast-decode.ts) first, and runs the `yaml` package only for text outside that
 * subset. Both paths must agree: no problem and the same top-level shape as the `yaml`
 * package's document gives, for kubeconfigs in the subset and outside it.
 */
import { describe, expect, it } from '@jest/globals';
import { parseDocument } from 'yaml';
import {
  checkKubeconfig,
  KubeconfigError,
  yamlProblem,
  yamlShape,
} from '../../src/kube/kubeconfig-errors.js';
import { fastDecode } from '../../src/yaml/fast-decode.js';
import { buildKubeconfig } from '../../src/simulator/kubeconfig.js';

/** The general path's answer: the `yaml` package's document alone. */
function general(text: string): { problem: boolean; shape: string } {
  const doc = parseDocument(text, { uniqueKeys: false });
  const v: unknown = doc.errors.length > 0 ? undefined : doc.toJS();
  const shape =
    v === null || v === undefined
      ? 'empty'
      : typeof v === 'object' && !Array.isArray(v)
        ? 'mapping'
        : 'other';
  return { problem: doc.errors.length > 0, shape };
}

const CERT =
  'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUMvakNDQWVhZ0F3SUJBZ0lCQURBTkJna3Foa2lHOXcwQkFRc0ZBREFWTVJNd0VRWURWUVFERXdwcmRXSmwK';
const IN_SUBSET: Record<string, string> = {
  simulator: buildKubeconfig({ server: 'https://127.0.0.1:6443' }),
  'kind-like with certificate data': `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${CERT}
    server: https://127.0.0.1:42000
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: ${CERT}
    client-key-data: ${CERT}
`,
  'duplicate keys (go-yaml v2 keeps the last)': 'apiVersion: v1\nkind: Config\nkind: Config\n',
  'a comment only': '# nothing\n',
  'a sequence': '- a\n- b\n',
};
const OUTSIDE: Record<string, string> = {
  'a scalar': 'just-text\n',
  'flow mapping': '{apiVersion: v1, kind: Config}\n',
  'an anchor': 'a: &x 1\nb: *x\n',
  'a syntax error': 'apiVersion: v1\nkind: [Config\n',
  'a bad indentation': 'a:\n  b: 1\n c: 2\n',
};

describe('kubeconfig YAML check: block-subset reader and yaml package agree (issue 10)', () => {
  it('reads the in-subset documents on the fast path', () => {
    for (const text of Object.values(IN_SUBSET)) expect(fastDecode(text)).not.toBeUndefined();
  });

  for (const [name, text] of Object.entries({ ...IN_SUBSET, ...OUTSIDE })) {
    it(`${name}: the same problem and shape`, () => {
      const g = general(text);
      expect(yamlProblem(text) !== undefined).toBe(g.problem);
      if (!g.problem) expect(yamlShape(text)).toBe(g.shape);
    });
  }

  it('checkKubeconfig: a mapping passes, a scalar or a syntax error fails without content', () => {
    expect(() => checkKubeconfig(IN_SUBSET.simulator!, {})).not.toThrow();
    expect(() => checkKubeconfig('just-text\n', {})).toThrow(KubeconfigError);
    let message = '';
    try {
      checkKubeconfig('token: s3cret\nkind: [Config\n', { path: '/k' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^error loading config file "\/k": yaml: line \d+: /);
    expect(message).not.toContain('s3cret');
  });
});
