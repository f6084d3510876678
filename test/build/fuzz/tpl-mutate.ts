// Template-aware mutations of .tpl files: broken, hostile and deeply nested actions inserted at a
// random place (the build renders _prometheus/scrape.yaml.tpl; the others are only hashed).
import type { Prng } from './prng.ts';

const ACTIONS = [
  '{{', '}}', '{{ end }}', '{{ range }}', '{{ if }}', '{{ .Missing.Field }}', '{{ get "vars/bucket" "nope" }}', '{{ get "secrets/bucket" "x" }}',
  '{{ index .Job 100 }}', '{{ slice .Job 3 1 }}', '{{ printf "%d %s %!" 1e400 }}', '{{ 1e1000 }}', '{{ 0x1p10000 }}', '{{ div 1 0 }}',
  '{{ template "nope" }}', '{{ define "a" }}{{ template "a" }}{{ end }}{{ template "a" }}', '{{ len 3 }}', '{{ call .Job }}',
  '{{ keys "maand/job/api" }}', '{{ range $i := 9223372036854775807 }}{{ end }}', '{{ "\\xff\\xfe" }}', '{{ $x := }}', '{{/* open',
  '{{ upper nil }}', '{{ split "a" }}', "{{ 'ab' }}", '{{ 1 | 2 }}', '{{ and }}', '{{ eq 1 "1" }}', '{{ lt "\\uffff" "😀" }}',
] as const;

const OPS = ['insert-action', 'nest-parens', 'nest-blocks', 'yaml-aliases'] as const;

/** A YAML document whose aliases nest `levels` deep: 9^levels values once expanded. */
function aliasBomb(levels: number): string {
  let out = '- job_name: x\n  l0: &l0 ["x","x","x","x","x","x","x","x","x"]\n';
  for (let i = 1; i <= levels; i++) out += `  l${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(',')}]\n`;
  return out;
}

export function mutateTemplate(rng: Prng, text: string): { op: string; text: string } {
  const pos = rng.int(text.length + 1);
  const op = rng.pick(OPS);
  if (op === 'yaml-aliases') {
    const levels = rng.pick([2, 6, 9]);
    return { op: `tpl:${op}x${levels}`, text: aliasBomb(levels) };
  }
  const depth = rng.pick([10, 500, 5000]);
  const insert =
    op === 'insert-action' ? rng.pick(ACTIONS)
    : op === 'nest-parens' ? `{{ ${'('.repeat(depth)}1${')'.repeat(depth)} }}`
    : `${'{{ if true }}'.repeat(depth)}x${'{{ end }}'.repeat(depth)}`;
  return { op: `tpl:${op}${op === 'insert-action' ? '' : `x${depth}`}`, text: text.slice(0, pos) + insert + text.slice(pos) };
}
