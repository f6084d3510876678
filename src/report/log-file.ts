// Run logs under logs/ (deploy spec §26.2): every event of a run appended to logs/<ip>.log (or
// logs/maand.log when no worker) and to logs/runs/<run>/<same file>, as key=value or JSON lines.
import { closeSync, fchmodSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_DIR, PRIVATE_FILE } from '../bucket/modes.ts';
import type { DeployEvent } from '../deploy/result.ts';

export type LogFormat = 'kv' | 'json';

function kvValue(v: string): string {
  return /[\s="]/.test(v) ? `"${v.replaceAll('"', '\\"')}"` : v;
}

export class RunLog {
  private readonly dir: string;
  private readonly runDir: string;
  private readonly base: Record<string, string | number>;
  private readonly format: LogFormat;
  /** Open append descriptors by file name (a deploy writes thousands of lines). */
  private readonly fds = new Map<string, [number, number]>();
  /** Lines not written yet, by file name; written at the end of the event-loop turn. */
  private readonly pending = new Map<string, string[]>();
  private flushQueued = false;
  private readonly dropExitFlush: () => void;

  constructor(logsDir: string, run: { id: string; command: string; format: string }) {
    this.dir = logsDir;
    this.runDir = join(logsDir, 'runs', run.id);
    this.format = run.format === 'json' || run.format === 'jsonl' ? 'json' : 'kv';
    this.base = { level: 'INFO', run: run.id, maand: run.command };
    mkdirSync(this.runDir, { recursive: true, mode: PRIVATE_DIR });
    // a run that exits early (an uncaught error, a second Ctrl-C) still logs its last lines
    const flush = (): void => this.flush();
    process.once('exit', flush);
    this.dropExitFlush = () => void process.removeListener('exit', flush);
  }

  write(fields: Record<string, string | number | undefined>): void {
    const worker = typeof fields['worker'] === 'string' && fields['worker'] !== '' ? fields['worker'] : '-';
    const record: Record<string, string | number> = { ts: new Date().toISOString(), ...this.base };
    for (const [k, v] of Object.entries({ ...fields, worker })) if (v !== undefined && v !== '') record[k] = v;
    const line = this.format === 'json'
      ? JSON.stringify(record)
      : Object.entries(record).map(([k, v]) => `${k}=${kvValue(String(v))}`).join(' ');
    const file = worker === '-' ? 'maand.log' : `${worker}.log`;
    let fds = this.fds.get(file);
    if (!fds) {
      fds = [openSync(join(this.dir, file), 'a', PRIVATE_FILE), openSync(join(this.runDir, file), 'a', PRIVATE_FILE)];
      for (const fd of fds) fchmodSync(fd, PRIVATE_FILE); // a log file made before by an older maand
      this.fds.set(file, fds);
    }
    let lines = this.pending.get(file);
    if (lines === undefined) this.pending.set(file, (lines = []));
    lines.push(`${line}\n`);
    if (!this.flushQueued) {
      this.flushQueued = true;
      setImmediate(() => this.flush());
    }
  }

  /**
   * Writes the lines of this event-loop turn, one write per file: a deploy to a hundred workers logs
   * tens of thousands of rsync lines, and a write per line cost seconds of the run's only thread.
   */
  flush(): void {
    this.flushQueued = false;
    for (const [file, lines] of this.pending) {
      const fds = this.fds.get(file)!;
      const text = lines.join('');
      writeSync(fds[0], text);
      writeSync(fds[1], text);
    }
    this.pending.clear();
  }

  close(): void {
    this.flush();
    this.dropExitFlush();
    for (const [a, b] of this.fds.values()) {
      closeSync(a);
      closeSync(b);
    }
    this.fds.clear();
  }

  event(e: DeployEvent): void {
    switch (e.type) {
      case 'output':
        return this.write({ event: 'output', worker: e.worker, job: e.job, stream: e.stream, msg: e.text });
      case 'batch-started':
        for (const w of e.workers) this.write({ event: 'batch_started', worker: w, job: e.job, phase: e.phase, action: e.action, batch: `${e.index + 1}/${e.count}` });
        return;
      case 'batch-promoted':
        for (const w of e.workers) this.write({ event: 'promoted', worker: w, job: e.job });
        return;
      case 'job-finished':
        return this.write({ event: 'job_finished', job: e.result.job, status: e.result.status, duration_ms: e.result.durationMs, msg: e.result.error });
      case 'reconcile':
        return this.write({ event: 'reconcile', worker: e.result.workerIp, job: e.result.job, action: e.result.action, status: e.result.outcome, msg: e.result.error });
      case 'job-skipped':
        return this.write({ event: 'deploy_skip', job: e.job, reason: e.reason });
      case 'health':
        return this.write({ event: 'health_check', job: e.job, status: e.status, msg: e.detail || undefined });
      case 'warning':
        return this.write({ event: 'warning', msg: e.message });
      default:
        return;
    }
  }
}
