// A list of job names (or worker IPs) as the CLI's `--jobs a,b` and the Action's `jobs:` input give it:
// comma- or newline-separated, trimmed, duplicates dropped, order kept. Names are checked by the engine.

export function parseNameList(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return [...new Set(raw.split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== ''))];
}
