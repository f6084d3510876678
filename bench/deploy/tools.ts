// The deploy methods under test, each as "how to run one deploy" + "where it puts the jobs":
// the lower bound (deploy-lb.sh), tuned and per-job-loop Ansible (the anchor's playbooks) and maand.
// LB and Ansible deploy to /opt/worker/bench (shared: they do the same thing), maand to
// /opt/worker/<bucket_id>, so each tool's no-op and one-file change are measured against its own state.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MaandBucket } from './maand-bucket.ts';
import type { SshEnv } from './ssh-env.ts';

export type Mode = 'copyall' | 'strict';

export interface Command {
  file: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export interface Tool {
  name: string;
  /** Directory under each worker's /opt/worker that holds run/ and jobs/. */
  remoteBase: string;
  deploy(): Command;
  /** Untimed, before a cold deploy: make the tool forget what it deployed. */
  forget(): void;
  /** Untimed, after a job file changed: let the tool pick it up. Returns the ms it took. */
  refresh(): number;
}

export const TOOL_NAMES = ['lb', 'maand', 'ansible-tuned', 'ansible-loop'] as const;
export type ToolName = (typeof TOOL_NAMES)[number];

const HERE = import.meta.dirname;

export interface ToolContext {
  env: SshEnv;
  maand: MaandBucket;
  workerCount: number;
  mode: Mode;
  /** Ansible's forks in copyall mode (default: one per worker). */
  forks?: number;
}

/** Behind a bastion (env.bastion), the command runs inside with-bastion.sh: one bastion master for the whole deploy. */
function viaBastion(c: ToolContext, cmd: Command): Command {
  if (c.env.bastion === undefined) return cmd;
  return { ...cmd, file: join(HERE, 'with-bastion.sh'), args: [cmd.file, ...cmd.args], env: { ...cmd.env, BENCH_STATE: c.env.dir } };
}

export function makeTool(name: ToolName, c: ToolContext): Tool {
  const jobs = c.maand.jobsDir;
  const none = { forget: (): void => {}, refresh: (): number => 0 };
  if (name === 'lb') {
    return {
      name, remoteBase: 'bench', ...none,
      deploy: () => viaBastion(c, { file: join(HERE, 'deploy-lb.sh'), args: [jobs, c.mode], cwd: HERE, env: { ...process.env, BENCH_STATE: c.env.dir } }),
    };
  }
  if (name === 'maand') {
    return {
      name, remoteBase: c.maand.bucketId,
      deploy: () => c.maand.deployCommand(),
      forget: () => c.maand.forget(),
      refresh: () => c.maand.build(),
    };
  }
  const playbook = name === 'ansible-tuned' ? 'tuned' : 'loop';
  return {
    name, remoteBase: 'bench', ...none,
    deploy: () => {
      // strict: `serial: 2`; copyall: every host at once, `throttle: 2` on the make task (anchor's deploy-ansible.sh)
      const extra = c.mode === 'strict'
        ? ['-e', 'serial_batch=2', '-e', 'make_throttle=0']
        : ['-e', 'serial_batch=100%', '-e', 'make_throttle=2', '--forks', String(c.forks ?? c.workerCount)];
      const names = readdirSync(jobs).sort();
      return viaBastion(c, {
        file: 'ansible-playbook',
        args: [join(HERE, 'playbooks', `deploy-${playbook}.yml`), '-e', `bucket_dir=${join(jobs, '..')}`, '-e', JSON.stringify({ job_names: names }), ...extra],
        cwd: HERE,
        env: { ...process.env, ANSIBLE_CONFIG: c.env.ansibleCfg, ANSIBLE_STRATEGY: 'linear' },
      });
    },
  };
}
