// The bucket a fault-suite file works on: real sshd workers, one job `app` with a recorded lifecycle
// and a conf file each case changes, deployed once through the bundled CLI before the first case.
import assert from 'node:assert/strict';
import { deployFixture, RECORDING_MAKEFILE, type DeployFixture } from '../deploy/fixture.ts';
import { cleanupRuns, deployArgs, deployments, maand, type CliOptions, type CliResult } from './cli.ts';

export interface FaultBucket {
  f: DeployFixture;
  ips: string[];
  /** `maand deploy` (plus `args`) against the workers' known_hosts. */
  deploy(args?: string[], o?: CliOptions): Promise<CliResult>;
  /** Writes app's conf at the next version (plus `files`, relative to app) and builds; returns the conf. */
  changeAndBuild(files?: Record<string, string>): Promise<string>;
  /** The repaired next deploy puts `conf` on every worker of app, restarts it there, and promotes it. */
  assertNextDeployFinishes(conf: string): Promise<void>;
  close(): Promise<void>;
}

export interface FaultBucketOptions {
  /** workers.json from the workers' IPs (default: each a plain worker). */
  workers?: (ips: string[]) => object[];
  /** Defines more jobs; those named in `alsoChanged` get their conf/<job>.conf changed with app's. */
  define?: (f: DeployFixture) => void;
  alsoChanged?: string[];
}

export async function faultBucket(net: string, count: number, o: FaultBucketOptions = {}): Promise<FaultBucket> {
  const f = await deployFixture(net, count);
  const ips = f.workers.ips;
  let version = 0;
  f.bucket.workers(o.workers?.(ips) ?? ips.map((ip) => ({ host: ip })));
  f.bucket.job('app', { version: '1.0.0', selectors: ['worker'] }, { Makefile: RECORDING_MAKEFILE, 'conf/app.conf': 'v=0\n' });
  o.define?.(f);
  const deploy = (args: string[] = [], opts: CliOptions = {}): Promise<CliResult> => maand(f.bucket.root, deployArgs(f.workers.knownHosts, ...args), opts);
  const first = await deploy(['--build']);
  assert.equal(first.code, 0, first.stderr);
  return {
    f, ips, deploy,
    async changeAndBuild(files = {}) {
      version++;
      const conf = `v=${version}\n`;
      const confs = Object.fromEntries((o.alsoChanged ?? []).map((job) => [`workspace/jobs/${job}/conf/${job}.conf`, conf]));
      const app = Object.fromEntries(Object.entries({ 'conf/app.conf': conf, ...files }).map(([p, c]) => [`workspace/jobs/app/${p}`, c]));
      f.bucket.write({ ...confs, ...app });
      const b = await maand(f.bucket.root, ['build']);
      assert.equal(b.code, 0, b.stderr);
      return conf;
    },
    async assertNextDeployFinishes(conf) {
      const r = await deploy();
      assert.equal(r.code, 0, r.stderr);
      for (const ip of ips) {
        assert.equal(f.remoteFile(ip, 'app', 'conf/app.conf'), conf, ip);
        assert.equal(f.lifecycle(ip, 'app').at(-1), 'restart 1.0.0 1.0.0', ip);
      }
      assert.deepEqual((await deployments(f.bucket.root))['app'], Object.fromEntries(ips.map((ip) => [ip, 'promoted'])));
    },
    async close() {
      await f.close();
      cleanupRuns();
    },
  };
}
