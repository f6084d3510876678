// PEM framing with Go's encoding/pem behaviour: the first well-formed block anywhere in the text wins
// (leading text is skipped); a block whose body is not base64 does not count as a block.

/** A certificate and its private key, both PEM text. */
export interface PemPair {
  certPem: string;
  keyPem: string;
}

export interface PemBlock {
  type: string;
  bytes: Buffer;
}

const BLOCK = /-----BEGIN ([^\r\n-]*)-----\r?\n([\s\S]*?)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/=\s]*$/;

/** The first decodable PEM block, or undefined ("no PEM block found"). */
export function decodePem(text: string): PemBlock | undefined {
  for (const match of text.matchAll(BLOCK)) {
    const type = match[1] ?? '';
    const body = stripHeaders(match[2] ?? '');
    if (body === undefined || !BASE64.test(body)) continue;
    return { type, bytes: Buffer.from(body.replace(/\s+/g, ''), 'base64') };
  }
  return undefined;
}

/** Drops RFC 1421 headers ("Proc-Type: ...") and the blank line after them. */
function stripHeaders(body: string): string | undefined {
  const lines = body.split(/\r?\n/);
  if (!(lines[0] ?? '').includes(':')) return body;
  const blank = lines.findIndex((line) => line.trim() === '');
  return blank < 0 ? undefined : lines.slice(blank + 1).join('\n');
}

/** PEM text with 64-column base64 lines and a trailing newline, like Go's pem.EncodeToMemory. */
export function encodePem(type: string, der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.map((l) => l + '\n').join('')}-----END ${type}-----\n`;
}
