// Where everything lives inside a bucket (§2.2). The bucket root is the working directory.
import { join } from 'node:path';

export interface BucketPaths {
  root: string;
  maandConf: string;
  dataDir: string;
  db: string;
  workspace: string;
  jobsDir: string;
  workersJson: string;
  bucketConf: string;
  disabledJson: string;
  secretsDir: string;
  caCrt: string;
  caKey: string;
  kvKey: string;
  knownHosts: string;
  logsDir: string;
  tmpDir: string;
}

export function bucketPaths(root: string): BucketPaths {
  const workspace = join(root, 'workspace');
  const secretsDir = join(root, 'secrets');
  return {
    root,
    maandConf: join(root, 'maand.conf'),
    dataDir: join(root, 'data'),
    db: join(root, 'data', 'maand.db'),
    workspace,
    jobsDir: join(workspace, 'jobs'),
    workersJson: join(workspace, 'workers.json'),
    bucketConf: join(workspace, 'bucket.conf'),
    disabledJson: join(workspace, 'disabled.json'),
    secretsDir,
    caCrt: join(secretsDir, 'ca.crt'),
    caKey: join(secretsDir, 'ca.key'),
    kvKey: join(secretsDir, 'kv.key'),
    knownHosts: join(secretsDir, 'known_hosts'),
    logsDir: join(root, 'logs'),
    tmpDir: join(root, 'tmp'),
  };
}

export function jobDir(paths: BucketPaths, job: string): string {
  return join(paths.jobsDir, job);
}
