// N real SSH workers on loopback addresses for tests. Worker N is an sshd on <net>.N:22 that runs
// in its own mount namespace, where /opt/worker is a bind mount of <dir>/wN/opt and /root holds
// only the stock /etc/skel dotfiles (this machine's /root/.bashrc costs 0.1 s per ssh). Runs as
// root. Every process a worker spawns stays in its namespace, which is how stop() finds them.

import { spawn, type ChildProcess } from 'node:child_process';
import { chown, copyFile, chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { closeSync, existsSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killNamespace, killNamespaceSync, mountNamespaceOf } from './processes.ts';
import { run, runOk, type ExecResult } from './run.ts';
import { shellQuote, sshdConfigText } from './sshd-config.ts';

export type { ExecResult } from './run.ts';

export interface StartWorkersOptions {
  count: number;
  /** First three octets of a loopback block, e.g. '127.0.42'; each test file uses its own. */
  net: string;
  /**
   * Also a non-root login with this name (uid 1500) that may sudo without a password, for use_sudo
   * tests. It exists only inside the workers' namespaces (their /etc/passwd, group, shadow and
   * sudoers are bind mounts of files in the harness dir).
   */
  sudoUser?: string;
  /**
   * Run the workers inside this network namespace (created by the caller, lo up): nothing in the
   * root namespace reaches them (test/harness/private-fleet.ts).
   */
  netns?: string;
  /** sshd's stock MaxStartups/MaxSessions instead of the harness's roomy ones. */
  stockLimits?: boolean;
}

export interface StopWorkerOptions {
  /** Kill only sshd (a network partition) and leave the worker's jobs running. */
  keepJobs?: boolean;
}

export interface WorkerSet {
  readonly ips: string[];
  readonly dir: string;
  readonly clientKey: string;
  readonly knownHosts: string;
  readonly sshUser: 'root';
  /** The non-root sudo login (StartWorkersOptions.sudoUser), when asked for. */
  readonly sudoUser: string | undefined;
  /** Host path bound to that worker's /opt/worker. */
  optDir(ip: string): string;
  /** That worker's sshd log (LogLevel INFO: one "Accepted publickey" line per connection). */
  logFile(ip: string): string;
  /** Runs `command` on the worker over ssh (strict host key check against knownHosts). */
  exec(ip: string, command: string, input?: string): Promise<ExecResult>;
  /** Takes the worker down: its sshd and, unless keepJobs, every process it started. */
  stopWorker(ip: string, opts?: StopWorkerOptions): Promise<void>;
  startWorker(ip: string): Promise<void>;
  /**
   * Mounts inside that worker's mount namespace (where its sshd and jobs run), never on the host:
   * `tmpfs` a tmpfs of `kib` KiB at `path` (a full disk), `bind` a host file over `path` (a broken
   * program). `unmount` undoes the newest mount at `path`. A restarted worker starts without them.
   */
  mount(ip: string, path: string, what: { tmpfsKiB: number } | { bind: string }): Promise<void>;
  unmount(ip: string, path: string): Promise<void>;
  /** Kills job processes and empties every /opt/worker; sshd keeps running. */
  reset(): Promise<void>;
  /** Kills everything the workers started and removes the temp dir. */
  stop(): Promise<void>;
}

const SSHD = '/usr/sbin/sshd';
const SUDO_UID = 1500;

interface Worker {
  ip: string;
  dir: string;
  child?: ChildProcess;
  exited?: Promise<void>;
  /** Every namespace this worker ever ran in (a stopWorker with keepJobs leaves one behind). */
  namespaces: string[];
  /**
   * An open fd on each of those namespaces: it keeps an emptied namespace alive, so the kernel cannot hand
   * its id to another test file's new worker, whose processes a later kill by that id would hit.
   */
  pins: number[];
}

class LocalWorkers implements WorkerSet {
  readonly ips: string[];
  readonly dir: string;
  readonly clientKey: string;
  readonly knownHosts: string;
  readonly sshUser = 'root' as const;
  readonly sudoUser: string | undefined;
  readonly #netns: string | undefined;
  readonly #stockLimits: boolean;
  readonly #workers = new Map<string, Worker>();
  readonly #onExit = (): void => {
    for (const w of this.#workers.values()) for (const ns of w.namespaces) killNamespaceSync(ns);
  };

  constructor(dir: string, ips: string[], sudoUser?: string, netns?: string, stockLimits = false) {
    this.dir = dir;
    this.#netns = netns;
    this.#stockLimits = stockLimits;
    this.ips = ips;
    this.sudoUser = sudoUser;
    this.clientKey = join(dir, 'client_key');
    this.knownHosts = join(dir, 'known_hosts');
    ips.forEach((ip, i) => this.#workers.set(ip, { ip, dir: join(dir, `w${i + 1}`), namespaces: [], pins: [] }));
    process.on('exit', this.#onExit); // last resort if a test file forgets stop()
  }

  #worker(ip: string): Worker {
    const w = this.#workers.get(ip);
    if (w === undefined) throw new Error(`no test worker ${ip} (workers: ${this.ips.join(', ')})`);
    return w;
  }

  optDir(ip: string): string {
    return join(this.#worker(ip).dir, 'opt');
  }

  logFile(ip: string): string {
    return join(this.#worker(ip).dir, 'sshd.log');
  }

  async prepare(): Promise<void> {
    await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'maand-test-client', '-f', this.clientKey]);
    await copyFile(`${this.clientKey}.pub`, join(this.dir, 'authorized_keys'));
    const hostLines: string[] = [];
    for (const w of this.#workers.values()) {
      await mkdir(join(w.dir, 'opt'), { recursive: true });
      const home = join(w.dir, 'home');
      await mkdir(home, { recursive: true, mode: 0o700 });
      for (const f of ['.bashrc', '.profile']) {
        const skel = join('/etc/skel', f);
        if (existsSync(skel)) await copyFile(skel, join(home, f));
        else await writeFile(join(home, f), '');
      }
      const hostKey = join(w.dir, 'host_key');
      await runOk('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', `worker-${w.ip}`, '-f', hostKey]);
      const [type, key] = (await readFile(`${hostKey}.pub`, 'utf8')).trim().split(/\s+/);
      hostLines.push(`${w.ip} ${type} ${key}`);
      const cfg = sshdConfigText({
        ip: w.ip,
        pidFile: join(w.dir, 'sshd.pid'),
        hostKey,
        authorizedKeys: join(this.dir, 'authorized_keys'),
        stockLimits: this.#stockLimits,
      });
      await writeFile(join(w.dir, 'sshd_config'), cfg);
    }
    await writeFile(this.knownHosts, hostLines.join('\n') + '\n');
    if (this.sudoUser !== undefined) await this.#prepareSudoUser(this.sudoUser);
  }

  /** /etc files for the workers' namespaces: the host's plus a user that may run anything with sudo. */
  async #prepareSudoUser(name: string): Promise<void> {
    const etc = join(this.dir, 'etc');
    const home = join(this.dir, `home-${name}`);
    await mkdir(etc, { recursive: true });
    await mkdir(home, { recursive: true, mode: 0o700 });
    await chown(home, SUDO_UID, SUDO_UID);
    const add = async (file: string, line: string, mode: number): Promise<void> => {
      const text = await readFile(`/etc/${file}`, 'utf8');
      await writeFile(join(etc, file), `${text.endsWith('\n') || text === '' ? text : `${text}\n`}${line}\n`, { mode });
      await chmod(join(etc, file), mode);
    };
    await add('passwd', `${name}:x:${SUDO_UID}:${SUDO_UID}:maand test:${home}:/bin/bash`, 0o644);
    await add('group', `${name}:x:${SUDO_UID}:`, 0o644);
    await add('shadow', `${name}:*:19000:0:99999:7:::`, 0o640);
    await writeFile(join(etc, 'sudoers'), `Defaults env_reset\nroot ALL=(ALL:ALL) ALL\n${name} ALL=(ALL:ALL) NOPASSWD: ALL\n`, { mode: 0o440 });
    await chmod(join(etc, 'sudoers'), 0o440);
  }

  async startWorker(ip: string): Promise<void> {
    const w = this.#worker(ip);
    if (w.child !== undefined) return;
    await assertAddressFree(ip, this.#netns);
    const pidFile = join(w.dir, 'sshd.pid');
    await rm(pidFile, { force: true });
    await writeFile(join(w.dir, 'sshd.log'), '', { flag: 'a' });
    const q = (p: string): string => shellQuote(join(w.dir, p));
    const etc = (f: string): string => `mount --bind ${shellQuote(join(this.dir, 'etc', f))} /etc/${f} && `;
    const sudo = this.sudoUser === undefined ? '' : ['passwd', 'group', 'shadow', 'sudoers'].map(etc).join('');
    const script =
      `exec 2>>${q('sshd.log')}; mount --bind ${q('opt')} /opt/worker && mount --bind ${q('home')} /root && ${sudo}` +
      `exec ${SSHD} -D -f ${q('sshd_config')} -E ${q('sshd.log')}`;
    const unshare = ['unshare', '-m', '--propagation', 'private', 'sh', '-c', script];
    const argv = this.#netns === undefined ? unshare : ['ip', 'netns', 'exec', this.#netns, ...unshare];
    const child = spawn(argv[0]!, argv.slice(1), {
      stdio: 'ignore',
    });
    let exitCode: number | null | undefined;
    w.exited = new Promise((resolve) =>
      child.on('exit', (code) => {
        exitCode = code;
        w.child = undefined;
        resolve();
      }),
    );
    child.on('error', () => {}); // reported through the exit below
    child.unref();
    w.child = child;
    // sshd writes its pid file after it is listening (unshare and sh exec, so the pid is ours)
    const deadline = Date.now() + 5000;
    for (;;) {
      if (exitCode !== undefined) {
        const log = await readFile(join(w.dir, 'sshd.log'), 'utf8').catch(() => '');
        throw new Error(`test worker ${ip}: sshd exited (${exitCode}) at startup: ${log.trim()}`);
      }
      const pid = await readFile(pidFile, 'utf8').catch(() => '');
      if (pid.trim() === String(child.pid)) break;
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`test worker ${ip}: sshd did not start within 5 s (see ${join(w.dir, 'sshd.log')})`);
      }
      await sleep(10);
    }
    const ns = await mountNamespaceOf(child.pid ?? 0);
    if (ns === undefined || ns === (await mountNamespaceOf('self'))) {
      child.kill('SIGKILL');
      throw new Error(`test worker ${ip}: sshd is not in a private mount namespace`);
    }
    w.namespaces.push(ns);
    try {
      w.pins.push(openSync(`/proc/${child.pid}/ns/mnt`, 'r'));
    } catch {
      // sshd already gone: its namespace too, nothing to pin
    }
  }

  async stopWorker(ip: string, opts: StopWorkerOptions = {}): Promise<void> {
    const w = this.#worker(ip);
    const current = w.namespaces.at(-1);
    if (w.child === undefined || current === undefined) return;
    await killNamespace(current, opts.keepJobs === true ? { exe: SSHD } : {});
    if (opts.keepJobs !== true) w.namespaces.pop();
    await w.exited;
  }

  async #inNamespace(ip: string, args: string[]): Promise<void> {
    const pid = this.#worker(ip).child?.pid;
    if (pid === undefined) throw new Error(`test worker ${ip} is not running`);
    await runOk('nsenter', ['-t', String(pid), '-m', '--', ...args]);
  }

  async mount(ip: string, path: string, what: { tmpfsKiB: number } | { bind: string }): Promise<void> {
    if ('tmpfsKiB' in what) await this.#inNamespace(ip, ['mount', '-t', 'tmpfs', '-o', `size=${what.tmpfsKiB}k`, 'tmpfs', path]);
    else await this.#inNamespace(ip, ['mount', '--bind', what.bind, path]);
  }

  async unmount(ip: string, path: string): Promise<void> {
    await this.#inNamespace(ip, ['umount', path]);
  }

  async exec(ip: string, command: string, input?: string): Promise<ExecResult> {
    this.#worker(ip);
    const ssh = this.#netns === undefined ? ['ssh'] : ['ip', 'netns', 'exec', this.#netns, 'ssh'];
    return run(ssh[0]!, [
      ...ssh.slice(1),
      ...['-F', '/dev/null', '-i', this.clientKey, '-o', 'IdentitiesOnly=yes', '-o', 'BatchMode=yes'],
      ...['-o', `UserKnownHostsFile=${this.knownHosts}`, '-o', 'StrictHostKeyChecking=yes'],
      ...['-o', 'LogLevel=ERROR', '-o', 'ConnectTimeout=5'],
      `${this.sshUser}@${ip}`,
      command,
    ], input);
  }

  async verifyIsolation(): Promise<void> {
    await Promise.all(
      this.ips.map(async (ip) => {
        const marker = join(this.optDir(ip), '.whoami');
        await writeFile(marker, `worker-${ip}\n`);
        const r = await this.exec(ip, 'cat /opt/worker/.whoami; ls -A /root');
        await rm(marker, { force: true });
        const want = `worker-${ip}\n.bashrc\n.profile\n`;
        if (r.exitCode !== 0 || r.stdout !== want) {
          throw new Error(`test worker ${ip} isolation check failed (exit ${r.exitCode}): ${JSON.stringify(r.stdout + r.stderr)}`);
        }
      }),
    );
  }

  async reset(): Promise<void> {
    for (const w of this.#workers.values()) {
      const listener = w.child?.pid;
      for (const ns of w.namespaces) await killNamespace(ns, listener === undefined ? {} : { except: [listener] });
      // Empty the folder, never replace it: the worker's /opt/worker is a bind mount of this very inode.
      const opt = join(w.dir, 'opt');
      for (const name of await readdir(opt)) await rm(join(opt, name), { recursive: true, force: true });
    }
  }

  async stop(): Promise<void> {
    const problems: string[] = [];
    for (const w of this.#workers.values()) {
      for (const ns of w.namespaces) {
        await killNamespace(ns).catch((e: unknown) => problems.push(`${w.ip}: ${String(e)}`));
      }
      w.namespaces = [];
      if (w.child !== undefined) await w.exited;
      for (const fd of w.pins) closeSync(fd);
      w.pins = [];
    }
    process.off('exit', this.#onExit);
    await rm(this.dir, { recursive: true, force: true });
    if (problems.length > 0) throw new Error(`test workers did not stop cleanly:\n${problems.join('\n')}`);
  }
}

