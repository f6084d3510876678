// Pacing and retrying ssh handshakes (issue 14): at most `limit` connection starts in flight (sshd
// drops connections beyond its MaxStartups, default 10:30:100), and a handshake that failed before
// authentication is tried again after a short backoff. Only ssh's own fatal lines are read here:
// an authentication or host-key failure, or a bastion that could not open the worker's channel,
// is final.
import type { ProcessResult } from './run-process.ts';

export const MAX_HANDSHAKE_ATTEMPTS = 3;

/** Dropped or stalled before authentication: sshd at MaxStartups, a flaky middlebox, a slow host. */
const TRANSIENT = /kex_exchange_identification|ssh_exchange_identification|banner exchange|Connection reset by peer|Connection timed out|Operation timed out/i;
/** Never retried: the answer will not change. */
const FINAL = /Permission denied|Host key verification failed|REMOTE HOST IDENTIFICATION HAS CHANGED|host key is known for|open failed|forwarding (request )?failed|Could not resolve hostname/i;

/** True when `p` is an ssh exit 255 that failed before logging in and may succeed if tried again. */
export function retryableHandshake(p: ProcessResult): boolean {
  if (p.exitCode !== 255 || p.timedOut || p.aborted) return false;
  return TRANSIENT.test(p.stderr) && !FINAL.test(p.stderr);
}

/** Backoff before attempt `attempt + 1`: 250 ms, 1 s, … with up to 50 % jitter (so retries do not collide again). */
export function handshakeBackoffMs(attempt: number): number {
  const base = 250 * 4 ** (attempt - 1);
  return Math.round(base * (1 + Math.random() * 0.5));
}

/**
 * The line saying a bastion could not open the channel to the worker (the master's client prints
 * `Stdio forwarding request failed: …`, a direct -W `channel 0: open failed: …`).
 */
export function channelOpenFailure(stderr: string): string | undefined {
  return stderr
    .split('\n')
    .map((l) => l.trim())
    .find((l) => /open failed|forwarding (request )?failed/i.test(l));
}

/**
 * Handshakes with workers behind a bastion travel inside the bastion's one connection: they open
 * no connection to the bastion's sshd (its MaxStartups never sees them) and one to each worker's
 * own sshd. They are bounded all the same (each is an ssh process here and a connect by the
 * bastion), but more of them run at once: paced like direct connections, 100 workers 25 ms away
 * took 10 s to reach.
 */
export const TUNNELLED_STARTUPS = 64;

export function tunnelledStartupLimit(maxStartups: number): number {
  return Math.max(maxStartups, TUNNELLED_STARTUPS);
}

/** A counting semaphore: `acquire` resolves with a release function once a slot is free. */
export class StartupLimiter {
  readonly #limit: number;
  #inFlight = 0;
  readonly #waiting: Array<() => void> = [];

  constructor(limit: number) {
    this.#limit = Math.max(1, limit);
  }

  async acquire(): Promise<() => void> {
    if (this.#inFlight >= this.#limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    else this.#inFlight++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      // the slot passes straight to the next waiter, so the count stays at the limit
      if (next !== undefined) next();
      else this.#inFlight--;
    };
  }
}
