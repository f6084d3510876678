// workspace/disabled.json (§4.5): the drain list, recomputed on every build.
import { MaandError } from '../errors.ts';
import { readOptionalText } from './read-file.ts';
import { asObject, asStringArray, field, parseJson } from '../util/json-decode.ts';

export interface DisabledSpec {
  workers: string[];
  /** job → listed allocation IPs; an empty list disables the whole job. */
  jobs: Map<string, string[]>;
}

export function readDisabledJson(file: string): DisabledSpec {
  const text = readOptionalText(file, 'workspace/disabled.json');
  if (text === undefined) return { workers: [], jobs: new Map() };
  try {
    const doc = asObject(parseJson(text), 'disabled') ?? {};
    const workers = asStringArray(field(doc, 'workers'), 'disabled.workers') ?? [];
    const jobs = new Map<string, string[]>();
    for (const [job, spec] of Object.entries(asObject(field(doc, 'jobs'), 'disabled.jobs') ?? {})) {
      const obj = asObject(spec, `disabled.jobs.${job}`) ?? {};
      jobs.set(job, asStringArray(field(obj, 'allocations'), `disabled.jobs.${job}.allocations`) ?? []);
    }
    return { workers, jobs };
  } catch (e) {
    if (!(e instanceof MaandError)) throw e; // a bug, not a problem of the file: let it show as one
    throw new MaandError('invalid disabled.json', `${(e as Error).message} (expected {"jobs": {"<job>": {"allocations": ["<ip>"]}}, "workers": ["<ip>"]})`);
  }
}
