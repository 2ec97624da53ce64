import { AsyncLocalStorage } from 'node:async_hooks';
import { isAbsolute, relative } from 'node:path';
import type { Lang } from '../core/i18n.js';

/**
 * What one command run knows about its files, carried through every await without being passed
 * down by hand: the language of messages from the file layer, the inputs it has read (so that an
 * output never replaces one of them), and temporary copies of piped inputs (removed at the end).
 * In-process runs (tests) each get their own scope; code outside a run sees none and skips checks.
 */
export interface InputRecord {
  label: string;
  realpath: string;
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
}

export interface RunScope {
  lang: Lang;
  /** The command's working folder: paths in messages are shown relative to it. */
  cwd: string;
  /** Inputs by the path the command used. */
  inputs: Map<string, InputRecord>;
  /** Piped inputs copied to a temporary file: original path → the copy. */
  buffered: Map<string, string>;
}

const storage = new AsyncLocalStorage<RunScope>();

export function runWithScope<T>(lang: Lang, cwd: string, fn: () => Promise<T>): Promise<T> {
  return storage.run({ lang, cwd, inputs: new Map(), buffered: new Map() }, fn);
}

/** A path as the user would name it: relative to the working folder when inside it. */
export function shownPath(path: string): string {
  const cwd = storage.getStore()?.cwd;
  if (cwd === undefined || !isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function currentScope(): RunScope | undefined {
  return storage.getStore();
}

/** The language for messages raised below the command layer (files, paths). */
export function scopeLang(): Lang {
  return storage.getStore()?.lang ?? 'en';
}

/** --lang is known only once the flags are parsed. */
export function setScopeLang(lang: Lang): void {
  const s = storage.getStore();
  if (s) s.lang = lang;
}
