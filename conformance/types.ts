/** A conformance case outcome: `ok`, or a one-line reason it failed. */
export interface CaseResult {
  readonly id: string;
  readonly ok: boolean;
  readonly detail?: string;
}

export interface Suite {
  /** Prefix of every case id, e.g. `helm-template`. */
  readonly name: string;
  run(): Promise<CaseResult[]>;
}

/** First differing line between two texts, for a one-line failure report. */
export function firstDifference(expected: string, actual: string): string {
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i]) {
      const show = (s: string | undefined) =>
        s === undefined ? '<EOF>' : JSON.stringify(s.slice(0, 120));
      return `line ${i + 1}: expected ${show(e[i])}, got ${show(a[i])}`;
    }
  }
  return 'identical';
}
