// The run's log on the runner: engine events become lines, grouped (core.startGroup) per wave's planning
// and per job's rollout; warnings and failures are collected for the annotations at the end.
import type { AnnotationProperties } from '@actions/core';
import type { DeployEvent } from '../deploy/result.ts';
import { formatEvent } from '../report/console.ts';

/** What the action writes to the runner; main.ts wires it to @actions/core, tests record it. */
export interface ActionLog {
  info(line: string): void;
  warning(message: string, props?: AnnotationProperties): void;
  error(message: string, props?: AnnotationProperties): void;
  startGroup(name: string): void;
  endGroup(): void;
}

export class EventLog {
  readonly log: ActionLog;
  readonly warnings: string[] = [];
  #group: string | undefined;
  #wave: number | undefined;

  constructor(log: ActionLog) {
    this.log = log;
  }

  /** Opens `name` unless it is the open group (GitHub's log groups do not nest). */
  group(name: string): void {
    if (this.#group === name) return;
    this.end();
    this.log.startGroup(name);
    this.#group = name;
  }

  end(): void {
    if (this.#group === undefined) return;
    this.log.endGroup();
    this.#group = undefined;
  }

  readonly onEvent = (e: DeployEvent): void => {
    switch (e.type) {
      case 'phase':
        if (e.phase === 'wave') {
          this.#wave = e.seq;
          this.group(`deployment sequence ${e.seq}: plan`);
        } else this.group(e.phase === 'reconcile' ? 'reconcile: stop and clean up removed allocations' : 'refresh worker files');
        return;
      case 'job-started':
        this.group(`deployment sequence ${e.seq ?? this.#wave}: ${e.job}`);
        break;
      case 'job-planned':
        this.log.info(`  ${e.plan.job}: ${e.plan.needsRollout ? `rollout (${summarise(e.plan.allocations.map((a) => a.action))})` : `skip (${e.plan.reason || 'up to date'})`}`);
        return;
      case 'warning':
        this.warnings.push(e.message);
        break;
    }
    const line = formatEvent(e);
    if (line !== undefined) this.log.info(line);
    if (e.type === 'job-finished') this.end();
  };
}

function summarise(actions: string[]): string {
  const counts = new Map<string, number>();
  for (const a of actions) if (a !== 'skip') counts.set(a, (counts.get(a) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([a, n]) => `${a} ×${n}`).join(', ') || 'no allocation changes';
}
