// Syntax of the names maand turns into worker paths and script words (issue 15): job names, worker
// hosts and the bucket id. The reference accepted anything; these are what real buckets use, and
// nothing here can climb out of a directory or mean something to a shell.
import { isIP } from 'node:net';

/** Letters, digits, `_`, `-`, `.`; not starting with `.` or `-` (hidden files, options, `..`). */
const JOB_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
/** A DNS label (underscores allowed, as internal names use them), not starting or ending with `-`. */
const DNS_LABEL = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isJobName(name: string): boolean {
  return JOB_NAME.test(name) && name.length <= 255;
}

/** An IPv4 or IPv6 address or a DNS name. */
export function isWorkerHost(host: string): boolean {
  if (isIP(host) !== 0) return !host.includes('/');
  return host.length <= 253 && host.split('.').every((label) => DNS_LABEL.test(label));
}

export function isBucketId(id: string): boolean {
  return UUID.test(id);
}
