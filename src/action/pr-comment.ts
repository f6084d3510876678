// The one sticky plan comment per bucket on a pull request: found by its hidden marker (every page of
// the comments is searched), updated in place, created only when there is none yet.
import type { Sensitive } from './sensitive.ts';

export interface CommentTarget {
  token: Sensitive;
  /** owner/name */
  repository: string;
  issueNumber: number;
  apiUrl: string;
}

export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

export async function upsertComment(t: CommentTarget, marker: string, body: string): Promise<CommentResult> {
  const [owner, repo] = t.repository.split('/');
  if (!owner || !repo) throw new Error(`GITHUB_REPOSITORY ${JSON.stringify(t.repository)} is not owner/name`);
  // Loaded here: the REST client is only needed on pull requests (keeps the action's cold start short).
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(t.token.reveal(), { baseUrl: t.apiUrl });
  const params = { owner, repo, issue_number: t.issueNumber, per_page: 100 };
  let existing: { id: number } | undefined;
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, params)) {
    existing = page.data.find((c) => (c.body ?? '').startsWith(marker));
    if (existing) break;
  }
  if (existing) {
    const r = await octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body });
    return { action: 'updated', id: r.data.id, url: r.data.html_url };
  }
  const r = await octokit.rest.issues.createComment({ owner, repo, issue_number: t.issueNumber, body });
  return { action: 'created', id: r.data.id, url: r.data.html_url };
}
