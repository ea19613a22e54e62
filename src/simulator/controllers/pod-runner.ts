/**
 * The pod runner's pure decision (design.md section 4): a container's fate from its image,
 * command and args. A shell script (`sh -c "..."`) or a plain command is read statement by
 * statement: `echo` prints its arguments, `sleep N` runs N seconds, `exit N` ends with code N,
 * `false` sets status 1. An image containing `does-not-exist` never pulls. A container without
 * command or args runs the image's entrypoint: it succeeds in a Job's Pod and keeps running
 * elsewhere.
 */

export interface LogLine {
  /** Milliseconds (simulated) after the container started. */
  atMs: number;
  text: string;
}

export type ContainerFate =
  | { kind: 'image-pull-error' }
  | { kind: 'runs-forever'; logs: LogLine[] }
  | { kind: 'exits'; afterMs: number; exitCode: number; logs: LogLine[] };

export interface ContainerSpec {
  image: string;
  command?: string[];
  args?: string[];
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

/** Splits a shell script into statements of words (quotes honoured; `;`, `&&`, `||`, `|`, newlines separate). */
export function parseScript(script: string): string[][] {
  const statements: string[][] = [];
  let words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '' | "'" | '"' = '';
  const endWord = (): void => {
    if (inWord) words.push(word);
    word = '';
    inWord = false;
  };
  const endStatement = (): void => {
    endWord();
    if (words.length) statements.push(words);
    words = [];
  };
  for (let i = 0; i < script.length; i++) {
    const ch = script[i];
    if (quote) {
      if (ch === quote) quote = '';
      else if (ch === '\\' && quote === '"' && i + 1 < script.length) word += script[++i];
      else word += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < script.length) {
      word += script[++i];
      inWord = true;
    } else if (ch === ';' || ch === '\n' || ch === '|' || ch === '&') {
      endStatement();
    } else if (ch === ' ' || ch === '\t') endWord();
    else if (ch === '#' && !inWord) {
      while (i < script.length && script[i] !== '\n') i++;
      endStatement();
    } else {
      word += ch;
      inWord = true;
    }
  }
  endStatement();
  return statements;
}

function statementsOf(c: ContainerSpec): string[][] {
  const argv = [...(c.command ?? []), ...(c.args ?? [])];
  const shell = argv[0]?.split('/').pop() ?? '';
  if (SHELLS.has(shell)) {
    const flag = argv.findIndex((a, i) => i > 0 && /^-[a-z]*c[a-z]*$/.test(a));
    if (flag > 0 && flag + 1 < argv.length) return parseScript(argv[flag + 1]);
  }
  return argv.length ? [argv] : [];
}

function sleepMs(arg: string | undefined): number | null {
  if (arg === undefined) return 0;
  if (arg === 'infinity') return null;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]] ?? 1;
  return Number(m[1]) * unit * 1000;
}

/** Decides what a container does, given whether its Pod belongs to a Job. */
export function decideFate(c: ContainerSpec, opts: { jobPod: boolean }): ContainerFate {
  if (c.image.includes('does-not-exist')) return { kind: 'image-pull-error' };
  const statements = statementsOf(c);
  if (!statements.length) return opts.jobPod ? exits(0, 0, []) : { kind: 'runs-forever', logs: [] };
  const logs: LogLine[] = [];
  let t = 0;
  let status = 0;
  for (const [cmd, ...args] of statements) {
    const name = cmd.split('/').pop();
    if (name === 'echo') {
      const words = args.filter((a, i) => !(i === 0 && /^-[neE]+$/.test(a)));
      logs.push({ atMs: t, text: words.join(' ') });
      status = 0;
    } else if (name === 'sleep') {
      const ms = sleepMs(args[0]);
      if (ms === null) return { kind: 'runs-forever', logs };
      t += ms;
      status = 0;
    } else if (name === 'exit') {
      return exits(t, Number(args[0] ?? status) || 0, logs);
    } else if (name === 'false') status = 1;
    else status = 0;
  }
  return exits(t, status, logs);
}

/**
 * The log of a container that ends: its echo lines, then one line with the exit reason (the
 * kubelet's terminated reason and code), so a hook's log shows how it ended.
 */
export function exitLine(exitCode: number): string {
  return `${exitCode === 0 ? 'Completed' : 'Error'}: exit code ${exitCode}`;
}

function exits(afterMs: number, exitCode: number, logs: LogLine[]): ContainerFate {
  return {
    kind: 'exits',
    afterMs,
    exitCode,
    logs: [...logs, { atMs: afterMs, text: exitLine(exitCode) }],
  };
}
