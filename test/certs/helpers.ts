// Shared fixtures for the certs tests: openssl as an independent checker, and temp dirs.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** `openssl x509 -noout <args>` over a PEM certificate given on stdin. */
export function openssl(pem: string, ...args: string[]): string {
  return execFileSync('openssl', ['x509', '-noout', ...args], { input: pem, encoding: 'utf8' });
}

/** Exit status and output of `openssl verify -x509_strict -CAfile ca leaf`. */
export function opensslVerify(caPem: string, leafPem: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'ca.crt'), caPem);
  writeFileSync(join(dir, 'leaf.crt'), leafPem);
  return execFileSync('openssl', ['verify', '-x509_strict', '-CAfile', join(dir, 'ca.crt'), join(dir, 'leaf.crt')], {
    encoding: 'utf8',
  });
}

const tempDirs: string[] = [];
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh directory under os.tmpdir(), removed when the test file finishes. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maand-certs-'));
  tempDirs.push(dir);
  return dir;
}

/** The lines of `openssl x509 -text` under the extension heading `name`, joined (empty when absent). */
export function extension(text: string, name: string): string {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(`X509v3 ${name}:`));
  if (start < 0) return '';
  const body: string[] = [lines[start]!.trim()];
  for (const line of lines.slice(start + 1)) {
    if (/^\s*X509v3 |^\s*Signature Algorithm:/.test(line)) break;
    body.push(line.trim());
  }
  return body.join(' ');
}

export const DAY_MS = 24 * 60 * 60 * 1000;
