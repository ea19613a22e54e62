/**
 * Pipelines, commands and operands: golang/go:src/text/template/parse/parse.go `pipeline`,
 * `checkPipeline`, `command`, `operand`, `term`, `useVar`. The grammar of each function is in
 * its comment, as in Go.
 */
import type { ArgNode, CommandNode, FieldNode, Pos, PipeNode, VariableNode } from './ast.js';
import type { ItemType } from './lexer.js';
import { unquote } from './parse-strconv.js';
import { quote as goQuote } from './strconv.js';
import { newNumber } from './parse-number.js';
import { nodeToString } from './node-string.js';
import type { TreeParser } from './parser-state.js';

/**
 * Maximum nesting of parenthesized pipelines. Go allows 10000 natively and 1000 on WebAssembly
 * (parse.go `maxStackDepth`); a JavaScript stack is closer to the latter.
 */
export const MAX_STACK_DEPTH = 1000;
/** The declarations of a pipeline that declares no variable (shared, never written). */
export const NO_DECL: VariableNode[] = [];

/** parse.go `maxPipelineCmds`. */
const MAX_PIPELINE_CMDS = 100000;

const COMMAND_START: ReadonlySet<ItemType> = new Set<ItemType>([
  'bool',
  'charConstant',
  'complex',
  'dot',
  'field',
  'identifier',
  'number',
  'nil',
  'rawString',
  'string',
  'variable',
  'leftParen',
]);

export function newVariable(pos: Pos, ident: string): VariableNode {
  return { type: 'variable', pos, ident: ident.includes('.') ? ident.split('.') : [ident] };
}

function newField(pos: Pos, ident: string): FieldNode {
  // Drop the leading period. A field item from the lexer holds one name.
  const names = ident.indexOf('.', 1) < 0 ? [ident.slice(1)] : ident.slice(1).split('.');
  return { type: 'field', pos, ident: names };
}

/**
 * Pipeline:
 *
 *     declarations? command ('|' command)*
 */
export function pipeline(p: TreeParser, context: string, end: ItemType): PipeNode {
  const first = p.peekNonSpace();
  let decl = NO_DECL;
  let isAssign = false;
  // Are there declarations or assignments?
  for (;;) {
    const v = p.peekNonSpace();
    if (v.type !== 'variable') break;
    p.next();
    // Space is a token, so "$x foo" needs 3-token look-ahead to tell an argument variable from
    // a declaration: remember the token adjacent to the variable to push it back if necessary.
    const tokenAfterVariable = p.peek();
    const next = p.peekNonSpace();
    if (next.type === 'assign' || next.type === 'declare') {
      isAssign = next.type === 'assign';
      p.nextNonSpace();
      decl = [...decl, newVariable(v.pos, v.val)];
      p.vars.push(v.val);
    } else if (next.type === 'char' && next.val === ',') {
      p.nextNonSpace();
      decl = [...decl, newVariable(v.pos, v.val)];
      p.vars.push(v.val);
      if (context === 'range' && decl.length < 2) {
        const after = p.peekNonSpace().type;
        // A second initialized variable in a range pipeline.
        if (after === 'variable' || after === 'rightDelim' || after === 'rightParen') continue;
        p.errorf('range can only initialize variables');
      }
      p.errorf(`too many declarations in ${context}`);
    } else if (tokenAfterVariable.type === 'space') {
      p.backup3(v, tokenAfterVariable);
    } else {
      p.backup2(v);
    }
    break;
  }
  const cmds = p.shared.cmds;
  const base = cmds.length;
  for (;;) {
    const token = p.nextNonSpace();
    if (token.type === end) {
      const pipe: PipeNode = {
        type: 'pipe',
        pos: first.pos,
        line: first.line,
        isAssign,
        decl,
        cmds: cmds.splice(base),
      };
      checkPipeline(p, pipe, context);
      return pipe;
    }
    if (!COMMAND_START.has(token.type)) p.unexpected(token, context);
    p.backup();
    cmds.push(command(p));
    if (cmds.length - base > MAX_PIPELINE_CMDS) p.errorf('pipeline too long');
  }
}

