// The valid workspace every fuzz case starts from: several jobs with ports, certificates, templates,
// commands with a demand, selectors, a health check, disabled.json, vars.toml and bucket.jobs.conf.
// It is initialised and built once; each case copies that bucket (catalog included), so a case
// exercises an update of a populated catalog, as a user's second build would.
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newBucket, type TestBucket } from '../../helpers/bucket.ts';

const json = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

/** Workspace files by bucket-relative path. */
export const FIXTURE: Readonly<Record<string, string>> = {
  'maand.conf': "use_sudo = true\nssh_user = 'agent'\nssh_key = 'worker.key'\nssh_port = 22\ncerts_ttl = 60\ncerts_renewal_buffer = 5\njob_config_selector = ''\n",
  'workspace/workers.json': json([
    { host: '10.0.0.1', hostname: 'db-1', labels: ['db', 'prometheus'], memory: '4 GB', cpu: '4 GHZ', tags: { zone: 'a' }, position: 0 },
    { host: '10.0.0.2', labels: ['api'], memory: '2048', cpu: '2000', tags: { zone: 'b' } },
    { host: '10.0.0.3', labels: ['api', 'edge'], memory: '2 GB', cpu: '2 ghz', position: 1 },
  ]),
  'workspace/bucket.conf': 'port_min = "30000"\nport_max = "30999"\nscheme = "https"\nregion = "eu-1"\n',
  'workspace/bucket.jobs.conf': '[api]\nmemory = "256 MB"\ncpu = "500 MHZ"\n\n[db]\nmemory = "1 GB"\n',
  'workspace/disabled.json': json({ jobs: { edge: { allocations: ['10.0.0.3'] } }, workers: [] }),
  'workspace/jobs/db/manifest.json': json({
    version: '2.1.0',
    selectors: ['db'],
    resources: { memory: { min: '512 MB', max: '2 GB' }, cpu: { min: '100 MHZ' }, ports: { db_port: {} } },
    commands: { command_schema: { executed_on: ['cli', 'pre_deploy'] } },
    health_check: { checks: [{ type: 'tcp', port: 'db_port' }], timeout_seconds: 5, wait: { attempts: 3, interval_seconds: 1 } },
  }),
  'workspace/jobs/db/Makefile': 'start:\n\ttrue\nstop:\n\ttrue\n',
  'workspace/jobs/db/vars.toml': 'pool_size = "10"\nname = "main"\n',
  'workspace/jobs/db/_modules/command_schema.py': 'print("schema")\n',
  'workspace/jobs/api/manifest.json': json({
    version: '1.4.2',
    selectors: ['api'],
    resources: { memory: { min: '128 MB', max: '512 MB' }, cpu: { min: '250 MHZ', max: '1 GHZ' }, ports: { api_port: {}, api_metrics_port: {} } },
    certs: { tls: { pkcs8: true, subject: { common_name: 'api.internal' } } },
    commands: { command_migrate: { executed_on: ['post_deploy'], demands: { job: 'db', command: 'command_schema', config: { min_version: '2.0.0' } } } },
    health_check: { checks: [{ type: 'http', port: 'api_port', path: '/health', expect_status: 200 }, { type: 'ssh', command: 'true' }], timeout_seconds: 10 },
    max_concurrent_upgrades: 1,
    max_concurrent_starts: 2,
    min_allocations_count: 1,
    restart_policy: 'reload',
    restart_globs: ['conf/*.conf'],
  }),
  'workspace/jobs/api/Makefile.tpl': 'start:\n\t./run --port {{ get "vars/job/api" "api_port" }}\n',
  'workspace/jobs/api/conf/app.conf.tpl': 'db = {{ get "vars/job/db" "name" }}\nversion = {{ .NewVersion }}\n',
  'workspace/jobs/api/vars.toml': 'log_level = "info"\n"quoted key" = "x"\n',
  'workspace/jobs/api/_modules/command_migrate.js': 'console.log("migrate")\n',
  'workspace/jobs/api/_prometheus/scrape.yaml.tpl':
    '- job_name: {{ .Job }}\n  scheme: {{ get "vars/bucket" "scheme" }}\n  params: {v: ["{{ .NewVersion }}"]}\n  static_configs:\n    - targets: ["maand:port/_implicit"]\n',
  'workspace/jobs/api/_prometheus/alerts/api.yaml': 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n        annotations:\n          runbook: api-down\n',
  'workspace/jobs/api/_prometheus/runbooks/api-down.md': '# api down\n',
  'workspace/jobs/edge/manifest.json': json({
    version: '0.9',
    selectors: ['worker'],
    resources: { ports: { edge_port: 30500 } },
    certs: { shared: { one: true, subject: { common_name: 'edge' } } },
    restart_policy: 'always',
  }),
  'workspace/jobs/edge/Makefile': 'start:\n\ttrue\n',
  'workspace/jobs/edge/edge.conf.tpl': '{{ range $k := keys "vars/bucket" }}{{ $k }}\n{{ end }}',
  'workspace/jobs/prometheus/manifest.json': json({ version: '1.0.0', selectors: ['prometheus'], resources: { ports: { prometheus_port: {} } } }),
  'workspace/jobs/prometheus/Makefile': 'start:\n\ttrue\n',
  'workspace/jobs/prometheus/prometheus.yml.tpl': 'scrape_configs: {{ scrapeConfigs }}\n',
};

/** One initialised and built bucket holding FIXTURE; cases copy it. */
export async function templateBucket(): Promise<TestBucket> {
  const b = await newBucket();
  b.write(FIXTURE);
  await b.build({ leafKeyBits: 1024 });
  return b;
}

/** A copy of the template bucket in a fresh temp directory. */
export function copyBucket(template: TestBucket): string {
  const root = join(mkdtempSync(join(tmpdir(), 'maand-fuzz-')), 'bucket');
  cpSync(template.root, root, { recursive: true });
  return root;
}

export function readText(root: string, path: string): string {
  return readFileSync(join(root, path), 'utf8');
}
