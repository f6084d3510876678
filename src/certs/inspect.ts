// Renewal and expiry rules for stored leaf certificates (spec §6.5): build uses them to decide
// regeneration, deploy's metrics push to report status.

import { decodePem } from './pem.ts';
import { parseCertificate } from './parse.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** True when `now` is at/after notAfter, or inside the renewal buffer (only when bufferDays > 0). */
export function certNeedsRenewal(notAfter: Date, bufferDays: number, now: Date): boolean {
  if (now.getTime() >= notAfter.getTime()) return true;
  if (bufferDays <= 0) return false;
  return now.getTime() >= notAfter.getTime() - bufferDays * DAY_MS;
}

export interface StoredCertCheck {
  needs: boolean;
  /** Set when a PEM block exists but is not a certificate; build turns this into a failure. */
  error?: string;
}

/** Whether a stored certificate PEM must be regenerated; no PEM block at all just means "needs". */
export function inspectStoredCert(pem: string, bufferDays: number, now: Date): StoredCertCheck {
  const block = decodePem(pem);
  if (!block) return { needs: true };
  try {
    return { needs: certNeedsRenewal(parseCertificate(block.bytes).notAfter, bufferDays, now) };
  } catch (e) {
    return { needs: true, error: (e as Error).message };
  }
}

export type CertState = 'ok' | 'expiring' | 'expired' | 'invalid';

export interface CertStatus {
  status: CertState;
  /** Whole days until notAfter, truncated toward zero (negative once expired); absent when invalid. */
  daysLeft?: number;
  notAfter?: Date;
  commonName?: string;
}

/** Display/metrics status: expired after notAfter, expiring inside the renewal window, else ok. */
export function certStatus(pem: string, bufferDays: number, now: Date): CertStatus {
  const block = decodePem(pem);
  let cert;
  try {
    if (!block) return { status: 'invalid' };
    cert = parseCertificate(block.bytes);
  } catch {
    return { status: 'invalid' };
  }
  const { notAfter, commonName } = cert;
  const status =
    now.getTime() > notAfter.getTime() ? 'expired' : certNeedsRenewal(notAfter, bufferDays, now) ? 'expiring' : 'ok';
  // Go: int(notAfter.Sub(now).Hours() / 24)
  const daysLeft = Math.trunc((notAfter.getTime() - now.getTime()) / HOUR_MS / 24) || 0;
  return { status, daysLeft, notAfter, commonName };
}
