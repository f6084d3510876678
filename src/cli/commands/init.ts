import { initBucket } from '../../init/index.ts';
import type { CliIo } from '../io.ts';

export async function initCommand(io: CliIo): Promise<void> {
  const testMode = io.env['MAAND_TEST'] === '1';
  const res = await initBucket({ root: io.cwd, caKeyBits: testMode ? 1024 : 4096 });
  for (const note of res.notes) io.stderr.write(`note: ${note}\n`);
  if (io.env['MAAND_QUIET'] === '1' || testMode) return;
  io.stdout.write(res.created ? 'maand bucket initialized\n' : `maand bucket upgraded (schema version ${res.schemaVersion})\n`);
}
