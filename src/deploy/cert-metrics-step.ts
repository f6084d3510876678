// The last step of a real deploy (deploy spec §3 step 13): push certificate expiry gauges to the
// bucket's Prometheus. Best effort: a failure becomes a warning and never changes the exit status.
import { readFileSync } from 'node:fs';
import { certSeries, listCertMetrics, prometheusBasicAuth, prometheusWriteUrl } from '../certs/metrics.ts';
import { errorText } from '../errors.ts';
import { remoteWrite, type RemoteWriteOptions } from '../metrics/remote-write.ts';
import type { DeployContext } from './context.ts';

export interface CertMetricsStepOptions extends Pick<RemoteWriteOptions, 'sleep' | 'timeoutMs'> {
  now?: Date;
}

/** Pushes the gauges when the bucket runs a Prometheus server; records the outcome in ctx.result. */
export async function pushCertMetrics(ctx: DeployContext, opts: CertMetricsStepOptions = {}): Promise<void> {
  let url: string | undefined;
  let series = 0;
  try {
    url = prometheusWriteUrl(ctx.db);
    if (url === undefined) return;
    const basicAuth = prometheusBasicAuth(ctx.kv);
    const now = opts.now ?? new Date();
    const data = certSeries(listCertMetrics(ctx.kv, readCa(ctx.paths.caCrt), ctx.conf.certs_renewal_buffer, now), now);
    series = data.length;
    if (series === 0) return;
    const worker = new URL(url).hostname;
    await remoteWrite(data, {
      url,
      ...(basicAuth ? { basicAuth } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
      ...(opts.sleep ? { sleep: opts.sleep } : {}),
      ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
      onRetry: (n) => ctx.emit({ type: 'output', job: 'prometheus', worker, stream: 'stderr', text: `cert metrics: attempt ${n.attempt}/${n.attempts} failed: ${n.error}; retrying in ${n.delayMs / 1000}s` }),
    });
    ctx.result.certMetrics = { url, series };
  } catch (e) {
    ctx.result.certMetrics = { url: url ?? '', series, error: errorText(e) };
    ctx.emit({ type: 'warning', message: `cert metrics: ${errorText(e)}` });
  }
}

/** The bucket CA as the push reports it; a missing file just leaves the CA out (as the reference). */
function readCa(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
