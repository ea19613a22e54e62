/** What is masked with core.setSecret: the kubeconfig and its credentials, and Secret data. */
import { describe, expect, it } from '@jest/globals';
import { kubeconfigSecrets, secretDataValues } from '../../src/action/mask.js';

describe('kubeconfigSecrets', () => {
  it('masks the whole text, tokens, and key data encoded and decoded', () => {
    const key = '-----BEGIN KEY-----\nMIIEsecretkeymaterial\n-----END KEY-----';
    const b64 = Buffer.from(key).toString('base64');
    const text = `apiVersion: v1\nusers:\n  - name: u\n    user:\n      token: abc.def.ghi\n      client-key-data: ${b64}\n`;
    const got = kubeconfigSecrets(text);
    expect(got).toEqual(
      expect.arrayContaining([
        text,
        'abc.def.ghi',
        b64,
        '-----BEGIN KEY-----',
        'MIIEsecretkeymaterial',
        '-----END KEY-----',
      ]),
    );
    expect(got).not.toContain('u');
  });

  it('returns nothing for no kubeconfig', () => expect(kubeconfigSecrets('')).toEqual([]));

  // Issue 10: the block-subset reader first, the yaml package where the two could differ.
  const b64 = Buffer.from('-----BEGIN KEY-----\nMIIEsecretkeymaterial\n-----END KEY-----').toString(
    'base64',
  );
  const user = (creds: string): string =>
    `apiVersion: v1\nkind: Config\nusers:\n- name: u\n  user:\n${creds}\ncurrent-context: c\n`;
  const CASES: Record<string, string> = {
    'token and key data': user(`    token: abc.def.ghi\n    client-key-data: ${b64}`),
    'quoted token': user(`    token: "abc:def"`),
    'password yes (a YAML 1.1 boolean)': user(`    username: a\n    password: yes`),
    'password 0o17 (a YAML 1.2 integer)': user(`    password: 0o17`),
    'password 012 (YAML 1.1 octal)': user(`    password: 012`),
    "password '12' quoted": user(`    password: '12'`),
    'duplicate keys (the yaml package rejects them)': user(`    token: one\n    token: two`),
    'a literal block holding key-like lines': user(`    token: t1\n    note: |\n      a: b`),
    'exec plugin with args and env': user(
      `    exec:\n      command: aws\n      args:\n      - eks\n      - get-token\n      env:\n      - name: AWS_PROFILE\n        value: p`,
    ),
    'auth-provider with id-token and refresh-token': user(
      `    auth-provider:\n      name: oidc\n      config:\n        id-token: eyJhbGciOi.x.y\n        refresh-token: r3fr3sh\n        client-secret: s3cr3t`,
    ),
    'flow mapping (outside the subset)': user(`    {token: flowtoken}`),
  };
  for (const [name, text] of Object.entries(CASES)) {
    it(`${name}: the fast path masks what the yaml package's parse masks`, () => {
      expect(kubeconfigSecrets(text)).toEqual(kubeconfigSecrets(text, { fast: false }));
    });
  }

  it('the fast path finds real credentials', () => {
    const got = kubeconfigSecrets(CASES['auth-provider with id-token and refresh-token']!);
    expect(got).toEqual(expect.arrayContaining(['eyJhbGciOi.x.y', 'r3fr3sh', 's3cr3t']));
  });
});

describe('secretDataValues', () => {
  it('masks Secret data (and its decoded form) and stringData, not other kinds', () => {
    const manifest = [
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: visible\n',
      `---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  password: ${Buffer.from('hunter2').toString('base64')}\nstringData:\n  token: plain-token\n`,
    ].join('');
    expect(secretDataValues(manifest)).toEqual([
      Buffer.from('hunter2').toString('base64'),
      'hunter2',
      'plain-token',
    ]);
  });
});
