// Prometheus consoles staged into the server job's tree (deploy spec §8.4, §28 item 72): runbooks rendered
// to HTML with an index, dashboards copied with an index honoring .dashboardignore.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { withBucket, type TestBucket } from '../helpers/bucket.ts';
import { stageJob } from '../helpers/stage.ts';
import { listedDashboards } from '../../src/prometheus/dashboard-ignore.ts';
import { KvStore, loadKvKey, namespacesForAllocation } from '../../src/kv/index.ts';

const API_DOWN = '# API down\n\nRun `systemctl restart api` on {{ $labels.instance }}.\n\n<script>alert(1)</script>\n';
const DASHBOARD = '{{ template "head" . }}\n<h1>API</h1>\n';

const API_FILES: Record<string, string> = {
  '_prometheus/alerts/down.yaml': 'groups:\n  - name: api\n    rules:\n      - alert: ApiDown\n        expr: up == 0\n        annotations: { runbook: ApiDown }\n',
  '_prometheus/runbooks/ApiDown.md': API_DOWN,
  '_prometheus/runbooks/Zeta.md': 'No heading here.\n',
  '_prometheus/dashboards/overview.html': DASHBOARD,
  '_prometheus/dashboards/.dashboardignore': '# scratch files\n\n*.tmp\nwip/**\n',
  '_prometheus/dashboards/draft.tmp': 'x',
  '_prometheus/dashboards/wip/a.html': 'a',
  '_prometheus/dashboards/wip/deep/b.html': 'b',
  '_prometheus/dashboards/nested/.dashboardignore': 'old.html\n',
  '_prometheus/dashboards/nested/old.html': 'old',
  '_prometheus/dashboards/nested/new.html': 'new',
  '_prometheus/dashboards/nested/sub/old.html': 'old too',
  '_prometheus/dashboards/nested/sub/c.tmp': 'c',
  '_prometheus/dashboards/other/old.html': 'kept',
};

async function setup(b: TestBucket, api: Record<string, string> = API_FILES): Promise<void> {
  b.workers([{ host: '10.0.0.1', labels: ['prometheus', 'api', 'db'] }]);
  b.job('prometheus', { version: '1.0.0', selectors: ['prometheus'], resources: { ports: { prometheus_port_http: 9090 } } }, {
    'prometheus.yml.tpl': 'global: {}\n{{ ruleFiles }}',
  });
  b.job('api', { version: '1.0.0', selectors: ['api'] }, api);
  b.job('db', { version: '1.0.0', selectors: ['db'] }, { '_prometheus/runbooks/DbFull.md': '## Disk <full> & "more"\n' });
  await b.build();
}

function stage(b: TestBucket): string {
  return b.query((db) => {
    const kv = KvStore.load(db, { key: () => loadKvKey(b.root) });
    return stageJob(db, kv, b.root, {
      allocId: 'a1', job: 'prometheus', workerIp: '10.0.0.1', workerId: 'w', labels: ['prometheus', 'worker'], bucketId: 'b', updateSeq: 1,
      currentVersion: '0.0.0', newVersion: '1.0.0', readable: namespacesForAllocation({ job: 'prometheus', workerIp: '10.0.0.1', upstreamJobs: [] }),
    });
  });
}

/** Every file below `dir`, relative and `/`-separated, sorted. */
function filesUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => statSync(join(dir, p)).isFile())
    .map((p) => relative(dir, join(dir, p)).split('\\').join('/'))
    .sort();
}

