// The `artifact` backend, through @actions/artifact: each run uploads `maand-state-<name>` holding
// `<name>.bundle`; a restore downloads the newest artifact of that name in the repository, whichever
// workflow uploaded it (deploy and drift-correct runs share one state).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { errorText } from '../../errors.ts';
import { StateError } from '../errors.ts';
import type { BackendOptions, BundleMeta, StateBackend } from '../types.ts';
import { newestArtifact } from './artifact-list.ts';
import { copyPrivate, moveFile } from './files.ts';

const DEFAULT_API_URL = 'https://api.github.com';

export function artifactName(name: string): string {
  return `maand-state-${name}`;
}

export function artifactBackend(opts: BackendOptions): StateBackend {
  const name = artifactName(opts.name);
  const fileName = `${opts.name}.bundle`;
  const lib = async () => new (await import('@actions/artifact')).DefaultArtifactClient();
  const scratch = () => mkdtempSync(join(opts.tempDir, 'artifact-'));

  return {
    name: 'artifact',
    async restore(dest) {
      const { owner, repo, token } = repository(opts, name);
      const found = await newestArtifact({ apiUrl: opts.apiUrl ?? DEFAULT_API_URL, repository: `${owner}/${repo}`, token, name });
      if (found === undefined) return undefined;
      const dir = scratch();
      try {
        try {
          await (await lib()).downloadArtifact(found.id, { path: dir, findBy: { token, workflowRunId: found.runId, repositoryOwner: owner, repositoryName: repo } });
        } catch (e) {
          throw new StateError('backend', `state artifact ${name} (id ${found.id}, run ${found.runId}): download failed: ${errorText(e)}; re-run this workflow`, { cause: e });
        }
        const got = join(dir, fileName);
        if (!existsSync(got)) throw new StateError('backend', `state artifact ${name} (id ${found.id}, run ${found.runId}) has no ${fileName}; it was not uploaded by maand`);
        return { file: dest, bytes: moveFile(got, dest), source: `artifact ${found.id} (run ${found.runId})` };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    async save(file: string, meta: BundleMeta) {
      const dir = scratch();
      try {
        const staged = join(dir, fileName);
        copyPrivate(file, staged);
        // The bundle is encrypted, so compressing the zip would only cost time.
        const res = await (await lib()).uploadArtifact(name, [staged], dir, { compressionLevel: 0 }).catch((e: unknown) => {
          throw new StateError('backend', `state artifact ${name}: upload failed: ${errorText(e)}; the state of generation ${meta.generation} was not saved, re-run this workflow`, { cause: e });
        });
        return { bytes: meta.bytes, location: `artifact ${name}${res.id === undefined ? '' : ` (id ${res.id})`}` };
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function repository(opts: BackendOptions, name: string): { owner: string; repo: string; token: string } {
  const [owner, repo, extra] = (opts.repository ?? '').split('/');
  if (!owner || !repo || extra !== undefined)
    throw new StateError('config', `state artifact ${name}: the repository (owner/repo) is required to find earlier runs' artifacts`);
  if (!opts.token) throw new StateError('config', `state artifact ${name}: a token with actions: read is required to download earlier runs' artifacts`);
  return { owner, repo, token: opts.token };
}
