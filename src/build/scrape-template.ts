// Build-time rendering of `_prometheus/scrape.yaml.tpl` (kv spec §2.9): one render per job with the
// job-level dot, the smaller function set and read set, over the KV of the build in progress.
import { normalizedVersion } from '../bucket/version.ts';
import { namespaceNotAvailable, readPlain, scrapeTemplateNamespaces, upstreamJobs } from '../kv/index.ts';
import { parseTemplate, render, scrapeTemplateFuncs, type KvReader } from '../template/index.ts';
import type { BuildContext } from './context.ts';
import type { ScrapeRenderer } from './prometheus.ts';

export function scrapeRenderer(ctx: BuildContext): ScrapeRenderer {
  return (job, text) => {
    const allowed = new Set(scrapeTemplateNamespaces(job, upstreamJobs(ctx.db, job)));
    const check = (ns: string): void => {
      if (!allowed.has(ns)) throw namespaceNotAvailable(ns, `${job} scrape template`);
    };
    const kv: KvReader = {
      get(ns, key) {
        check(ns);
        return readPlain(ctx.kv, ns, key);
      },
      keys(ns) {
        check(ns);
        return ctx.kv.keys(ns);
      },
    };
    const version = normalizedVersion(ctx.manifests.get(job)?.version);
    const tpl = parseTemplate('scrape.yaml.tpl', text, scrapeTemplateFuncs({ job, kv }));
    return render(tpl, { Job: job, CurrentVersion: version, NewVersion: version });
  };
}
