import { readFileSync, rmSync, writeFileSync } from "node:fs";

/** Another live process has the embedded database open. */
export class DatabaseInUseError extends Error {
  override readonly name = "DatabaseInUseError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by process ${pid} (a CloudMarket server still running?). ` +
        `PGlite belongs to one process: stop that one first, or point DATA_DIR elsewhere (if process ${pid} is not CloudMarket, delete ${dataDir}.lock).`,
    );
  }
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};

/**
 * PGlite is PostgreSQL in one process with no lock of its own: two processes
 * on one data folder would corrupt it. `<dataDir>.lock` holds the owner's pid;
 * a lock whose process is gone (a SIGKILL) is taken over. Returns the release.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
      const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(owner) && owner !== process.pid && isAlive(owner))
        throw new DatabaseInUseError(dataDir, owner);
      rmSync(file, { force: true });
    }
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    rmSync(file, { force: true });
  };
}
