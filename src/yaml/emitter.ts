/**
 * A block-style YAML emitter reproducing go-yaml's output byte for byte for the documents its
 * encoder produces (one implicit document of maps, sequences and scalars, no anchors or tags):
 * `emitterc.go` yaml_emitter_emit_block_mapping_key/value, block_sequence_item, flow `{}`/`[]`
 * for empty collections, yaml_emitter_select_scalar_style and yaml_emitter_check_simple_key.
 *
 * The two flavours Helm uses differ in how a block sequence sits under a mapping key (go-yaml
 * v2, toYaml: indentless `key:\n- a`; go-yaml v3 with SetIndent(2), toYamlPretty: indented
 * `key:\n  - a`), in line width (v2 folds at 80 columns, v3 never) and in tabs, which v3
 * lets into literal blocks (analyze_scalar `tab_characters`).
 */
import { EmitterCore } from './emitter-core.js';
import { analyzeScalar } from './scalar-analysis.js';
import type { ScalarAnalysis } from './scalar-analysis.js';
import {
  writeDoubleQuoted,
  writeLiteral,
  writePlain,
  writeSingleQuoted,
} from './scalar-writers.js';

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

export type EmitNode =
  | { kind: 'scalar'; value: string; style: ScalarStyle }
  | { kind: 'map'; entries: Array<[EmitNode, EmitNode]> }
  | { kind: 'seq'; items: EmitNode[] };

export interface EmitOptions {
  /**
   * `v2` (toYaml, the default): block sequences under a key are indentless, long scalars fold
   * at 80 columns. `v3` (toYamlPretty): sequences are indented, nothing folds, and tabs do not
   * forbid literal blocks.
   */
  flavour?: 'v2' | 'v3';
}

interface NodeContext {
  root?: boolean;
  sequence?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

/** Maximum simple-key length in bytes (yaml_emitter_check_simple_key). */
const MAX_SIMPLE_KEY = 128;

/**
 * Whether `s` takes at most `max` bytes in UTF-8 (Buffer.byteLength's count: a surrogate pair
 * takes 4, a lone surrogate 3 as U+FFFD). Never fewer bytes than UTF-16 units.
 */
export function utf8LengthAtMost(s: string, max: number): boolean {
  if (s.length > max) return false;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n <= max;
}

class Emitter {
  private readonly e: EmitterCore;
  private mappingContext = false;
  private simpleKeyContext = false;

  constructor(private readonly opts: EmitOptions) {
    // go-yaml v2 wraps at 80 columns; v3 initializes best_width to -1, i.e. never (1<<31 - 1).
    const width = opts.flavour === 'v3' ? 2 ** 31 - 1 : 80;
    this.e = new EmitterCore({ indent: 2, width });
  }

  document(node: EmitNode): string {
    this.node(node, { root: true });
    // yaml_emitter_emit_document_end: write_indent closes the last line.
    this.e.writeIndent();
    return this.e.text();
  }

  private node(node: EmitNode, ctx: NodeContext): void {
    this.mappingContext = ctx.mapping ?? false;
    this.simpleKeyContext = ctx.simpleKey ?? false;
    switch (node.kind) {
      case 'scalar':
        this.scalar(node.value, node.style);
        return;
      case 'seq':
        if (this.e.flowLevel > 0 || node.items.length === 0) this.emptyFlow('[', ']');
        else this.blockSequence(node.items);
        return;
      case 'map':
        if (this.e.flowLevel > 0 || node.entries.length === 0) this.emptyFlow('{', '}');
        else this.blockMapping(node.entries);
        return;
    }
  }

  private emptyFlow(open: string, close: string): void {
    const e = this.e;
    e.writeIndicator(open, true, true, false);
    e.increaseIndent(true, false);
    e.flowLevel++;
    e.flowLevel--;
    e.popIndent();
    e.writeIndicator(close, false, false, false);
  }

  private blockSequence(items: EmitNode[]): void {
    const e = this.e;
    const indentless = this.opts.flavour !== 'v3' && this.mappingContext && !e.indention;
    e.increaseIndent(false, indentless);
    for (const item of items) {
      e.writeIndent();
      e.writeIndicator('-', true, false, true);
      this.node(item, { sequence: true });
    }
    e.popIndent();
  }

  private blockMapping(entries: Array<[EmitNode, EmitNode]>): void {
    const e = this.e;
    e.increaseIndent(false, false);
    for (const [key, value] of entries) {
      e.writeIndent();
      if (this.isSimpleKey(key)) {
        this.node(key, { mapping: true, simpleKey: true });
        e.writeIndicator(':', false, false, false);
      } else {
        e.writeIndicator('?', true, false, true);
        this.node(key, { mapping: true });
        e.writeIndent();
        e.writeIndicator(':', true, false, true);
      }
      this.node(value, { mapping: true });
    }
    e.popIndent();
  }

  private isSimpleKey(key: EmitNode): boolean {
    if (key.kind === 'map') return key.entries.length === 0;
    if (key.kind === 'seq') return key.items.length === 0;
    if (this.analyze(key.value).multiline) return false;
    return utf8LengthAtMost(key.value, MAX_SIMPLE_KEY);
  }

  private analyze(value: string): ScalarAnalysis {
    return analyzeScalar(value, { tabsAllowInBlocks: this.opts.flavour === 'v3' });
  }

  /** yaml_emitter_select_scalar_style. */
  private selectStyle(requested: ScalarStyle, value: string, a: ScalarAnalysis): ScalarStyle {
    const flow = this.e.flowLevel > 0;
    let style = requested;
    if (this.simpleKeyContext && a.multiline) style = 'double';
    if (style === 'plain') {
      if ((flow && !a.flowPlainAllowed) || (!flow && !a.blockPlainAllowed)) style = 'single';
      if (value.length === 0 && (flow || this.simpleKeyContext)) style = 'single';
    }
    if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
    if (style === 'literal' && (!a.blockAllowed || flow || this.simpleKeyContext)) style = 'double';
    return style;
  }

  private scalar(value: string, requested: ScalarStyle): void {
    const style = this.selectStyle(requested, value, this.analyze(value));
    const e = this.e;
    e.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    switch (style) {
      case 'plain':
        writePlain(e, value, allowBreaks);
        break;
      case 'single':
        writeSingleQuoted(e, value, allowBreaks);
        break;
      case 'double':
        writeDoubleQuoted(e, value, allowBreaks);
        break;
      case 'literal':
        writeLiteral(e, value);
        break;
    }
    e.popIndent();
  }
}

/** Emit one document the way go-yaml's encoder does (trailing newline included). */
export function emitDocument(node: EmitNode, opts: EmitOptions = {}): string {
  return new Emitter(opts).document(node);
}
