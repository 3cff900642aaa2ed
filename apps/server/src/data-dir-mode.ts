import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";

/**
 * DATA_DIR holds the database, generated secrets and the simulator's state:
 * readable by its owner only. The umask makes every file this process and its
 * children create 0600 and every folder 0700 (PGlite's included); the walk
 * fixes what an older version left group- or world-readable. Symbolic links
 * are left alone (chmod would follow them out of DATA_DIR).
 */
export function protectDataDir(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrict(dataDir);
}

function restrict(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) restrict(join(path, entry));
  } else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) {
    chmodSync(path, 0o600);
  }
}
