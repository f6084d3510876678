// Benchmark: render a 2,000-line template with nested ranges 10,000 times and print the
// renders per second (target: at least 5,000/s).
//   node_modules/.bin/node bench/template-bench.ts [renders]
//
// Two 2,000-line templates (100 sections of 20 lines each):
//  - "config": shaped like maand's real .tpl files (mostly fixed settings, a value or a helper
//    call every few lines, a nested range over the workers of each group);
//  - "dense": an action on almost every line (fields, printf, div/mul, join, with, add, and
//    three ranges, two of them nested) — a stress case, about five times denser than real jobs.

import { goStruct, maandFuncs, parseTemplate, render, type Template } from '../src/template/index.ts';

function configSection(n: number): string {
  return [
    `# ---- service ${n} ----`,
    `[service-${n}]`,
    'name = "{{ .Job }}"',
    'listen_address = "{{ .WorkerIP }}:{{ index .Ports 0 }}"',
    'log_level = "info"',
    'log_format = "json"',
    'max_connections = {{ max 100 (div .MemoryMB 32) }}',
    'shared_buffers = "{{ printf "%dMB" (div .MemoryMB 4) }}"',
    'timeout_seconds = 30',
    'retries = 3',
    '{{- range .Groups }}',
    '[service-{{ $.Index }}.group.{{ .Name }}]',
    'members = [{{ range $i, $m := .Members }}{{ if $i }}, {{ end }}"{{ $m }}"{{ end }}]',
    '{{- end }}',
    '{{ if .Enabled }}enabled = true{{ else }}enabled = false{{ end }}',
    'labels = "{{ join .Labels "," }}"',
    'tls_cert = "certs/server.crt"',
    'tls_key = "certs/server.key"',
    '# end',
    '',
  ].join('\n');
}

function denseSection(n: number): string {
  return [
    `# section ${n}`,
    `[service-${n}]`,
    'name = {{ .Job }}-{{ printf "%02d" .Index }}',
    'host = {{ .WorkerIP }}',
    '{{- range $i, $p := .Ports }}',
    'port_{{ $i }} = {{ $p }}',
    '{{- end }}',
    '{{ if .Enabled }}enabled = true{{ else }}enabled = false{{ end }}',
    '{{- range .Groups }}',
    '[group {{ .Name }}]',
    '{{- range .Members }}',
    '  member = {{ . }}',
    '{{- end }}',
    '{{- end }}',
    'memory = {{ div (mul .MemoryMB 3) 4 }}MB',
    'labels = {{ join .Labels "," }}',
    '{{ with .Extra }}extra = {{ . }}{{ end }}',
    `weight = {{ add .Index ${n} }}`,
    '# end',
    '',
  ].join('\n');
}

const data = goStruct('deploy.TemplateData', {
  Job: 'api',
  Index: 3,
  WorkerIP: '10.0.0.1',
  Ports: [8080, 8443, 9090],
  Enabled: true,
  Groups: [
    goStruct('Group', { Name: 'a', Members: ['10.0.0.1', '10.0.0.2', '10.0.0.3'] }),
    goStruct('Group', { Name: 'b', Members: ['10.0.1.1', '10.0.1.2', '10.0.1.3'] }),
  ],
  MemoryMB: 8192,
  Labels: ['worker', 'db'],
  Extra: 'yes',
});

const funcs = maandFuncs({ job: 'api', kv: { get: () => undefined, keys: () => [] } });
const renders = Number(process.argv[2] ?? 10_000);

function measure(label: string, section: (n: number) => string): void {
  const text = Array.from({ length: 100 }, (_, n) => section(n)).join('\n');
  const tpl: Template = parseTemplate(`${label}.tpl`, text, funcs);
  const out = render(tpl, data);
  for (let i = 0; i < 200; i++) render(tpl, data); // warm up the JIT
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  let bytes = 0;
  for (let i = 0; i < renders; i++) bytes += render(tpl, data).length;
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const perCpu = Math.round(renders / ((cpu.user + cpu.system) / 1e6));
  console.log(
    `${label}: ${text.split('\n').length} lines -> ${out.split('\n').length} lines (${out.length} chars); ` +
      `${renders} renders in ${seconds.toFixed(2)} s (${(bytes / 1e6).toFixed(0)} MB): ` +
      `${Math.round(renders / seconds)} renders/s (${perCpu} per CPU second)`,
  );
}

measure('config', configSection);
if (process.argv[3] !== 'config') measure('dense', denseSection);
