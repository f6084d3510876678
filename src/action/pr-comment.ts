// The one sticky plan comment per bucket on a pull request: found by its hidden marker (every page of
// the comments is searched), updated in place, created only when there is none yet.
import { repoClient, type RepoTarget } from './github-client.ts';

export interface CommentTarget extends RepoTarget {
  issueNumber: number;
}

export interface CommentResult {
  action: 'created' | 'updated';
  id: number;
  url: string;
}

export async function upsertComment(t: CommentTarget, marker: string, body: string): Promise<CommentResult> {
  const { octokit, owner, repo } = await repoClient(t);
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