async function assertAddressFree(ip: string, netns?: string): Promise<void> {
  const ss = ['ss', '-Hltnp', `src ${ip}:22`];
  let r = netns === undefined ? await runOk(ss[0]!, ss.slice(1)) : await run('ip', ['netns', 'exec', netns, ...ss]);
  // `ip netns exec` sets up a private /sys for each call and now and then fails doing so when many run at once
  for (let attempt = 1; r.exitCode !== 0 && attempt < 5; attempt++) {
    await sleep(100 * attempt);
    r = await run('ip', ['netns', 'exec', netns!, ...ss]);
  }
  if (r.exitCode !== 0) throw new Error(`ip netns exec ${netns} ${ss.join(' ')} failed (exit ${r.exitCode}): ${r.stderr.trim()}`);
  if (r.stdout.trim() !== '') {
    throw new Error(
      `${ip}:22 is already in use (${r.stdout.trim()}): give this test file another loopback block ` +
        `(127.0.X) or stop the leftover sshd`,
    );
  }
}

/** Starts `count` workers on <net>.1 .. <net>.count, verifies each sees only its own /opt/worker. */
export async function startWorkers(opts: StartWorkersOptions): Promise<WorkerSet> {
  if (!/^127\.\d{1,3}\.\d{1,3}$/.test(opts.net)) {
    throw new Error(`net ${JSON.stringify(opts.net)}: must be a loopback block like '127.0.42'`);
  }
  if (!Number.isInteger(opts.count) || opts.count < 1 || opts.count > 254) {
    throw new Error(`count ${opts.count}: must be an integer between 1 and 254`);
  }
  if (process.getuid?.() !== 0) throw new Error('test workers need root (sshd, unshare, mount)');
  const ips = Array.from({ length: opts.count }, (_, i) => `${opts.net}.${i + 1}`);
  for (const ip of ips) await assertAddressFree(ip, opts.netns);
  await mkdir('/run/sshd', { recursive: true });
  await mkdir('/opt/worker', { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), `maand-workers-${opts.net}-`));
  await chmod(dir, 0o755);
  const set = new LocalWorkers(dir, ips, opts.sudoUser, opts.netns, opts.stockLimits);
  try {
    await set.prepare();
    await Promise.all(ips.map((ip) => set.startWorker(ip)));
    await set.verifyIsolation();
  } catch (e) {
    await set.stop().catch(() => {});
    throw e;
  }
  return set;
}
