/**
 * Command-line flags with pflag's syntax, as Helm's commands accept them: `--name value`,
 * `--name=value`, `-n value`, `-nvalue`, boolean `--flag` / `--flag=false`, `--` ending flags.
 * Kinds follow pflag: `string`, `bool`, `stringArray` (repeatable, taken verbatim) and
 * `stringSlice` (repeatable, each value split on commas).
 */

export type FlagKind = 'string' | 'bool' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** pflag's NoOptDefVal: the value of a `string` flag given without one (`--dry-run`). */
  readonly noOptDefVal?: string;
}

export interface ParsedArgs {
  readonly positionals: string[];
  readonly strings: Map<string, string>;
  readonly bools: Map<string, boolean>;
  readonly lists: Map<string, string[]>;
  /** Flag names in the order they were given (for Helm's order-sensitive value flags). */
  readonly order: Array<{ name: string; value: string }>;
}

/** A usage error, printed as `Error: <message>` like cobra does. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** strconv.ParseBool's words, as pflag reads a bool flag's value. */
export const BOOL_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['1', true],
  ['t', true],
  ['T', true],
  ['true', true],
  ['TRUE', true],
  ['True', true],
  ['0', false],
  ['f', false],
  ['F', false],
  ['false', false],
  ['FALSE', false],
  ['False', false],
]);

/** Split a stringSlice value the way pflag does (CSV: commas, with "quoted,fields"). */
export function splitSlice(value: string): string[] {
  if (value === '') return [];
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '"' && (cur === '' || quoted)) {
      if (quoted && value[i + 1] === '"') {
        cur += '"';
        i++;
      } else quoted = !quoted;
    } else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  const result: ParsedArgs = {
    positionals: [],
    strings: new Map(),
    bools: new Map(),
    lists: new Map(),
    order: [],
  };
  const assign = (spec: FlagSpec, value: string) => {
    result.order.push({ name: spec.name, value });
    if (spec.kind === 'bool') {
      const b = BOOL_WORDS.get(value);
      if (b === undefined) {
        throw new UsageError(
          `invalid argument "${value}" for "--${spec.name}" flag: strconv.ParseBool: parsing "${value}": invalid syntax`,
        );
      }
      result.bools.set(spec.name, b);
    } else if (spec.kind === 'string') result.strings.set(spec.name, value);
    else {
      const list = result.lists.get(spec.name) ?? [];
      list.push(...(spec.kind === 'stringSlice' ? splitSlice(value) : [value]));
      result.lists.set(spec.name, list);
    }
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      result.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
      const spec = byName.get(name);
      if (!spec) throw new UsageError(`unknown flag: --${name}`);
      if (eq !== -1) assign(spec, arg.slice(eq + 1));
      else if (spec.kind === 'bool') assign(spec, 'true');
      else if (spec.noOptDefVal !== undefined) assign(spec, spec.noOptDefVal);
      else {
        if (i + 1 >= argv.length) throw new UsageError(`flag needs an argument: --${name}`);
        assign(spec, argv[++i]!);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      i = parseShorts(arg, argv, i, byShort, assign);
      continue;
    }
    result.positionals.push(arg);
  }
  return result;
}

function parseShorts(
  arg: string,
  argv: readonly string[],
  index: number,
  byShort: Map<string, FlagSpec>,
  assign: (spec: FlagSpec, value: string) => void,
): number {
  let i = index;
  for (let j = 1; j < arg.length; j++) {
    const spec = byShort.get(arg[j]!);
    if (!spec) throw new UsageError(`unknown shorthand flag: '${arg[j]}' in ${arg}`);
    if (spec.kind === 'bool') {
      if (arg[j + 1] === '=') {
        assign(spec, arg.slice(j + 2));
        return i;
      }
      assign(spec, 'true');
      continue;
    }
    let value = arg.slice(j + 1);
    if (value.startsWith('=')) value = value.slice(1);
    else if (value === '') {
      if (i + 1 >= argv.length)
        throw new UsageError(`flag needs an argument: '${arg[j]}' in -${arg[j]}`);
      value = argv[++i]!;
    }
    assign(spec, value);
    return i;
  }
  return i;
}
