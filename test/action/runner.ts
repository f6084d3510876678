// A stand-in for the GitHub Actions runner: runs the bundled dist/main/index.js and dist/post/index.js
// with the environment the runner gives a JavaScript action (INPUT_* with action.yml defaults, GITHUB_*
// files and variables, STATE_* from the main step for the post step) and parses what they wrote.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';

const root = join(import.meta.dirname, '..', '..');
/** The bundles under test: dist/ (MAAND_TEST_DIST points elsewhere, e.g. a private build while others rebuild dist/). */
const dist = process.env['MAAND_TEST_DIST'] ?? join(root, 'dist');
const action = yaml.load(readFileSync(join(root, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  /** What the step appended to GITHUB_STEP_SUMMARY. */
  summary: string;
  /** `::error ...::message` workflow commands, as `title: message`. */
  errors: string[];
  warnings: string[];
  /** `::add-mask::` values. */
  masks: string[];
}

export interface RunnerOptions {
  workspace: string;
  eventName?: string;
  /** Written to GITHUB_EVENT_PATH. */
  event?: unknown;
  repository?: string;
  apiUrl?: string;
  /** Extra environment (e.g. the cache service stand-in). */
  env?: Record<string, string>;
}

export interface StepOptions {
  /** Called with each stdout line as it arrives (e.g. to send SIGINT at a given point). */
  onLine?: (line: string, child: ChildProcess) => void;
}

/** Parses the `name<<delimiter … delimiter` file format of GITHUB_OUTPUT and GITHUB_STATE. */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (!m) {
      const eq = lines[i]!.indexOf('=');
      if (eq > 0) out[lines[i]!.slice(0, eq)] = lines[i]!.slice(eq + 1);
      continue;
    }
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
    out[m[1]!] = value.join('\n');
  }
  return out;
}

function commands(stdout: string, kind: string): string[] {
  const unescape = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  return stdout.split('\n').flatMap((l) => {
    const m = new RegExp(`^::${kind}(?: ([^:]*))?::(.*)$`).exec(l);
    if (!m) return [];
    const title = /title=([^,]*)/.exec(m[1] ?? '')?.[1];
    return [`${title ? `${unescape(title)}: ` : ''}${unescape(m[2]!)}`];
  });
}

/** One job of one workflow run: its own RUNNER_TEMP and command files; main then post. */
export class JobRun {
  readonly temp: string;
  readonly runId: number;
  readonly opts: RunnerOptions;
  #state: Record<string, string> = {};
  #step = 0;

  constructor(runId: number, opts: RunnerOptions) {
    this.runId = runId;
    this.opts = opts;
    this.temp = mkdtempSync(join(tmpdir(), `maand-runner-${runId}-`));
    mkdirSync(join(this.temp, '_temp'), { recursive: true });
  }

  #env(inputs: Record<string, string>, files: Record<string, string>): Record<string, string> {
    const env: Record<string, string> = {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: process.env['HOME'] ?? '/root', LANG: 'C.UTF-8',
      CI: 'true', GITHUB_ACTIONS: 'true', RUNNER_OS: 'Linux', RUNNER_TEMP: join(this.temp, '_temp'),
      GITHUB_WORKSPACE: this.opts.workspace, GITHUB_EVENT_NAME: this.opts.eventName ?? 'push', GITHUB_REPOSITORY: this.opts.repository ?? 'acme/infra',
      GITHUB_RUN_ID: String(this.runId), GITHUB_RUN_ATTEMPT: '1', GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567', GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: this.opts.apiUrl ?? 'http://127.0.0.1:9', GITHUB_REF: 'refs/heads/main', ...files, ...this.opts.env,
    };
    const eventPath = join(this.temp, 'event.json');
    writeFileSync(eventPath, JSON.stringify(this.opts.event ?? {}));
    env['GITHUB_EVENT_PATH'] = eventPath;
    for (const [name, spec] of Object.entries(action.inputs)) {
      const value = inputs[name] ?? (spec.default === '${{ github.token }}' ? 'ghs_testtoken' : String(spec.default ?? ''));
      env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    }
    for (const name of Object.keys(inputs)) if (!(name in action.inputs)) env[`INPUT_${name.toUpperCase()}`] = inputs[name]!;
    return env;
  }

  async #step_(entry: 'main' | 'post', inputs: Record<string, string>, extraEnv: Record<string, string>, o: StepOptions): Promise<StepResult> {
    const n = this.#step++;
    const files = { GITHUB_OUTPUT: join(this.temp, `output-${n}`), GITHUB_STATE: join(this.temp, `state-${n}`), GITHUB_STEP_SUMMARY: join(this.temp, `summary-${n}`), GITHUB_ENV: join(this.temp, `env-${n}`), GITHUB_PATH: join(this.temp, `path-${n}`) };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const child = spawn(process.execPath, [join(dist, entry, 'index.js')], { cwd: this.opts.workspace, env: { ...this.#env(inputs, files), ...extraEnv }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let partial = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      partial += d;
      const lines = partial.split('\n');
      partial = lines.pop()!;
      for (const l of lines) o.onLine?.(l, child);
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
    const read = (f: string): string => readFileSync(f, 'utf8');
    const state = parseFileCommands(read(files.GITHUB_STATE));
    return {
      exitCode, signal, stdout, stderr, outputs: parseFileCommands(read(files.GITHUB_OUTPUT)), state, summary: read(files.GITHUB_STEP_SUMMARY),
      errors: commands(stdout, 'error'), warnings: commands(stdout, 'warning'), masks: commands(stdout, 'add-mask'),
    };
  }

  /** The main step; its saved state is handed to the post step as STATE_* variables. */
  async main(inputs: Record<string, string>, o: StepOptions = {}): Promise<StepResult> {
    const r = await this.#step_('main', inputs, {}, o);
    this.#state = r.state;
    return r;
  }

  async post(inputs: Record<string, string>): Promise<StepResult> {
    const env = Object.fromEntries(Object.entries(this.#state).map(([k, v]) => [`STATE_${k}`, v]));
    return this.#step_('post', inputs, env, {});
  }

  /** main, then post (the post step runs whatever main's outcome was, like post-if: always()). */
  async both(inputs: Record<string, string>, o: StepOptions = {}): Promise<{ main: StepResult; post: StepResult }> {
    const main = await this.main(inputs, o);
    const post = await this.post(inputs);
    return { main, post };
  }

  cleanup(): void {
    rmSync(this.temp, { recursive: true, force: true });
  }
}

/** The bucket id a finished step reports in its result file (the `plan` output). */
export function bucketIdOf(step: StepResult): string {
  return (JSON.parse(readFileSync(step.outputs['plan']!, 'utf8')) as { report: { bucketId: string } }).report.bucketId;
}

/** Ends what a test file started: services (workers, Actions stand-in, GitHub stand-in), then its runs and checkouts. */
export async function tearDown(services: Array<{ stop(): Promise<void> } | undefined>, runs: JobRun[], checkouts: Array<{ cleanup(): void } | undefined>): Promise<void> {
  for (const s of services) await s?.stop();
  for (const r of runs) r.cleanup();
  for (const c of checkouts) c?.cleanup();
}
