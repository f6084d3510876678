// Finding the newest state artifact of a repository through the REST API (`GET
// /repos/{owner}/{repo}/actions/artifacts?name=`, newest first). Artifacts of fork pull requests and
// expired ones are skipped: a fork could otherwise plant the "newest" state.
import { errorText } from '../../errors.ts';
import { StateError } from '../errors.ts';

export interface ArtifactRef {
  id: number;
  runId: number;
  createdAt: string;
}

interface ApiArtifact {
  id: number;
  name: string;
  expired: boolean;
  created_at: string | null;
  workflow_run?: { id?: number; repository_id?: number; head_repository_id?: number } | null;
}

export async function newestArtifact(opts: { apiUrl: string; repository: string; token: string; name: string }): Promise<ArtifactRef | undefined> {
  const url = `${opts.apiUrl.replace(/\/+$/, '')}/repos/${opts.repository}/actions/artifacts?name=${encodeURIComponent(opts.name)}&per_page=100`;
  let body: { artifacts?: ApiArtifact[] };
  try {
    const res = await fetch(url, {
      headers: { accept: 'application/vnd.github+json', authorization: `Bearer ${opts.token}`, 'x-github-api-version': '2022-11-28' },
    });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    body = (await res.json()) as { artifacts?: ApiArtifact[] };
  } catch (e) {
    throw new StateError(
      'backend',
      `state artifact ${opts.name}: listing the artifacts of ${opts.repository} failed: ${errorText(e)}; check that the token has actions: read`,
      { cause: e },
    );
  }
  const candidates = (body.artifacts ?? [])
    .filter((a) => a.name === opts.name && !a.expired && a.created_at !== null && typeof a.workflow_run?.id === 'number')
    .filter((a) => a.workflow_run!.head_repository_id === undefined || a.workflow_run!.head_repository_id === a.workflow_run!.repository_id)
    .sort((a, b) => (a.created_at! < b.created_at! ? 1 : a.created_at! > b.created_at! ? -1 : b.id - a.id));
  const a = candidates[0];
  return a === undefined ? undefined : { id: a.id, runId: a.workflow_run!.id!, createdAt: a.created_at! };
}
