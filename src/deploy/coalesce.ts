// Merges requests that arrive together for the same key into one call: jobs of a wave roll out
// concurrently, and their rsyncs and lifecycle commands for one worker travel in one ssh round trip.

export class Coalescer<Req, Res> {
  private readonly pending = new Map<string, Array<{ req: Req; resolve: (r: Res) => void; reject: (e: unknown) => void }>>();
  private readonly run: (key: string, reqs: Req[]) => Promise<Res[]>;
  private readonly windowMs: number;

  /** `run` receives every request of one key and returns one result per request, in order. */
  constructor(run: (key: string, reqs: Req[]) => Promise<Res[]>, windowMs = 3) {
    this.run = run;
    this.windowMs = windowMs;
  }

  submit(key: string, req: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      let queue = this.pending.get(key);
      if (!queue) {
        queue = [];
        this.pending.set(key, queue);
        // flush settles every request of the key itself (resolve or reject): nothing is left to handle
        setTimeout(() => {
          this.flush(key).catch(() => undefined);
        }, this.windowMs);
      }
      queue.push({ req, resolve, reject });
    });
  }

  private async flush(key: string): Promise<void> {
    const queue = this.pending.get(key) ?? [];
    this.pending.delete(key);
    try {
      const results = await this.run(key, queue.map((q) => q.req));
      queue.forEach((q, i) => q.resolve(results[i]!));
    } catch (e) {
      for (const q of queue) q.reject(e);
    }
  }
}

/** One async section at a time (hooks share the KV session and its undo log). */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  lock<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.tail.then(fn, fn);
    this.tail = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }
}
