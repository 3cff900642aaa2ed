import { mkdirSync } from "node:fs";
import { restrictToOwner } from "@cm/db";

/**
 * DATA_DIR holds the database, generated secrets and the simulator's state:
 * readable by its owner only. The umask makes every file this process and its
 * children create 0600 and every folder 0700 (PGlite, which chmods its files
 * itself, is kept to that in @cm/db); the walk fixes what an older version
 * left group- or world-readable.
 */
export function protectDataDir(dataDir: string): void {
  process.umask(0o077);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  restrictToOwner(dataDir);
}
