/** Template errors as annotations: `<chart dir>/<path in chart>`, Go's 0-based column + 1. */
import { describe, expect, it } from '@jest/globals';
import { annotationOf, renderErrorOf } from '../../src/action/template.js';
import { RenderError } from '../../src/engine/errors.js';
import { ReleaseRenderError } from '../../src/lifecycle/render-chart.js';

describe('annotationOf', () => {
  it.each([
    [
      { file: 'app/templates/cm.yaml', line: 4, col: 9 },
      { file: 'charts/app/templates/cm.yaml', startLine: 4, startColumn: 10 },
    ],
    [
      { file: 'app/charts/db/templates/s.yaml', line: 2 },
      { file: 'charts/app/charts/db/templates/s.yaml', startLine: 2 },
    ],
  ])('%j', (location, want) => {
    const err = new ReleaseRenderError(new RenderError('boom', 'execute', location));
    expect(annotationOf(err, 'charts/app')).toEqual(want);
  });

  it('has none without a location or a RenderError', () => {
    expect(annotationOf(new RenderError('x', 'parse', undefined), 'c')).toBeUndefined();
    expect(annotationOf(new Error('x'), 'c')).toBeUndefined();
    expect(renderErrorOf('text')).toBeUndefined();
  });
});
