/**
 * getHostByName: Helm 3.11.1+ without --enable-dns renders "" (helm/helm pkg/engine), as the
 * Helm v3.11.3 goldens in ../shared/conformance/generated show for "localhost" and "example.com".
 */
import { describe, expect, it } from '@jest/globals';
import { networkFuncs } from '../../src/sprig/network.js';

describe('getHostByName', () => {
  it.each(['localhost', 'example.com', ''])('returns "" for %j without any lookup', (name) => {
    const [f] = networkFuncs;
    expect(f.name).toBe('getHostByName');
    expect(f.signature.params).toEqual(['string']);
    expect(f.impl(name)).toBe('');
  });
});