function checkPipeline(p: TreeParser, pipe: PipeNode, context: string): void {
  if (pipe.cmds.length === 0) p.errorf(`missing value for ${context}`);
  // Only the first command of a pipeline can start with a non-executable operand.
  for (let i = 1; i < pipe.cmds.length; i++) {
    const t = (pipe.cmds[i] as CommandNode).args[0]?.type;
    if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
      p.errorf(`non executable command in pipeline stage ${i + 1}`); // With A|B|C, stage 2 is B.
    }
  }
}

/**
 * command:
 *
 *     operand (space operand)*
 *
 * Space-separated arguments up to a pipeline character or right delimiter. The pipe character
 * is consumed; the right delimiter is left to terminate the action.
 */
function command(p: TreeParser): CommandNode {
  const pos = p.peekNonSpace().pos;
  const args = p.shared.args;
  const base = args.length;
  for (;;) {
    p.peekNonSpace(); // skip leading spaces
    const arg = operand(p);
    if (arg !== null) args.push(arg);
    const token = p.next();
    if (token.type === 'space') continue;
    if (token.type === 'rightDelim' || token.type === 'rightParen') p.backup();
    else if (token.type !== 'pipe') p.unexpected(token, 'operand');
    break;
  }
  if (args.length === base) p.errorf('empty command');
  return { type: 'command', pos, args: args.splice(base) };
}

/**
 * operand:
 *
 *     term .Field*
 *
 * Null when the next item is not an operand.
 */
function operand(p: TreeParser): ArgNode | null {
  const node = term(p);
  if (node === null) return null;
  if (p.peek().type !== 'field') return node;
  const chainPos = p.peek().pos;
  const field: string[] = [];
  while (p.peek().type === 'field') field.push(p.next().val.slice(1));
  // Fields and variables absorb the chain (Go's compatibility rule); literals cannot have one.
  // Go re-parses the chain's String(): names hold no period, so that is the names joined.
  switch (node.type) {
    case 'field':
      return { type: 'field', pos: chainPos, ident: node.ident.concat(field) };
    case 'variable':
      return { type: 'variable', pos: chainPos, ident: node.ident.concat(field) };
    case 'bool':
    case 'string':
    case 'number':
    case 'nil':
    case 'dot':
      p.errorf(`unexpected . after term ${goQuote(nodeToString(node))}`);
  }
  return { type: 'chain', pos: chainPos, node, field };
}

/**
 * term:
 *
 *     literal (number, string, nil, boolean)
 *     function (identifier)
 *     .
 *     .Field
 *     $
 *     '(' pipeline ')'
 *
 * Null when the next item is not a term.
 */
function term(p: TreeParser): ArgNode | null {
  const token = p.nextNonSpace();
  switch (token.type) {
    case 'identifier':
      if (!p.shared.skipFuncCheck && !p.shared.hasFunction(token.val)) {
        p.errorf(`function ${goQuote(token.val)} not defined`);
      }
      return { type: 'identifier', pos: token.pos, ident: token.val };
    case 'dot':
      return { type: 'dot', pos: token.pos };
    case 'nil':
      return { type: 'nil', pos: token.pos };
    case 'variable':
      return useVar(p, token.pos, token.val);
    case 'field':
      return newField(token.pos, token.val);
    case 'bool':
      return { type: 'bool', pos: token.pos, value: token.val === 'true' };
    case 'charConstant':
    case 'complex':
    case 'number': {
      const n = newNumber(token.pos, token.val, token.type);
      if ('error' in n) p.errorf(n.error);
      return n;
    }
    case 'leftParen':
      if (p.stackDepth >= MAX_STACK_DEPTH) p.errorf('max expression depth exceeded');
      p.stackDepth++;
      try {
        return pipeline(p, 'parenthesized pipeline', 'rightParen');
      } finally {
        p.stackDepth--;
      }
    case 'string':
    case 'rawString': {
      const text = unquote(token.val);
      if (text === undefined) p.errorf('invalid syntax');
      return { type: 'string', pos: token.pos, quoted: token.val, text };
    }
  }
  p.backup();
  return null;
}

/** A variable reference; an error unless the variable is in scope. */
function useVar(p: TreeParser, pos: Pos, name: string): VariableNode {
  const v = newVariable(pos, name);
  const base = v.ident[0] as string;
  if (!p.vars.includes(base)) p.errorf(`undefined variable ${goQuote(base)}`);
  return v;
}
