/**
 * Round trips against real Helm output (docs/design.md decision 3: "the conformance corpus
 * decides"): toYaml blocks isolated from the generated corpus (Helm v3.11.3) and from the
 * prometheus-community real-chart goldens, and every values file and rendered document of the
 * corpus read (Helm read them all): each decodes to what its text says (kind, metadata.name),
 * equal through the YAML fast path and the general decoder, and survives a marshal round trip.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { GoMap, GoValue } from '../../src/gotemplate/values.js';
import { isMap, mapGet } from '../../src/gotemplate/values.js';
import { splitManifests } from '../../src/manifest/split.js';
import { decodeYamlGeneral } from '../../src/yaml/decode.js';
import { marshalYaml, parseValuesYaml, parseYamlArray, yamlToGo } from '../../src/yaml/index.js';
import {
  chartValuesText,
  realFileText,
  realToYamlCases,
  realValuesText,
  toYamlCases,
} from './corpus.js';

const CONFORMANCE = '/work/shared/conformance';

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function at(v: GoValue, path: string[]): GoValue {
  let cur = v;
  for (const p of path) cur = isMap(cur) ? (mapGet(cur, p) ?? null) : null;
  return cur;
}

/** fromYaml / fromYamlArray as Helm's funcs.go: errors land in the result. */
function fromYaml(kind: string, text: string): GoValue {
  try {
    return kind === 'Yaml' ? parseValuesYaml(text) : parseYamlArray(text);
  } catch (err) {
    const msg = (err as Error).message;
    return kind === 'Yaml' ? { Error: msg } : [msg];
  }
}

function evaluate(chart: string, expr: string): GoValue {
  const from = /^from(Yaml|YamlArray) "(.*)"$/.exec(expr);
  if (from) return fromYaml(from[1]!, JSON.parse(`"${from[2]!}"`) as string);
  return at(parseValuesYaml(chartValuesText(chart)), expr.replace(/^\$/, '').split('.').slice(2));
}

describe('toYaml against the generated corpus goldens', () => {
  const cases = toYamlCases();
  it('finds the isolatable cases', () => {
    expect(cases.length).toBeGreaterThan(200);
  });
  it.each(cases.map((c) => [c.id, c.expr, c.expected] as const))('%s: %s', (id, expr, expected) => {
    expect(marshalYaml(evaluate(id.split('/')[0]!, expr)).replace(/\n$/, '')).toBe(expected);
  });
});

/**
 * Stand-in for Helm's coalescing of `-f` files over chart defaults where it matters here:
 * maps merge recursively, a null deletes the key, anything else replaces (helm-semantics VAL-3).
 */
function overlay(dst: GoMap, src: GoMap): GoMap {
  for (const [k, v] of Object.entries(src)) {
    const cur = mapGet(dst, k);
    if (v === null) delete dst[k];
    else if (isMap(v) && cur !== undefined && isMap(cur)) overlay(cur, v);
    else dst[k] = v;
  }
  return dst;
}

describe('toYaml against the real-chart goldens', () => {
  const cases = realToYamlCases();
  it('finds the isolatable cases', () => {
    expect(cases.length).toBeGreaterThan(120);
  });
  it.each(cases.map((c) => [c.id, c.chart, c.valuesFiles, c.path, c.expected] as const))(
    '%s',
    (_id, chart, files, path, expected) => {
      const values = files.reduce(
        (acc, f) => overlay(acc, parseValuesYaml(realFileText(f))),
        parseValuesYaml(realValuesText(chart)),
      );
      expect(marshalYaml(at(values, path)).replace(/\n$/, '')).toBe(expected);
    },
  );
});

/**
 * What a decoded document must say, read off its text: the top-level `kind:` and the
 * `metadata.name` directly under `metadata:`, when they are plain words.
 */
function headOfText(doc: string): { kind?: string; name?: string } {
  const kind = /^kind: ([A-Za-z0-9]+)[ \t]*$/m.exec(doc)?.[1];
  const name = /^metadata:\n(?: {2}[^\n]*\n)*? {2}name: ([a-z0-9][a-z0-9.-]*)[ \t]*$/m.exec(
    doc,
  )?.[1];
  return { ...(kind ? { kind } : {}), ...(name ? { name } : {}) };
}

/** Decoding what marshalYaml wrote gives the same value back (keys come back sorted, as Go's). */
function expectRoundTrip(v: GoValue): void {
  expect(yamlToGo(marshalYaml(v))).toEqual(v);
}

describe('reading the whole corpus', () => {
  const files = walk(CONFORMANCE);
  const valuesFiles = files.filter(
    (p) => /\/values[^/]*\.yaml$/.test(p) && !p.includes('/templates/'),
  );

  it.each(valuesFiles)('values file %s', (p) => {
    const text = readFileSync(p, 'utf8');
    const values = parseValuesYaml(text);
    // The fast path (where it applies) and the general decoder read the same values.
    expect(JSON.stringify(values)).toBe(JSON.stringify(decodeYamlGeneral(text) ?? {}));
    expectRoundTrip(values);
  });

  const goldens = files.filter((p) => /\/golden\/.*\.yaml$/.test(p));
  it.each(goldens)('every rendered document of %s', (p) => {
    const pieces = splitManifests(readFileSync(p, 'utf8'));
    let named = 0;
    for (const piece of pieces) {
      const doc = yamlToGo(piece);
      expect(JSON.stringify(doc)).toBe(JSON.stringify(decodeYamlGeneral(piece)));
      if (doc === null) continue; // comment-only documents decode to nothing
      expect(isMap(doc)).toBe(true);
      const want = headOfText(piece);
      if (want.kind !== undefined) expect(mapGet(doc as GoMap, 'kind')).toBe(want.kind);
      if (want.name !== undefined) {
        expect(at(doc, ['metadata', 'name'])).toBe(want.name);
        named++;
      }
      expectRoundTrip(doc);
    }
    // Every golden renders at least one object whose name could be checked, or is empty.
    expect(named > 0 || pieces.every((d) => yamlToGo(d) === null) || pieces.length === 0).toBe(
      true,
    );
  });
});
