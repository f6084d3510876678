// An ActionLog that records what the action would write to the runner, one string per call.
import type { AnnotationProperties } from '@actions/core';
import type { ActionLog } from '../../src/action/log.ts';

export class RecordingLog implements ActionLog {
  readonly lines: string[] = [];
  info(line: string): void {
    this.lines.push(line);
  }
  warning(message: string, props?: AnnotationProperties): void {
    this.lines.push(`warning: ${props?.title ? `[${props.title}] ` : ''}${message}`);
  }
  error(message: string, props?: AnnotationProperties): void {
    this.lines.push(`error: ${props?.title ? `[${props.title}] ` : ''}${message}`);
  }
  startGroup(name: string): void {
    this.lines.push(`::group::${name}`);
  }
  endGroup(): void {
    this.lines.push('::endgroup::');
  }
}
