export interface BenchRow {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly note?: string;
}

/** A Markdown table of benchmark rows (printed and pasted into BENCHMARKS.md). */
export function formatTable(rows: readonly BenchRow[]): string {
  const lines = ['| benchmark | value | unit | note |', '| --- | ---: | --- | --- |'];
  for (const r of rows) {
    // A section that measured nothing (a failed run) shows as such instead of ending the table.
    const v =
      typeof r.value !== 'number' || !Number.isFinite(r.value)
        ? 'n/a'
        : r.value >= 100
          ? r.value.toFixed(0)
          : r.value.toFixed(2);
    lines.push(`| ${r.name} | ${v} | ${r.unit} | ${r.note ?? ''} |`);
  }
  return lines.join('\n');
}
