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
