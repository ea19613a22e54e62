// Label selectors as k8s.io/apimachinery/pkg/labels/selector_test.go parses and matches them,
// and field selectors with the fields each kind supports.
import { describe, expect, it } from '@jest/globals';
import { ApiError } from '../../src/simulator/errors.js';
import {
  matchFields,
  matchLabels,
  matchSelectorObject,
  parseFieldSelector,
  parseLabelSelector,
} from '../../src/simulator/selectors.js';

const LABELS = { x: '1', y: '2', 'app.kubernetes.io/name': 'web' };

describe('label selectors', () => {
  it.each([
    ['', true],
    ['x=1', true],
    ['x==1', true],
    ['x=2', false],
    ['x!=2', true],
    ['z!=2', true],
    ['x=1,y=2', true],
    ['x=1,y=3', false],
    ['x in (1,3)', true],
    ['x in (3)', false],
    ['x notin (3)', true],
    ['z notin (3)', true],
    ['x', true],
    ['z', false],
    ['!z', true],
    ['!x', false],
    ['app.kubernetes.io/name=web', true],
    ['x in (1, 2),y', true],
  ])('%j matches: %s', (text, expected) => {
    expect(matchLabels(parseLabelSelector(text), LABELS)).toBe(expected);
  });

  it.each(['x in (1', '=x', 'x y', 'bad key!=1'])('%j is a 400', (text) => {
    expect(() => parseLabelSelector(text)).toThrow(ApiError);
  });

  it.each([
    [{ matchLabels: { x: '1' } }, true],
    [{ matchExpressions: [{ key: 'y', operator: 'In', values: ['2', '3'] }] }, true],
    [{ matchExpressions: [{ key: 'y', operator: 'NotIn', values: ['2'] }] }, false],
    [{ matchExpressions: [{ key: 'z', operator: 'DoesNotExist' }] }, true],
    [{ matchLabels: { x: '1' }, matchExpressions: [{ key: 'q', operator: 'Exists' }] }, false],
  ])('LabelSelector object %j matches: %s', (sel, expected) => {
    expect(matchSelectorObject(sel, LABELS)).toBe(expected);
  });
});

describe('field selectors', () => {
  const podObj = { metadata: { name: 'p', namespace: 'ns' }, status: { phase: 'Running' } };
  it.each([
    ['metadata.name=p', true],
    ['metadata.name!=p', false],
    ['metadata.namespace=ns,status.phase=Running', true],
    ['status.phase==Pending', false],
  ])('pod %s: %s', (text, expected) => {
    expect(matchFields(parseFieldSelector(text, 'Pod'), podObj)).toBe(expected);
  });

  it('events select on involvedObject fields', () => {
    const ev = {
      metadata: { name: 'e' },
      involvedObject: { kind: 'Pod', name: 'p' },
      reason: 'Started',
    };
    expect(
      matchFields(
        parseFieldSelector('involvedObject.kind=Pod,involvedObject.name=p,reason=Started', 'Event'),
        ev,
      ),
    ).toBe(true);
  });

  it('an unsupported field is a 400', () => {
    expect(() => parseFieldSelector('spec.replicas=1', 'Deployment')).toThrow(
      'field label not supported: spec.replicas',
    );
  });
});
