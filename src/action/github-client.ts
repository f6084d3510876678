// One REST client of the run's repository for the comment, the deployment records and the drift issue:
// @actions/github's Octokit against GITHUB_API_URL (GitHub Enterprise Server included).
import type { Sensitive } from './sensitive.ts';

export interface RepoTarget {
  token: Sensitive;
  /** owner/name */
  repository: string;
  apiUrl: string;
}

export async function repoClient(t: RepoTarget) {
  const [owner, repo] = t.repository.split('/');
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(t.repository)} is not owner/name`);
  // Loaded here: the REST client is only needed when the run talks to GitHub (keeps the cold start short).
  const { getOctokit } = await import('@actions/github');
  return { octokit: getOctokit(t.token.reveal(), { baseUrl: t.apiUrl }), owner, repo };
}

/** 403 or 404 from the API: the token lacks the permission (GitHub answers 404 for what a token may not see). */
export function deniedByPermissions(e: unknown): boolean {
  const status = (e as { status?: unknown } | undefined)?.status;
  return status === 403 || status === 404;
}
