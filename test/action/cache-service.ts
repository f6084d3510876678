// The Actions cache service for runs of the bundled action: the state tests' loopback stand-in (cache
// service v2: twirp + signed blob URLs, as GitHub runs it today), seen through what these tests need.
import { ActionsService } from '../state/helpers/actions-service.ts';

export class CacheService {
  readonly service = new ActionsService();

  async start(): Promise<void> {
    await this.service.start();
  }

  async stop(): Promise<void> {
    await this.service.stop();
  }

  /** The environment a runner gives an action that may use the cache. */
  env(): Record<string, string> {
    return {
      ACTIONS_RESULTS_URL: `${this.service.url}/`, ACTIONS_RUNTIME_TOKEN: this.service.runtimeToken, ACTIONS_CACHE_SERVICE_V2: 'true',
      NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost',
    };
  }

  /** Keys of the saved (finalized) cache entries, oldest first. */
  committedKeys(): string[] {
    return this.service.cache.filter((e) => e.finalized).map((e) => e.key);
  }

  /** The stored archive of the newest entry (what the runner downloads). */
  newestData(): Buffer {
    return this.service.blobs.blobs.get(this.service.cache.at(-1)!.blob)!;
  }

  replaceNewestData(data: Buffer): void {
    this.service.blobs.blobs.set(this.service.cache.at(-1)!.blob, data);
  }
}
