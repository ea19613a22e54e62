/**
 * kube/wire.ts: the API server's JSON for Events, Secrets and ConfigMaps reduced to the wire
 * shapes reports and storage read (timestamps at second precision, as the server writes Time).
 */
import { describe, expect, it } from '@jest/globals';
import { meta, toKubeEvent, wireSecret, writable } from '../../src/kube/wire.js';

describe('toKubeEvent', () => {
  it('a core/v1 event: lastTimestamp and firstTimestamp, eventTime null', () => {
    const e = toKubeEvent({
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: 'Created pod: x',
      count: 2,
      firstTimestamp: '2024-05-01T10:00:00Z',
      lastTimestamp: '2024-05-01T10:00:05Z',
      eventTime: null,
      involvedObject: { uid: 'u1' },
      metadata: { resourceVersion: '42' },
    });
    expect(e).toEqual({
      type: 'Normal',
      reason: 'SuccessfulCreate',
      message: 'Created pod: x',
      count: 2,
      lastTimestamp: '2024-05-01T10:00:05Z',
      firstTimestamp: '2024-05-01T10:00:00Z',
      uid: 'u1',
      sequence: 42,
    });
  });

  it('an events.k8s.io event (only a MicroTime eventTime; the Times null) is read at second precision', () => {
    const e = toKubeEvent({
      reason: 'Scheduled',
      eventTime: '2024-05-01T10:00:07.123456Z',
      firstTimestamp: null,
      lastTimestamp: null,
    });
    expect(e.lastTimestamp).toBe('2024-05-01T10:00:07Z');
    expect(e.firstTimestamp).toBe('2024-05-01T10:00:07Z');
    expect(e.count).toBe(1);
  });

  it('an event with no time at all has none (not the epoch)', () => {
    const e = toKubeEvent({
      reason: 'X',
      lastTimestamp: null,
      eventTime: null,
      firstTimestamp: null,
    });
    expect(e.lastTimestamp).toBeUndefined();
    expect(e.firstTimestamp).toBeUndefined();
    expect(e.sequence).toBeUndefined();
  });
});

describe('Secrets and ConfigMaps', () => {
  it('keep the metadata fields storage reads; data is passed through untouched', () => {
    const s = wireSecret({
      metadata: {
        name: 'sh.helm.release.v1.a.v1',
        namespace: 'ns',
        labels: { owner: 'helm' },
        resourceVersion: '7',
        uid: 'u',
        creationTimestamp: '2024-05-01T10:00:00Z',
      },
      type: 'helm.sh/release.v1',
      data: { release: 'SDRzSQ==' },
    });
    expect(s).toEqual({
      metadata: {
        name: 'sh.helm.release.v1.a.v1',
        namespace: 'ns',
        labels: { owner: 'helm' },
        resourceVersion: '7',
        uid: 'u',
        creationTimestamp: '2024-05-01T10:00:00Z',
      },
      type: 'helm.sh/release.v1',
      data: { release: 'SDRzSQ==' },
    });
    expect(meta(undefined)).toEqual({ name: '' });
  });

  it('writes only the metadata a client sets (no uid, timestamps or managed fields)', () => {
    const body = writable({
      metadata: {
        name: 'a',
        namespace: 'ns',
        labels: { l: '1' },
        annotations: { a: '2' },
        resourceVersion: '3',
        uid: 'u',
        creationTimestamp: '2024-05-01T10:00:00Z',
        managedFields: [],
      },
      data: { k: 'v' },
    });
    expect(JSON.parse(JSON.stringify(body))).toEqual({
      metadata: {
        name: 'a',
        namespace: 'ns',
        labels: { l: '1' },
        annotations: { a: '2' },
        resourceVersion: '3',
      },
      data: { k: 'v' },
    });
  });
});
