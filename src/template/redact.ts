// Template error texts quote the values they failed on (`strconv.Atoi: parsing "…"`, %q): when a value
// came from a secret, the error must not carry it. Each secret is replaced by [secret], raw and in the
// quoted forms Go writes it in.
import { quote, quoteASCII } from './strconv.ts';

export const REDACTED = '[secret]';

/** Shorter values are replaced only as a whole quoted value: in free text, "[secret]" in place of every "e" would spell the secret out. */
const MIN_FREE_TEXT = 4;

export function redactSecrets(text: string, secrets: Iterable<string>): string {
  const forms = new Set<string>();
  for (const s of secrets) {
    if (s === '') continue;
    for (const q of [quote(s), quoteASCII(s)]) {
      forms.add(q);
      if (s.length >= MIN_FREE_TEXT) forms.add(q.slice(1, -1));
    }
    if (s.length >= MIN_FREE_TEXT) forms.add(s);
  }
  // longest first: a secret that contains another is replaced whole
  let out = text;
  for (const f of [...forms].sort((a, b) => b.length - a.length)) {
    out = out.split(f).join(f.startsWith('"') ? `"${REDACTED}"` : REDACTED);
  }
  return out;
}
