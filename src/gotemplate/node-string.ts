/**
 * Printing parse trees back to template source, exactly like the String()/writeTo methods of
 * golang/go:src/text/template/parse/node.go, plus `isEmptyTree` (parse.go `IsEmptyTree`).
 *
 * As in current Go, an assignment prints ` = ` (older releases printed ` := ` for both).
 * `else if` chains print as nested `{{else}}{{if ...}}...{{end}}{{end}}`, template names are
 * re-quoted with strconv.Quote, strings and numbers keep their original spelling.
 */
import type { BranchFields, CommandNode, ListNode, Node, PipeNode } from './ast.js';
import { quote as goQuote } from './strconv.js';

/** The source form of any node, as Go's `Node.String()` prints it. */
export function nodeToString(node: Node): string {
  const out: string[] = [];
  write(node, out);
  return out.join('');
}

function write(node: Node, out: string[]): void {
  switch (node.type) {
    case 'list':
      for (const n of node.nodes) write(n, out);
      return;
    case 'text':
      out.push(node.text);
      return;
    case 'comment':
      out.push('{{', node.text, '}}');
      return;
    case 'action':
      out.push('{{');
      writePipe(node.pipe, out);
      out.push('}}');
      return;
    case 'pipe':
      writePipe(node, out);
      return;
    case 'command':
      writeCommand(node, out);
      return;
    case 'if':
    case 'range':
    case 'with':
      writeBranch(node.type, node, out);
      return;
    case 'template':
      out.push('{{template ', goQuote(node.name));
      if (node.pipe !== null) {
        out.push(' ');
        writePipe(node.pipe, out);
      }
      out.push('}}');
      return;
    default:
      out.push(leafString(node));
  }
}

type Leaf = Exclude<
  Node,
  | ListNode
  | PipeNode
  | CommandNode
  | { type: 'text' | 'comment' | 'action' | 'if' | 'range' | 'with' | 'template' }
>;

function leafString(node: Leaf): string {
  switch (node.type) {
    case 'identifier':
      return node.ident;
    case 'variable':
      return node.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return node.ident.map((id) => `.${id}`).join('');
    case 'chain': {
      const inner =
        node.node.type === 'pipe' ? `(${nodeToString(node.node)})` : nodeToString(node.node);
      return inner + node.field.map((f) => `.${f}`).join('');
    }
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
  }
}

function writePipe(pipe: PipeNode, out: string[]): void {
  if (pipe.decl.length > 0) {
    out.push(pipe.decl.map((v) => v.ident.join('.')).join(', '), pipe.isAssign ? ' = ' : ' := ');
  }
  pipe.cmds.forEach((c, i) => {
    if (i > 0) out.push(' | ');
    writeCommand(c, out);
  });
}

function writeCommand(cmd: CommandNode, out: string[]): void {
  cmd.args.forEach((arg, i) => {
    if (i > 0) out.push(' ');
    if (arg.type === 'pipe') {
      out.push('(');
      writePipe(arg, out);
      out.push(')');
    } else {
      write(arg, out);
    }
  });
}

function writeBranch(name: string, b: BranchFields, out: string[]): void {
  out.push('{{', name, ' ');
  writePipe(b.pipe, out);
  out.push('}}');
  write(b.list, out);
  if (b.elseList !== null) {
    out.push('{{else}}');
    write(b.elseList, out);
  }
  out.push('{{end}}');
}

/** Go's `bytes.TrimSpace` set (unicode.IsSpace). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

/**
 * parse.go IsEmptyTree: whether a tree holds nothing but space and comments. A `define`d
 * template whose body is empty does not replace an existing definition.
 */
export function isEmptyTree(node: Node | null): boolean {
  if (node === null) return true;
  switch (node.type) {
    case 'comment':
      return true;
    case 'list':
      return node.nodes.every((n) => isEmptyTree(n));
    case 'text':
      return GO_SPACE.test(node.text);
    default:
      return false;
  }
}
