import { mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { emptyState, simState, type SimState } from "./state.ts";

/**
 * Holds the simulator's state in memory and, when given a file, writes every
 * change through to it before the change is acknowledged. Handlers mutate the
 * state synchronously (so check-then-insert is atomic on the event loop) and
 * then await `persist()`.
 */
export class Store {
  private writeChain: Promise<void> = Promise.resolve();
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

  /** Resolves once the current state (including every earlier change) is on disk. */
  persist(): Promise<void> {
    const file = this.dataFile;
    if (!file) return Promise.resolve();
    // Chained so two renames never race and the last one written is the newest state.
    const next = this.writeChain.then(() => this.writeAtomically(file));
    this.writeChain = next.catch(() => undefined);
    return next;
  }

  private async writeAtomically(file: string): Promise<void> {
    this.writeCounter += 1;
    const temporary = `${file}.${process.pid}.${this.writeCounter}.tmp`;
    const handle = await open(temporary, "w");
    try {
      await handle.writeFile(JSON.stringify(this.state, null, 2));
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
