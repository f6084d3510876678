// Benchmark: render a 2,000-line template with nested ranges 10,000 times and print the
// renders per second (target: at least 5,000/s).
//   node_modules/.bin/node bench/template-bench.ts [renders]

import { goStruct, maandFuncs, parseTemplate, render } from '../src/template/index.ts';

/** One 20-line section: fields, if/else, a range with two variables, nested ranges, printf. */
function section(n: number): string {
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
    `memory = {{ div (mul .MemoryMB 3) 4 }}MB`,
    'labels = {{ join .Labels "," }}',
    '{{ with .Extra }}extra = {{ . }}{{ end }}',
    `weight = {{ add .Index ${n} }}`,
    '# end',
    '',
  ].join('\n');
}

const text = Array.from({ length: 100 }, (_, n) => section(n)).join('\n');
const lines = text.split('\n').length;

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
const tpl = parseTemplate('bench.tpl', text, funcs);
const renders = Number(process.argv[2] ?? 10_000);

const warm = render(tpl, data);
for (let i = 0; i < 200; i++) render(tpl, data);
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
let bytes = 0;
for (let i = 0; i < renders; i++) bytes += render(tpl, data).length;
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;

console.log(`template: ${lines} lines, output ${warm.split('\n').length} lines (${warm.length} chars)`);
console.log(`rendered ${renders} times in ${seconds.toFixed(2)} s (${(bytes / 1e6).toFixed(1)} MB)`);
console.log(`${Math.round(renders / cpuSeconds)} renders per CPU second (differs from the wall clock on a busy machine)`);
console.log(`${Math.round(renders / seconds)} renders/s`);
