/**
 * Command-line pieces Helm's install-like commands share: the values flags, and the release
 * name and chart from the positional arguments (helm/helm pkg/cli/values, pkg/action/install.go).
 */
import { TemplateSet } from '../gotemplate/template.js';
import { sprigFuncs } from '../sprig/index.js';
import type { GoMap } from '../gotemplate/values.js';
import { mergeUserValues } from '../values/options.js';
import type { FlagSpec, ParsedArgs } from './args.js';
import { UsageError } from './args.js';
import type { CliIo } from './io.js';
import { readUserFile } from './user-files.js';

/** Helm's values flags (pkg/cli/values/options.go flags). */
export const VALUE_FLAGS: FlagSpec[] = [
  { name: 'values', short: 'f', kind: 'stringSlice' },
  { name: 'set', kind: 'stringArray' },
  { name: 'set-string', kind: 'stringArray' },
  { name: 'set-json', kind: 'stringArray' },
  { name: 'set-file', kind: 'stringArray' },
  { name: 'set-literal', kind: 'stringArray' },
];

/** User-supplied values from -f and the --set family, in Helm's fixed order (section 6.1). */
export function readValueOptions(args: ParsedArgs, io: CliIo): GoMap {
  const list = (name: string) => args.lists.get(name) ?? [];
  return mergeUserValues(
    {
      valueFiles: list('values'),
      values: list('set'),
      stringValues: list('set-string'),
      jsonValues: list('set-json'),
      fileValues: list('set-file'),
      literalValues: list('set-literal'),
    },
    (path) => readUserFile(io, path),
  );
}

/** Install.NameAndChart: the release name and chart from the positional arguments. */
export function nameAndChart(
  positionals: readonly string[],
  opts: { nameTemplate: string | undefined; generateName: boolean; defaultName: string },
): [string, string] {
  if (positionals.length === 0)
    throw new UsageError('"hookline template" requires at least 1 argument');
  if (positionals.length > 2) {
    throw new UsageError(
      `expected at most two arguments, unexpected arguments: ${positionals.slice(2).join(', ')}`,
    );
  }
  if (positionals.length === 2) {
    if (opts.generateName)
      throw new UsageError('cannot set --generate-name and also specify a name');
    if (opts.nameTemplate)
      throw new UsageError('cannot set --name-template and also specify a name');
    return [positionals[0]!, positionals[1]!];
  }
  const chart = positionals[0]!;
  if (opts.nameTemplate) return [templateName(opts.nameTemplate), chart];
  if (opts.generateName) {
    let base = chart.replace(/\/+$/, '').split('/').pop() ?? '';
    if (base === '.' || base === '') base = 'chart';
    const dot = base.indexOf('.');
    if (dot !== -1) base = base.slice(0, dot);
    return [`${base}-${Math.floor(Date.now() / 1000)}`, chart];
  }
  return [opts.defaultName, chart];
}

/** action.TemplateName: `--name-template` rendered with sprig and no data. */
function templateName(nameTemplate: string): string {
  const set = new TemplateSet({ funcs: sprigFuncs() });
  set.parse('name-template', nameTemplate);
  return set.execute('name-template', null);
}
