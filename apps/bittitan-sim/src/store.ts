import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { emptyState, simState, type SimState } from "./state.ts";

/**
 * Holds the simulator's state in memory and, when given a file, writes it
 * through to that file before a change is acknowledged. Handlers mutate the
 * state synchronously (so check-then-insert is atomic on the event loop) and
 * then await `persist()`. Writes are coalesced: one write of the whole state
 * covers every change made before it starts, so many concurrent changes cost
 * a few writes, not one each.
 */
export class Store {
  /** The write in progress, if any. */
  private writing: Promise<void> | undefined;
  /** The next write, not started yet: it will cover every change made until it starts. */
  private queued: Promise<void> | undefined;
  private writeCounter = 0;

  private constructor(
    readonly state: SimState,
    private readonly dataFile: string | undefined,
  ) {}

  static async open(dataFile: string | undefined): Promise<Store> {
    if (!dataFile) return new Store(emptyState(), undefined);
    await mkdir(dirname(dataFile), { recursive: true });
    const text = await readFile(dataFile, "utf8").catch((error: unknown) => {
      if (isMissingFile(error)) return undefined;
      throw error;
    });
    if (text === undefined) return new Store(emptyState(), dataFile);
    // A file that does not parse stops the start: overwriting it would lose data.
    const parsed = simState.safeParse(JSON.parse(text));
    if (!parsed.success) {
      throw new Error(`bittitan-sim: ${dataFile} is not a valid state file: ${parsed.error.message}`);
    }
    return new Store(parsed.data, dataFile);
  }

  /**
   * Resolves once the current state (including every earlier change) is on
   * disk: joins the write that has not started yet, or queues one behind the
   * write in progress, which started before this change.
   */
  persist(): Promise<void> {
    const file = this.dataFile;
    if (!file) return Promise.resolve();
    this.queued ??= (this.writing ?? Promise.resolve()).catch(() => undefined).then(() => this.write(file));
    return this.queued;
  }

  private async write(file: string): Promise<void> {
    // Taken in one synchronous step: this write holds every change made until
    // now, and a change from here on needs (and queues) the next one.
    this.queued = undefined;
    const text = JSON.stringify(this.state);
    const writing = this.writeAtomically(file, text);
    this.writing = writing;
    try {
      await writing;
    } finally {
      if (this.writing === writing) this.writing = undefined;
    }
  }

  private async writeAtomically(file: string, text: string): Promise<void> {
    this.writeCounter += 1;
    const temporary = `${file}.${process.pid}.${this.writeCounter}.tmp`;
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && "code" in error && error.code === "ENOENT";
}
