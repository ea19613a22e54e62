/**
 * The API server's Warning headers as client-go's ParseWarningHeaders and default handler read
 * them (k8s.io/client-go rest/warnings.go), and through the real node-client against the
 * simulator, which warns of fields it drops as a Kubernetes 1.25+ server does.
 */
import { describe, expect, it } from '@jest/globals';
import { createNodeClient } from '../../src/kube/node-client.js';
import { onceEach, parseWarningHeaders, shownWarnings } from '../../src/kube/warning-header.js';
import { startSimulator } from '../../src/simulator/index.js';

describe('parseWarningHeaders', () => {
  it('reads code, agent and quoted text, with escapes, an optional date and commas', () => {
    expect(parseWarningHeaders('299 - "a \\"quoted\\" \\\\ text"')).toEqual([
      { code: 299, agent: '-', text: 'a "quoted" \\ text' },
    ]);
    expect(
      parseWarningHeaders(
        '299 - "first" "Mon, 07 Dec 2026 19:00:00 GMT", 199 kube-apiserver "second",299 - "third"',
      ),
    ).toEqual([
      { code: 299, agent: '-', text: 'first' },
      { code: 199, agent: 'kube-apiserver', text: 'second' },
      { code: 299, agent: '-', text: 'third' },
    ]);
  });

  it('keeps what came before a malformed warning and drops the rest of the header', () => {
    expect(parseWarningHeaders('299 - "ok", 29 - "short code", 299 - "lost"')).toEqual([
      { code: 299, agent: '-', text: 'ok' },
    ]);
    expect(parseWarningHeaders('299 -')).toEqual([]);
    expect(parseWarningHeaders('299 - unquoted')).toEqual([]);
    expect(parseWarningHeaders('299 - "unterminated')).toEqual([]);
    expect(parseWarningHeaders('299 - "a" junk')).toEqual([]);
    expect(parseWarningHeaders('299 - "bell\u0007"')).toEqual([]);
  });

  it('shows the texts of code 299 only, not empty ones', () => {
    expect(shownWarnings('199 - "misc", 299 - "", 299 - "deprecated"')).toEqual(['deprecated']);
    expect(shownWarnings(undefined)).toEqual([]);
  });

  it('onceEach shows each distinct text once', () => {
    const shown: string[] = [];
    const show = onceEach((t) => shown.push(t));
    for (const t of ['a', 'b', 'a']) show(t);
    expect(shown).toEqual(['a', 'b']);
  });
});

describe('onWarning through node-client', () => {
  it("is told of the fields the server dropped (fieldValidation's default, Warn)", async () => {
    const sim = await startSimulator();
    try {
      const warnings: string[] = [];
      const client = createNodeClient({
        kubeconfig: sim.kubeconfig,
        onWarning: (t) => warnings.push(t),
      });
      await client.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'warned', namespace: 'default' },
        data: { a: '1' },
        bogus: true,
      } as never);
      expect(warnings).toEqual(['unknown field "bogus"']);
    } finally {
      await sim.close();
    }
  });
});
