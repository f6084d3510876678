// The parse tree: a discriminated union mirroring Go's text/template/parse nodes, and
// print(node), which gives the canonical source (Go's Node.String()). Positions are indexes
// into the template text.

import type { NumberValue } from './number.ts';
import { quote, trimSpace } from './strconv.ts';

export interface ListNode { type: 'list'; pos: number; nodes: Node[] }
export interface TextNode { type: 'text'; pos: number; text: string }
export interface CommentNode { type: 'comment'; pos: number; text: string }
export interface ActionNode { type: 'action'; pos: number; line: number; pipe: PipeNode }
export interface PipeNode {
  type: 'pipe';
  pos: number;
  line: number;
  isAssign: boolean;
  decl: VariableNode[];
  cmds: CommandNode[];
}
export interface CommandNode { type: 'command'; pos: number; args: Node[] }
export interface IdentifierNode { type: 'identifier'; pos: number; ident: string }
/** `$x.A.B` has ident ['$x', 'A', 'B']. */
export interface VariableNode { type: 'variable'; pos: number; ident: string[] }
export interface DotNode { type: 'dot'; pos: number }
export interface NilNode { type: 'nil'; pos: number }
/** `.A.B` has ident ['A', 'B']. */
export interface FieldNode { type: 'field'; pos: number; ident: string[] }
/** `(pipe).A.B` or `fn.A`: a term followed by fields. */
export interface ChainNode { type: 'chain'; pos: number; node: Node; field: string[] }
export interface BoolNode { type: 'bool'; pos: number; value: boolean }
export interface NumberNode extends NumberValue { type: 'number'; pos: number; text: string }
export interface StringNode { type: 'string'; pos: number; quoted: string; text: string }
export interface BranchNode<T extends 'if' | 'range' | 'with'> {
  type: T;
  pos: number;
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | undefined;
}
export type IfNode = BranchNode<'if'>;
export type RangeNode = BranchNode<'range'>;
export type WithNode = BranchNode<'with'>;
export interface BreakNode { type: 'break'; pos: number; line: number }
export interface ContinueNode { type: 'continue'; pos: number; line: number }
export interface TemplateNode { type: 'template'; pos: number; line: number; name: string; pipe: PipeNode | undefined }
/** Parser-internal markers for `{{end}}` and `{{else}}`; never left in a finished tree. */
export interface EndNode { type: 'end'; pos: number }
export interface ElseNode { type: 'else'; pos: number; line: number }

export type Node =
  | ListNode | TextNode | CommentNode | ActionNode | PipeNode | CommandNode | IdentifierNode
  | VariableNode | DotNode | NilNode | FieldNode | ChainNode | BoolNode | NumberNode | StringNode
  | IfNode | RangeNode | WithNode | BreakNode | ContinueNode | TemplateNode | EndNode | ElseNode;

function printPipe(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) {
    s = p.decl.map(print).join(', ') + (p.isAssign ? ' = ' : ' := ');
  }
  return s + p.cmds.map(print).join(' | ');
}

function printArg(n: Node): string {
  return n.type === 'pipe' ? `(${printPipe(n)})` : print(n);
}

/** The canonical source text of a node (Go's Node.String()). */
export function print(n: Node): string {
  switch (n.type) {
    case 'list':
      return n.nodes.map(print).join('');
    case 'text':
      return n.text;
    case 'comment':
      return `{{${n.text}}}`;
    case 'action':
      return `{{${printPipe(n.pipe)}}}`;
    case 'pipe':
      return printPipe(n);
    case 'command':
      return n.args.map(printArg).join(' ');
    case 'identifier':
      return n.ident;
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return n.ident.map((id) => '.' + id).join('');
    case 'chain':
      return printArg(n.node) + n.field.map((f) => '.' + f).join('');
    case 'bool':
      return n.value ? 'true' : 'false';
    case 'number':
      return n.text;
    case 'string':
      return n.quoted;
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = n.elseList === undefined ? '' : `{{else}}${print(n.elseList)}`;
      return `{{${n.type} ${printPipe(n.pipe)}}}${print(n.list)}${elsePart}{{end}}`;
    }
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'template':
      return n.pipe === undefined ? `{{template ${quote(n.name)}}}` : `{{template ${quote(n.name)} ${printPipe(n.pipe)}}}`;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
  }
}

/** Go's parse.IsEmptyTree: nothing but whitespace text and comments. */
export function isEmptyTree(n: Node | undefined): boolean {
  if (n === undefined) return true;
  switch (n.type) {
    case 'comment':
      return true;
    case 'list':
      return n.nodes.every(isEmptyTree);
    case 'text':
      return trimSpace(n.text) === '';
    default:
      return false;
  }
}
