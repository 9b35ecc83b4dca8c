/** What one turn hands on: edits stored, in the order they arrived, with their rows' ids. */
export type StoredRun<E> = { edits: E[]; ids: number[] };

type Batch<E> = { stored: Promise<number[]>; edits: E[]; outcome: { ids: number[] } | { error: unknown } | null };

/**
 * A room's edits on their way to Postgres, in the order they arrived. Edits that share a statement
 * (the writer's promise) form one batch. Once per turn of the event loop, the batches stored at the
 * head of the line are handed on together, so that statements finishing in the same turn (several
 * at once after a slow flush of the disk) go out as one frame; a batch still being stored holds
 * back the ones behind it, whatever order their writes finish in.
 */
export class StoredEdits<E> {
  private readonly batches: Batch<E>[] = [];
  private scheduled = false;

  /** `deliver` gets each run of stored batches, and a failure that ended the run, if one did. */
  constructor(private readonly deliver: (run: StoredRun<E>, failure: { error: unknown } | null) => void) {}

  /** Batches not yet handed on. */
  get size(): number {
    return this.batches.length;
  }

  add(stored: Promise<number[]>, edit: E): void {
    const last = this.batches.at(-1);
    if (last?.stored === stored) {
      last.edits.push(edit);
      return;
    }
    const batch: Batch<E> = { stored, edits: [edit], outcome: null };
    this.batches.push(batch);
    stored.then(
      (ids) => this.settle(batch, { ids }),
      (error: unknown) => this.settle(batch, { error }),
    );
  }

  private settle(batch: Batch<E>, outcome: NonNullable<Batch<E>["outcome"]>): void {
    batch.outcome = outcome;
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.handOn();
    });
  }

  private handOn(): void {
    let run: StoredRun<E> = { edits: [], ids: [] };
    while (this.batches[0]?.outcome) {
      const { edits, outcome } = this.batches.shift()!;
      if ("error" in outcome!) {
        this.deliver(run, outcome);
        run = { edits: [], ids: [] };
        continue;
      }
      for (const e of edits) run.edits.push(e);
      for (const id of outcome!.ids) run.ids.push(id);
    }
    if (run.edits.length) this.deliver(run, null);
  }
}
