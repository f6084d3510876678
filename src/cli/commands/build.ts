import { formatHookLine } from '../../report/console.ts';
import { build } from '../../build/index.ts';
import type { CliIo } from '../io.ts';

export async function buildCommand(io: CliIo, opts: { purgeJobKv: boolean }): Promise<void> {
  const quiet = io.env['MAAND_QUIET'] === '1';
  const res = await build({
    root: io.cwd,
    purgeJobKv: opts.purgeJobKv,
    // MAAND_TEST=1 (as for init): small leaf keys, so test suites do not spend a second per certificate.
    ...(io.env['MAAND_TEST'] === '1' ? { leafKeyBits: 1024 } : {}),
    env: io.env,
    onHookOutput: (l) => io.stderr.write(`${formatHookLine(l)}\n`),
    onEvent: (e) => {
      if (quiet) return;
      if (e.type === 'cert-generated') io.stderr.write(`certificate ${e.cert} generated for job ${e.job} (${e.workers.join(', ')})\n`);
      if (e.type === 'warning') io.stderr.write(`warning: ${e.message}\n`);
    },
  });
  if (quiet) return;
  const a = res.allocations;
  io.stdout.write(
    `build ok: ${res.workers} worker(s), ${res.jobs} job(s), ${a.active} active allocation(s)` +
      `${a.disabled ? `, ${a.disabled} disabled` : ''}${a.removed ? `, ${a.removed} removed` : ''}, ${res.kvChanges} KV change(s)\n`,
  );
}
