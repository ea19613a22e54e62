// The memory driver's keys and namespaces (helm/helm pkg/storage/driver/memory.go v3.21).
import { describe, expect, it } from '@jest/globals';
import { mockRelease } from '../../__fixtures__/releases.js';
import { InvalidKeyError, ReleaseNotFoundError } from '../../src/storage/driver.js';
import { makeKey } from '../../src/storage/keys.js';
import { MemoryDriver } from '../../src/storage/memory.js';

describe('MemoryDriver keys', () => {
  it.each([
    ['sh.helm.release.v1.a'],
    ['sh.helm.release.v1.a.vx'],
    ['sh.helm.release.v1.my.vapp.v1'],
  ])('%s is release: invalid key', async (key) => {
    await expect(new MemoryDriver().get(key)).rejects.toThrow(new InvalidKeyError());
    await expect(new MemoryDriver().delete(key)).rejects.toBeInstanceOf(InvalidKeyError);
  });

  it('update of a missing key is release: not found', async () => {
    await expect(
      new MemoryDriver().update(makeKey('a', 1), mockRelease({ name: 'a' })),
    ).rejects.toBeInstanceOf(ReleaseNotFoundError);
  });

  it('keeps the objects it is given (no copy), as Helm does', async () => {
    const d = new MemoryDriver();
    const rel = mockRelease({ name: 'a' });
    await d.create(makeKey('a', 1), rel);
    expect(await d.get(makeKey('a', 1))).toBe(rel);
  });
});

describe('MemoryDriver namespaces', () => {
  it('create switches namespace; get looks in the current one; "" lists all', async () => {
    const d = new MemoryDriver();
    await d.create(makeKey('a', 1), mockRelease({ name: 'a', namespace: 'one' }));
    await d.create(makeKey('a', 1), mockRelease({ name: 'a', namespace: 'two' }));
    expect((await d.get(makeKey('a', 1))).namespace).toBe('two');
    d.setNamespace('one');
    expect((await d.query({ name: 'a' })).map((r) => r.namespace)).toEqual(['one']);
    d.setNamespace('');
    expect((await d.list(() => true)).map((r) => r.namespace).sort()).toEqual(['one', 'two']);
  });

  it('an empty release namespace means default', async () => {
    const d = new MemoryDriver('other');
    await d.create(makeKey('a', 1), mockRelease({ name: 'a', namespace: '' }));
    d.setNamespace('default');
    expect((await d.get(makeKey('a', 1))).name).toBe('a');
  });
});
