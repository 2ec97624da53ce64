import { existsSync, mkdirSync, statSync } from 'node:fs';

/**
 * Questions about paths for the command modules, which stay free of file-system access (the
 * layering in eslint.config.js): whether something is there, whether it is a folder, and making one.
 */

/** Something (file, folder, link) is at `path`. */
export function pathExists(path: string): boolean {
  return existsSync(path);
}

/** `path` is a folder (false when nothing is there or it cannot be looked at). */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Make the folder `path` and any missing parents. */
export function makeFolder(path: string): void {
  mkdirSync(path, { recursive: true });
}
