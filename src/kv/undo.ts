// Undo log behind KvStore snapshots: while a snapshot is open, every mutation first records the
// entry's prior state, so discarding a failed hook's writes costs O(writes), not O(store).

/** One key's state in the session store (mutable; owned by KvStore). */
export interface Entry {
  readonly ns: string;
  readonly key: string;
  value: string;
  version: number;
  ttl: number;
  deleted: boolean;
  changed: boolean;
  lastModified: number;
}

export interface KvSnapshot {
  readonly id: number;
}

type Prior = Pick<Entry, 'value' | 'version' | 'ttl' | 'deleted' | 'changed' | 'lastModified'>;
interface UndoRecord {
  entry: Entry;
  /** undefined when the mutation created the entry */
  prior: Prior | undefined;
}

export class UndoLog {
  #log: UndoRecord[] = [];
  /** open snapshot id → log length when it was taken */
  readonly #marks = new Map<number, number>();
  #nextId = 1;

  open(): KvSnapshot {
    const id = this.#nextId++;
    this.#marks.set(id, this.#log.length);
    return { id };
  }

  record(entry: Entry, created: boolean): void {
    if (this.#marks.size === 0) return;
    const { value, version, ttl, deleted, changed, lastModified } = entry;
    this.#log.push({ entry, prior: created ? undefined : { value, version, ttl, deleted, changed, lastModified } });
  }

  /**
   * Undoes the records taken since `snap`, newest first, calling `reverted` after each; ends
   * `snap` and every snapshot opened after it.
   */
  rollback(snap: KvSnapshot, reverted: (entry: Entry, created: boolean) => void): boolean {
    const mark = this.#marks.get(snap.id);
    if (mark === undefined) return false;
    for (let i = this.#log.length - 1; i >= mark; i--) {
      const { entry, prior } = this.#log[i]!;
      if (prior !== undefined) Object.assign(entry, prior);
      reverted(entry, prior === undefined);
    }
    this.#log.length = mark;
    for (const id of this.#marks.keys()) if (id >= snap.id) this.#marks.delete(id);
    if (this.#marks.size === 0) this.#log = [];
    return true;
  }

  close(snap: KvSnapshot): void {
    this.#marks.delete(snap.id);
    if (this.#marks.size === 0) this.#log = [];
  }

  clear(): void {
    this.#marks.clear();
    this.#log = [];
  }
}