function hrefs(html: string): string[] {
  return [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
}

test('runbooks render to HTML pages with an index and a style sheet under consoles/runbooks/, grouped by job and sorted', () =>
  withBucket(async (b) => {
    await setup(b);
    const dir = stage(b);
    assert.deepEqual(filesUnder(join(dir, 'consoles', 'runbooks')), ['api/ApiDown.html', 'api/Zeta.html', 'db/DbFull.html', 'index.html', 'style.css']);
    assert.equal(readFileSync(join(dir, 'consoles', 'runbooks', 'index.html'), 'utf8'), `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Runbooks</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<h1>Runbooks</h1>
<h2>api</h2>
<ul>
<li><a href="api/ApiDown.html">ApiDown: API down</a></li>
<li><a href="api/Zeta.html">Zeta</a></li>
</ul>
<h2>db</h2>
<ul>
<li><a href="db/DbFull.html">DbFull: Disk &#60;full&#62; &#38; &#34;more&#34;</a></li>
</ul>
</body>
</html>
`);
  }));

test('a runbook page takes its title from the first heading and links the style sheet and the index', () =>
  withBucket(async (b) => {
    await setup(b);
    const html = readFileSync(join(stage(b), 'consoles', 'runbooks', 'api', 'ApiDown.html'), 'utf8');
    assert.match(html, /^<!DOCTYPE html>\n/);
    assert.match(html, /<title>API down<\/title>/);
    assert.deepEqual(hrefs(html), ['../style.css', '../index.html']);
    assert.match(html, /<h1>API down<\/h1>/);
    assert.match(html, /<code>systemctl restart api<\/code>/);
  }));

test('a runbook without a heading is titled by its slug', () =>
  withBucket(async (b) => {
    await setup(b);
    assert.match(readFileSync(join(stage(b), 'consoles', 'runbooks', 'api', 'Zeta.html'), 'utf8'), /<title>Zeta<\/title>/);
  }));

test('raw HTML in a runbook is escaped, and template braces cannot reach the Prometheus console template engine', () =>
  withBucket(async (b) => {
    await setup(b);
    const html = readFileSync(join(stage(b), 'consoles', 'runbooks', 'api', 'ApiDown.html'), 'utf8');
    assert.match(html, /<p>&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/p>/);
    assert.doesNotMatch(html, /<script>/);
    assert.doesNotMatch(html, /\{\{/);
    assert.match(html, /&#123;&#123; \$labels\.instance &#125;&#125;/);
  }));

test('consoles are staged only under consoles/, never under a maand/ folder', () =>
  withBucket(async (b) => {
    await setup(b);
    const dir = stage(b);
    assert.deepEqual(filesUnder(dir).filter((p) => p.includes('maand/')), ['rules/maand/certs.yaml']);
    assert.equal(existsSync(join(dir, 'maand')), false);
  }));

test('without runbooks or dashboards anywhere in the bucket, no consoles are staged', () =>
  withBucket(async (b) => {
    b.workers([{ host: '10.0.0.1', labels: ['prometheus'] }]);
    b.job('prometheus', { version: '1.0.0', selectors: ['prometheus'], resources: { ports: { prometheus_port_http: 9090 } } }, { 'prometheus.yml': 'global: {}\n' });
    await b.build();
    const dir = stage(b);
    assert.equal(existsSync(join(dir, 'consoles')), false);
    assert.equal(existsSync(join(dir, 'rules', 'maand', 'certs.yaml')), true);
  }));

test('given only dashboards, consoles/runbooks is not staged', () =>
  withBucket(async (b) => {
    const api = Object.fromEntries(Object.entries(API_FILES).filter(([p]) => p.startsWith('_prometheus/dashboards/')));
    await setup(b, api);
    b.remove('workspace/jobs/db');
    await b.build();
    const dir = stage(b);
    assert.equal(existsSync(join(dir, 'consoles', 'runbooks')), false);
    assert.equal(existsSync(join(dir, 'consoles', 'dashboards', 'index.html')), true);
  }));

test('every dashboard file is copied verbatim with mode 0644, ignored ones included, and no .dashboardignore is staged', () =>
  withBucket(async (b) => {
    await setup(b);
    const dir = join(stage(b), 'consoles', 'dashboards');
    assert.deepEqual(filesUnder(dir), [
      'api/draft.tmp', 'api/nested/new.html', 'api/nested/old.html', 'api/nested/sub/c.tmp', 'api/nested/sub/old.html',
      'api/other/old.html', 'api/overview.html', 'api/wip/a.html', 'api/wip/deep/b.html', 'index.html', 'style.css',
    ]);
    assert.equal(readFileSync(join(dir, 'api', 'overview.html'), 'utf8'), DASHBOARD);
    assert.equal(statSync(join(dir, 'api', 'overview.html')).mode & 0o777, 0o644);
  }));

test('the dashboards index lists only files no .dashboardignore ignores (comments, base names at any depth, **, nested files)', () =>
  withBucket(async (b) => {
    await setup(b);
    const html = readFileSync(join(stage(b), 'consoles', 'dashboards', 'index.html'), 'utf8');
    assert.deepEqual(hrefs(html), ['style.css', 'api/nested/new.html', 'api/other/old.html', 'api/overview.html']);
    assert.match(html, /<h2>api<\/h2>/);
  }));

test('staging twice gives identical bytes', () =>
  withBucket(async (b) => {
    await setup(b);
    const snapshot = (dir: string): Array<[string, string]> => filesUnder(dir).map((p) => [p, readFileSync(join(dir, p), 'base64')]);
    const dir = stage(b);
    const first = snapshot(dir);
    rmSync(dir, { recursive: true, force: true });
    assert.deepEqual(snapshot(stage(b)), first);
  }));

function listed(files: Record<string, string>): string[] {
  return listedDashboards(new Map(Object.entries(files).map(([p, c]) => [p, Buffer.from(c)])));
}

test('a negated pattern lists a file again that an earlier pattern ignored', () => {
  assert.deepEqual(listed({ '.dashboardignore': '*.html\n!keep.html\n', 'a.html': '', 'keep.html': '' }), ['keep.html']);
});

test('a pattern ending in / ignores a directory but not a file of that name', () => {
  assert.deepEqual(listed({ '.dashboardignore': 'old/\n', 'old/a.html': '', 'x/old': '' }), ['x/old']);
});

test('a pattern with a leading / only matches next to its .dashboardignore', () => {
  assert.deepEqual(listed({ '.dashboardignore': '/a.html\n', 'a.html': '', 'sub/a.html': '' }), ['sub/a.html']);
});

test('a bare name ignores a directory of that name at any depth with everything below it', () => {
  assert.deepEqual(listed({ '.dashboardignore': 'drafts\n', 'drafts/a.html': '', 'x/drafts/b.html': '', 'x/c.html': '' }), ['x/c.html']);
});

test('** between segments spans any number of directories', () => {
  assert.deepEqual(listed({ '.dashboardignore': 'a/**/z.html\n', 'a/z.html': '', 'a/b/c/z.html': '', 'b/z.html': '' }), ['b/z.html']);
});
