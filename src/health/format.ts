// The reference's health-check lines (spec kv §5.2/§5.5) for entry layers that print events.
import type { HealthEvent } from './types.ts';

/** The line the reference prints for `e`, or undefined for events it does not print (probe results). */
export function formatHealthEvent(e: HealthEvent): string | undefined {
  switch (e.type) {
    case 'skipped':
      return `health check skipped: ${e.job} (${e.reason})`;
    case 'attempt-failed':
      return `health check failed: ${e.job} (attempt ${e.attempt}/${e.attempts}), retrying...`;
    case 'passed':
      return `health check passed: ${e.job}`;
    case 'failed':
      return `health check failed: ${e.job}`;
    case 'workers-skipped':
      return 'worker health check skipped: no workers';
    case 'workers-attempt-failed':
      return `worker health check failed (attempt ${e.attempt}/${e.attempts}), retrying...`;
    case 'workers-passed':
      return 'worker health check passed';
    case 'workers-failed':
      return 'worker health check failed';
    case 'probe':
      return undefined;
  }
}
