/**
 * Issue 8: every golden summary (success, failed hook, timed-out wait, atomic rollback, dry-run
 * plan with a Secret, template, cancelled) rendered with a real CommonMark/GFM parser
 * (markdown-it): tables, `<details>` blocks holding fenced code, no escaping visible, no Secret
 * value. The goldens are __fixtures__/golden/summaries/*.md (HOOKLINE_UPDATE_GOLDEN=1 rewrites).
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderSummary } from '../../src/action/summary.js';
import { render } from '../helpers/markdown.js';
import { goldenCases, SECRET_VALUES } from './summary-fixtures.js';

const dir = resolve(import.meta.dirname, '..', '..', '__fixtures__', 'golden', 'summaries');
const cases = goldenCases();

function golden(name: string): string {
  const text = renderSummary(cases[name]!);
  const file = join(dir, `${name}.md`);
  if (process.env.HOOKLINE_UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, text);
  return text;
}

describe.each(Object.keys(cases))('golden summary %s', (name) => {
  const text = golden(name);
  const r = render(text);

  it('matches the golden file', () => {
    expect(text).toBe(readFileSync(join(dir, `${name}.md`), 'utf8'));
  });

  it('balances its details blocks and shows no escaping or Secret value', () => {
    expect(r.detailsClosed).toBe(r.details.length);
    for (const bad of ['&quot;', '&amp;', '&lt;', '&gt;', '&#', '\\|', '\\_'])
      expect(r.visible).not.toContain(bad);
    for (const v of SECRET_VALUES) expect(text).not.toContain(v);
  });

  it('starts with a status heading with an icon', () => {
    expect(text).toMatch(/^## (✅|❌|⏱️|🚫|↩️|🗑️|📝|📄) hookline /);
    expect(r.html).toMatch(/^<h2>/);
  });
});

describe('golden summaries: structure', () => {
  it('success: hook table, timeline, changes table with a collapsed diff, NOTES', () => {
    const r = render(golden('success'));
    expect(r.tables).toBe(2);
    expect(r.fences.map((f) => f.lang)).toEqual(['mermaid', 'diff', 'text']);
    expect(r.fences[1]!.inDetails).toBe(true);
    expect(r.fences[1]!.content).toContain(
      '-          image: "shop:1.3.0"\n+          image: "shop:1.4.0"',
    );
    expect(r.details).toEqual([{ open: false, summary: 'diff of Deployment/shop' }]);
    expect(r.visible).toContain('Visit http://shop.example.com <prod> & enjoy');
    expect(r.visible).toContain('value: "say \\"hi\\" <b>&</b>"');
    expect(r.bulletItems).toEqual([]);
  });

  it('failed hook: an open block with reason, exit code, log and its events table; no NOTES', () => {
    const text = golden('failed-hook');
    const r = render(text);
    expect(r.details).toEqual([
      { open: true, summary: '❌ Failed hook Job/shop-db-migrate (pre-upgrade)' },
    ]);
    expect(r.visible).toContain('Exit code: 3');
    expect(r.visible).toContain('Termination message (shop-db-migrate-x7k2p/migrate):');
    const log = r.fences.find((f) => f.content.startsWith('connecting'))!;
    expect(log.inDetails).toBe(true);
    expect(log.content).toContain(
      'connecting to db & "schema" <v2>\nERROR: relation `orders` does not exist\n- not a bullet',
    );
    expect(r.bulletItems).toEqual([]);
    expect(r.tables).toBe(2); // hooks, events
    expect(text).not.toContain('NOTES');
    expect(r.visible).toContain('Reason: job shop-db-migrate failed: BackoffLimitExceeded');
  });

  it('timed-out wait: the resources not ready as a table', () => {
    const r = render(golden('timed-out'));
    expect(r.visible).toContain('⏱️ hookline upgrade of shop timed out');
    expect(r.html).toContain('<td>Deployment prod/shop</td>\n<td>0/2 ready</td>');
  });

  it('atomic rollback: its own line with the reason; status and revision of the rollback', () => {
    const r = render(golden('atomic-rollback'));
    expect(r.visible).toContain(
      'Atomic rollback: revision 5 failed; rolled back to revision 4, recorded as revision 6.',
    );
    expect(r.visible).toContain('status deployed · revision 6');
    expect(r.visible).toContain('Reason: Upgrade "shop" failed: pre-upgrade hooks failed');
  });

  it('dry-run plan with a Secret: redacted diff, hook plan table', () => {
    const r = render(golden('dry-run-secret'));
    const secretDiff = r.fences.find((f) => f.content.includes('Secret/shop-db'))!;
    expect(secretDiff.content).toMatch(/^-\s+password: "-------- # \(12 bytes\)"$/m);
    expect(secretDiff.content).toMatch(/^\+\s+password: "\+\+\+\+\+\+\+\+ # \(12 bytes\)"$/m);
    expect(secretDiff.content).toMatch(/^ \s+user: "REDACTED # \(4 bytes\)"$/m);
    expect(r.tables).toBe(2); // hook plan, planned changes
    expect(r.details.map((d) => d.summary)).toEqual([
      'diff of Deployment/shop',
      'diff of Secret/shop-db',
    ]);
  });

  it('template: the manifest collapsed with its document count', () => {
    const r = render(golden('template'));
    expect(r.details).toEqual([{ open: false, summary: 'Manifest: 2 documents, 0.6 KiB' }]);
    expect(r.fences.find((f) => f.lang === 'yaml')!.inDetails).toBe(true);
    expect(r.visible).toContain('hookline-shop.yaml (output manifest-path)');
  });

  it('cancelled: says so, names the run, commit and time', () => {
    const r = render(golden('cancelled'));
    expect(r.visible).toContain('🚫 hookline upgrade of shop was cancelled');
    expect(r.html).toContain(
      '<a href="https://github.com/acme/shop/actions/runs/123456">run 123456</a>',
    );
    expect(r.visible).toContain('commit 4f9c2e1d7b3a · 2026-12-07 10:00:12 UTC');
  });
});

describe('README', () => {
  it('shows the failed-hook golden summary as its rendered example', () => {
    const readme = readFileSync(resolve(dir, '..', '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(golden('failed-hook').replace('## ❌', '#### ❌').trimEnd());
  });
});
