// JSON-aware mutations: the document is parsed into a tree that keeps duplicate keys and raw number
// texts, one node is changed, and the tree is written back (pretty or compact).
import type { Prng } from './prng.ts';
import { FIELD_NAMES, NUMBER_TEXTS, randomString } from './values.ts';

type Node =
  | { t: 'raw'; text: string }
  | { t: 'obj'; entries: Array<[string, Node]> }
  | { t: 'arr'; items: Node[] };

function toNode(v: unknown): Node {
  if (Array.isArray(v)) return { t: 'arr', items: v.map(toNode) };
  if (v !== null && typeof v === 'object') return { t: 'obj', entries: Object.entries(v).map(([k, x]) => [k, toNode(x)]) };
  return { t: 'raw', text: JSON.stringify(v) };
}

function write(n: Node, indent: string | undefined, depth = 0): string {
  const nl = indent === undefined ? '' : `\n${indent.repeat(depth + 1)}`;
  const end = indent === undefined ? '' : `\n${indent.repeat(depth)}`;
  if (n.t === 'raw') return n.text;
  if (n.t === 'arr') return n.items.length === 0 ? '[]' : `[${n.items.map((i) => nl + write(i, indent, depth + 1)).join(',')}${end}]`;
  if (n.entries.length === 0) return '{}';
  return `{${n.entries.map(([k, v]) => `${nl}${JSON.stringify(k)}:${indent === undefined ? '' : ' '}${write(v, indent, depth + 1)}`).join(',')}${end}}`;
}

/** Every node with a way to replace it, depth-first (the root's setter replaces the whole document). */
function slots(root: { doc: Node }): Array<{ node: Node; set(n: Node): void }> {
  const out: Array<{ node: Node; set(n: Node): void }> = [];
  const visit = (node: Node, set: (n: Node) => void): void => {
    out.push({ node, set });
    if (node.t === 'arr') node.items.forEach((c, i) => visit(c, (n) => (node.items[i] = n)));
    if (node.t === 'obj') node.entries.forEach((e) => visit(e[1], (n) => (e[1] = n)));
  };
  visit(root.doc, (n) => (root.doc = n));
  return out;
}

function randomValue(rng: Prng, depth = 0): Node {
  switch (rng.int(depth > 1 ? 4 : 6)) {
    case 0: return { t: 'raw', text: rng.pick(NUMBER_TEXTS) };
    case 1: return { t: 'raw', text: rng.pick(['true', 'false', 'null']) };
    case 2: return { t: 'raw', text: JSON.stringify(randomString(rng)) };
    case 3: return { t: 'raw', text: rng.pick(['"\\ud800"', '"\\u0000"', '"\\udfff\\ud800"', '"\\uFFFF"']) };
    case 4: return { t: 'arr', items: Array.from({ length: rng.int(3) }, () => randomValue(rng, depth + 1)) };
    default: return { t: 'obj', entries: Array.from({ length: rng.int(3) }, () => [rng.pick(FIELD_NAMES), randomValue(rng, depth + 1)] as [string, Node]) };
  }
}

/** `inner` wrapped `depth` times, written as text so the writer itself never recurses that deep. */
function deepNest(rng: Prng, inner: Node): Node {
  const depth = rng.pick([64, 1000, 20000]);
  const body = write(inner, undefined);
  if (rng.chance(0.5)) return { t: 'raw', text: `${'['.repeat(depth)}${body}${']'.repeat(depth)}` };
  return { t: 'raw', text: `${`{${JSON.stringify(rng.pick(FIELD_NAMES))}:`.repeat(depth)}${body}${'}'.repeat(depth)}` };
}

const OPS = ['replace', 'delete', 'add', 'number', 'unicode', 'duplicate', 'nest', 'empty-container'] as const;

/** A mutated JSON text and the operator's name; undefined when `text` is not JSON (already mutated away). */
export function mutateJson(rng: Prng, text: string): { op: string; text: string } | undefined {
  let root: { doc: Node };
  try {
    root = { doc: toNode(JSON.parse(text)) };
  } catch {
    return undefined; // not JSON any more, or nested too deep to walk: the caller mutates bytes instead
  }
  const all = slots(root);
  const target = rng.pick(all);
  const containers = all.filter((s) => s.node.t !== 'raw');
  const op = rng.pick(OPS);
  switch (op) {
    case 'replace': target.set(randomValue(rng)); break;
    case 'number': target.set({ t: 'raw', text: rng.pick(NUMBER_TEXTS) }); break;
    case 'unicode': target.set({ t: 'raw', text: JSON.stringify(randomString(rng)) }); break;
    case 'nest': target.set(deepNest(rng, target.node)); break;
    case 'empty-container': target.set(rng.chance(0.5) ? { t: 'obj', entries: [] } : { t: 'arr', items: [] }); break;
    case 'delete':
    case 'add':
    case 'duplicate': {
      const c = rng.pick(containers).node;
      if (c.t === 'arr') {
        if (op === 'delete' && c.items.length > 0) c.items.splice(rng.int(c.items.length), 1);
        else if (op === 'duplicate' && c.items.length > 0) c.items.push(c.items[rng.int(c.items.length)]!);
        else c.items.push(randomValue(rng));
      } else if (c.t === 'obj') {
        if (op === 'delete' && c.entries.length > 0) c.entries.splice(rng.int(c.entries.length), 1);
        // A duplicate key: Go keeps the last one, so give it a different value.
        else if (op === 'duplicate' && c.entries.length > 0) c.entries.push([c.entries[rng.int(c.entries.length)]![0], randomValue(rng)]);
        else c.entries.push([rng.chance(0.2) ? randomString(rng) : rng.pick(FIELD_NAMES), randomValue(rng)]);
      }
      break;
    }
  }
  return { op: `json:${op}`, text: write(root.doc, rng.chance(0.7) ? '  ' : undefined) };
}
