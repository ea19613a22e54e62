/**
 * .helmignore rules, mirroring helm pkg/ignore/rules.go (v3.21): one pattern per line, `#`
 * comments, `!` negation, trailing `/` for directories only, leading `/` anchors at the chart
 * root, a pattern with a `/` matches the whole relative path, otherwise only the basename.
 * `**` is rejected. Rules are checked in order; the first rule that decides wins, with Helm's
 * quirk that a negated rule *ignores* every path it does not match.
 */
import { BadPatternError, pathMatch } from './path-match.js';
import { pathBase } from '../util/go-path.js';

export const HELM_IGNORE = '.helmignore';

export class HelmIgnoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HelmIgnoreError';
  }
}

interface Pattern {
  raw: string;
  negate: boolean;
  mustDir: boolean;
  match: (path: string) => boolean;
}

function safeMatch(rule: string, name: string): boolean {
  try {
    return pathMatch(rule, name);
  } catch {
    return false;
  }
}

export class IgnoreRules {
  private readonly patterns: Pattern[] = [];

  /** Rules.AddDefaults: dotfiles under templates/ are always ignored. */
  addDefaults(): this {
    this.parseRule('templates/.?*');
    return this;
  }

  /** Rules.parseRule. */
  parseRule(line: string): void {
    let rule = line.trim();
    if (rule === '' || rule.startsWith('#')) return;
    if (rule.includes('**')) throw new HelmIgnoreError('double-star (**) syntax is not supported');
    try {
      pathMatch(rule, 'abc');
    } catch (e) {
      if (e instanceof BadPatternError) throw new HelmIgnoreError(e.message);
      throw e;
    }
    const p: Pattern = { raw: rule, negate: false, mustDir: false, match: () => false };
    if (rule.startsWith('!')) {
      p.negate = true;
      rule = rule.slice(1);
    }
    if (rule.endsWith('/')) {
      p.mustDir = true;
      rule = rule.slice(0, -1);
    }
    const r = rule;
    if (r.startsWith('/')) p.match = (n) => safeMatch(r.slice(1), n);
    else if (r.includes('/')) p.match = (n) => safeMatch(r, n);
    else p.match = (n) => safeMatch(r, pathBase(n));
    this.patterns.push(p);
  }

  /** Rules.Ignore(path, fi): path is chart-relative with `/` separators. */
  ignore(path: string, isDir: boolean): boolean {
    if (path === '' || path === '.' || path === './') return false;
    for (const p of this.patterns) {
      if (p.negate) {
        if (p.mustDir && !isDir) return true;
        if (!p.match(path)) return true;
        continue;
      }
      if (p.mustDir && !isDir) continue;
      if (p.match(path)) return true;
    }
    return false;
  }
}

/** ignore.Parse: the text of a .helmignore file. */
export function parseHelmIgnore(text: string): IgnoreRules {
  const rules = new IgnoreRules();
  for (const line of text.split(/\r?\n/)) rules.parseRule(line);
  return rules;
}
