// Every input, output and saved-state name of the Action, in one table each (action.yml documents the
// same names; test/action/action-yml.test.ts keeps the two in step).

export const COMMANDS = ['deploy', 'plan', 'drift', 'build', 'rollback'] as const;
export const STATE_BACKENDS = ['cache', 'artifact', 'branch', 'none'] as const;
export const DRIFT_MODES = ['report', 'correct'] as const;
export const COMMENT_MODES = ['auto', 'true', 'false'] as const;

export interface InputSpec {
  /** The default action.yml declares ('' when none). */
  default: string;
  /** Values accepted (enumerations only). */
  values?: readonly string[];
  /** Registered with core.setSecret and never echoed. */
  secret?: boolean;
}

export const INPUTS = {
  command: { default: 'deploy', values: COMMANDS },
  bucket: { default: '.' },
  jobs: { default: '' },
  to: { default: '' },
  force: { default: 'false' },
  'sync-only': { default: 'false' },
  'ssh-private-key': { default: '', secret: true },
  'known-hosts': { default: '' },
  'insecure-skip-host-key-check': { default: 'false' },
  'ssh-proxy-jump': { default: '' },
  'state-backend': { default: 'cache', values: STATE_BACKENDS },
  'state-name': { default: 'maand' },
  'state-key': { default: '', secret: true },
  'state-branch': { default: 'maand-state' },
  drift: { default: 'report', values: DRIFT_MODES },
  comment: { default: 'auto', values: COMMENT_MODES },
  environment: { default: '' },
  'environment-url': { default: '' },
  'drift-issue': { default: 'false' },
  'github-token': { default: '${{ github.token }}', secret: true },
} as const satisfies Record<string, InputSpec>;

export type InputName = keyof typeof INPUTS;

export const OUTPUTS = {
  changed: 'true when the run changed workers (deploy, rollback, drift: correct) or would change them (plan)',
  plan: 'path of the JSON file with the full plan or result of this run',
  'failed-jobs': 'comma-separated names of the jobs that failed (empty when none)',
  'update-seq': "the bucket's update_seq after the run",
  'drift-detected': 'true when command drift found drifted jobs',
  'drifted-jobs': 'comma-separated names of the drifted jobs (command drift)',
  'state-generation': 'generation of the state bundle this run restored (0: new bucket)',
} as const;

export type OutputName = keyof typeof OUTPUTS;

/** What main hands to the post step through core.saveState (never secrets). */
export const SAVED = {
  /** Absolute bucket root whose state the post step saves; empty: nothing to save. */
  saveRoot: 'maand-save-root',
  /** Bucket id of the restored (or new) state. */
  bucketId: 'maand-bucket-id',
  /** Bucket root whose decrypted data/ and secrets/ (restored or created by this run) the post step removes, after saving; empty: none. */
  cleanRoot: 'maand-clean-root',
  /** Private directory with the SSH key and known_hosts; removed by the post step. */
  sshDir: 'maand-ssh-dir',
} as const;
