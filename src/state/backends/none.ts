// The `none` backend: the state lives only on the runner (or is not wanted); nothing is restored or saved.
import type { StateBackend } from '../types.ts';

export function noneBackend(): StateBackend {
  return {
    name: 'none',
    async restore() {
      return undefined;
    },
    async save() {
      return { bytes: 0, location: 'none (not saved)' };
    },
  };
}
