/**
 * Parse tree of Go's text/template, mirroring golang/go:src/text/template/parse/node.go.
 * Every node carries `pos`, a byte offset... here a UTF-16 offset into the template source
 * (line and column are computed only when an error is reported, see errors.ts).
 * `nodeToString` (in parser.ts) prints a node back to template source, as Go's String() does.
 */

export type Pos = number;

export type Node =
  | ListNode
  | TextNode
  | CommentNode
  | ActionNode
  | PipeNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | IfNode
  | RangeNode
  | WithNode
  | TemplateNode
  | BreakNode
  | ContinueNode;

/** Nodes that may appear as the argument or operand of a command. */
export type ArgNode =
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | PipeNode;

/** Nodes that may appear in a ListNode. */
export type ListItem =
  | TextNode
  | CommentNode
  | ActionNode
  | IfNode
  | RangeNode
  | WithNode
  | TemplateNode
  | BreakNode
  | ContinueNode;

export interface ListNode {
  readonly type: 'list';
  readonly pos: Pos;
  readonly nodes: ListItem[];
}

export interface TextNode {
  readonly type: 'text';
  readonly pos: Pos;
  readonly text: string;
}

export interface CommentNode {
  readonly type: 'comment';
  readonly pos: Pos;
  /** The comment including its delimiters, e.g. `/* hi *\/`. */
  readonly text: string;
}

/** A non-control action such as a field evaluation: `{{ .X }}`. */
export interface ActionNode {
  readonly type: 'action';
  readonly pos: Pos;
  /** Line number in the input (1-based), as Go records it for error messages. */
  readonly line: number;
  readonly pipe: PipeNode;
}

/** A pipeline with optional declaration: `$x := a | b c`. */
export interface PipeNode {
  readonly type: 'pipe';
  readonly pos: Pos;
  readonly line: number;
  /** True for `$x = ...` (assignment) rather than `$x := ...` (declaration). */
  readonly isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}

/** A command: a function or method call, or an operand, with arguments. */
export interface CommandNode {
  readonly type: 'command';
  readonly pos: Pos;
  readonly args: ArgNode[];
}

/** A function name such as `printf`. */
export interface IdentifierNode {
  readonly type: 'identifier';
  readonly pos: Pos;
  readonly ident: string;
}

/** A variable with an optional field chain: `$x.a.b`. `ident[0]` is the variable name with `$`. */
export interface VariableNode {
  readonly type: 'variable';
  readonly pos: Pos;
  readonly ident: string[];
}

export interface DotNode {
  readonly type: 'dot';
  readonly pos: Pos;
}

export interface NilNode {
  readonly type: 'nil';
  readonly pos: Pos;
}

/** A field chain starting at dot: `.a.b` has ident `['a', 'b']`. */
export interface FieldNode {
  readonly type: 'field';
  readonly pos: Pos;
  readonly ident: string[];
}

/** Fields applied to a term: `(pipeline).a.b`. */
export interface ChainNode {
  readonly type: 'chain';
  readonly pos: Pos;
  readonly node: ArgNode;
  readonly field: string[];
}

export interface BoolNode {
  readonly type: 'bool';
  readonly pos: Pos;
  readonly value: boolean;
}

/**
 * A numeric constant, with every interpretation Go's parser accepts (node.go `NumberNode`):
 * `isInt` when it fits int64 exactly, `isUint` for uint64, `isFloat` when representable as float64.
 * `isComplex` constants are rejected by the executor. `text` is the original spelling.
 */
export interface NumberNode {
  readonly type: 'number';
  readonly pos: Pos;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int64: bigint;
  readonly uint64: bigint;
  readonly float64: number;
  /** True for character constants like 'a' (Go gives them type rune = int32 when untyped). */
  readonly isChar: boolean;
  readonly text: string;
  /** The complex value (Go's `Complex128`), present exactly when `isComplex`. */
  readonly complex128?: { readonly re: number; readonly im: number };
}

export interface StringNode {
  readonly type: 'string';
  readonly pos: Pos;
  /** The original text of the string, with quotes. */
  readonly quoted: string;
  /** The string after quote processing. */
  readonly text: string;
}

/** Shared shape of if/range/with. */
export interface BranchFields {
  readonly pos: Pos;
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | null;
}

export interface IfNode extends BranchFields {
  readonly type: 'if';
}

export interface RangeNode extends BranchFields {
  readonly type: 'range';
}

export interface WithNode extends BranchFields {
  readonly type: 'with';
}

/** `{{template "name" pipeline}}` (also produced by `block`). */
export interface TemplateNode {
  readonly type: 'template';
  readonly pos: Pos;
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | null;
}

export interface BreakNode {
  readonly type: 'break';
  readonly pos: Pos;
  readonly line: number;
}

export interface ContinueNode {
  readonly type: 'continue';
  readonly pos: Pos;
  readonly line: number;
}

/**
 * One parsed template (Go's parse.Tree): its name, the root list, and the source it came from
 * (for turning positions into line:col in errors). `parseName` is the name of the top-level
 * template whose source text holds this tree (they differ for `define`d templates).
 */
export interface Tree {
  readonly name: string;
  readonly parseName: string;
  readonly root: ListNode;
  readonly text: string;
}
