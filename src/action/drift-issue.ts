// The drift issue (input drift-issue) of command drift: one GitHub issue per bucket (state-name), found
// by its hidden first line like the plan comment: opened, or reopened, with the drift report when drift
// is found, its body updated while drift persists, closed with a comment when a run finds none.
import { repoClient, type RepoTarget } from './github-client.ts';

/** The hidden first line that identifies the drift issue of one bucket (state-name). */
export function driftIssueMarker(bucketName: string): string {
  return `<!-- maand/deploy drift: ${bucketName.replace(/[^A-Za-z0-9._-]/g, '_')} -->`;
}

export type DriftIssueUpdate =
  | { drift: true; title: string; body: string }
  | { drift: false; comment: string };

export interface DriftIssueResult {
  action: 'opened' | 'reopened' | 'updated' | 'closed' | 'none';
  url?: string;
}

export async function syncDriftIssue(t: RepoTarget, marker: string, u: DriftIssueUpdate): Promise<DriftIssueResult> {
  const { octokit, owner, repo } = await repoClient(t);
  let found: { number: number; state: string; html_url: string } | undefined;
  // newest first: a reopened or recreated issue wins over older ones with the same marker
  for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, { owner, repo, state: 'all', sort: 'created', direction: 'desc', per_page: 100 })) {
    found = page.data.find((i) => i.pull_request === undefined && (i.body ?? '').startsWith(marker));
    if (found) break;
  }
  if (!u.drift) {
    if (!found || found.state !== 'open') return { action: 'none' };
    await octokit.rest.issues.createComment({ owner, repo, issue_number: found.number, body: u.comment });
    await octokit.rest.issues.update({ owner, repo, issue_number: found.number, state: 'closed', state_reason: 'completed' });
    return { action: 'closed', url: found.html_url };
  }
  const body = `${marker}\n${u.body}`;
  if (!found) {
    const r = await octokit.rest.issues.create({ owner, repo, title: u.title, body });
    return { action: 'opened', url: r.data.html_url };
  }
  const reopen = found.state !== 'open';
  await octokit.rest.issues.update({ owner, repo, issue_number: found.number, title: u.title, body, ...(reopen ? { state: 'open' as const } : {}) });
  return { action: reopen ? 'reopened' : 'updated', url: found.html_url };
}
