#!/usr/bin/env node
// `npm run bench`: every benchmark in one go — the build bench (bench/build-bench.ts), then the deploy
// bench against Ansible and the rsync+ssh lower bound (bench/deploy/bench.ts, root only; knobs in
// bench/deploy/README.md), the bastion bench (bench/bastion/bench.ts, root only). `npm run bench -- build`,
// `-- deploy` or `-- bastion` runs one of them.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = { build: join(here, 'build-bench.ts'), action: join(here, 'action-bench.ts'), deploy: join(here, 'deploy', 'bench.ts'), rollback: join(here, 'rollback-bench.ts'), bastion: join(here, 'bastion', 'bench.ts') };
const wanted = process.argv.slice(2);
for (const w of wanted) {
  if (!(w in benches)) {
    console.error(`unknown bench ${w} (known: ${Object.keys(benches).join(', ')})`);
    process.exit(2);
  }
}
let failed = 0;
for (const [name, file] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n### ${name} bench`);
  const r = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${name} bench failed (exit ${r.status ?? r.signal})`);
    failed++;
  }
}
process.exit(failed > 0 ? 1 : 0);
