// Times one deploy: the tool's command as a child process, wall clock from spawn to exit (not to
// stdio close: Ansible's ControlPersist masters outlive it and keep inherited descriptors open).
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import type { Command } from './tools.ts';

export interface Timed {
  exitCode: number;
  wallMs: number;
}

export function timeCommand(cmd: Command, logFile: string): Promise<Timed> {
  const fd = openSync(logFile, 'w');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(cmd.file, cmd.args, { cwd: cmd.cwd, env: cmd.env, stdio: ['ignore', fd, fd] });
    child.on('error', (e) => {
      closeSync(fd);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      const wallMs = performance.now() - t0;
      closeSync(fd);
      resolve({ exitCode: code ?? (signal === null ? -1 : 128), wallMs });
    });
  });
}
