import { chmodSync, lstatSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Makes a file 0600, or a folder 0700 and everything in it likewise (what an
 * older version left group- or world-readable). Symbolic links are left alone:
 * chmod would follow them out of the folder.
 */
export function restrictToOwner(path: string): void {
  const stat = lstatSync(path, { throwIfNoEntry: false });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) chmodSync(path, 0o700);
    for (const entry of readdirSync(path)) restrictToOwner(join(path, entry));
  } else if (stat.isFile() && (stat.mode & 0o777) !== 0o600) {
    chmodSync(path, 0o600);
  }
}

interface EmscriptenChmod {
  doChmod(stream: unknown, node: unknown, mode: number, dontFollow: boolean): void;
}

/**
 * PGlite's file system (Emscripten over Node's fs) chmods every file it
 * creates to the mode PostgreSQL asked for, 0666 in its build, which the
 * process umask cannot mask. From now on its chmods keep owner bits only; the
 * files its start-up made so far are restricted here.
 */
export function keepPGliteFilesPrivate(pglite: PGlite, dataDir: string): void {
  const fs = pglite.Module.FS as unknown as EmscriptenChmod;
  const chmod = fs.doChmod.bind(fs);
  fs.doChmod = (stream, node, mode, dontFollow) => chmod(stream, node, mode & ~0o077, dontFollow);
  restrictToOwner(dataDir);
}
