// Preloaded into a command by the crash tests (node --import, test/helpers/interrupt.ts): numbers
// the command's file-system changes (opening a file to write, each write, flush and close of it,
// rename, folder creation, removal) and, with HHSURVEY_KILL_AT=k, kills the process with SIGKILL
// just before the k-th, as a power cut or `kill -9` would. With HHSURVEY_WRITES_TO=file it records
// the changes, one line each, with the path relative to the command's folder ("renameSync
// .s.csv.….tmp"; a write names the file it writes to), when the process ends. The state left by
// a kill at any moment is the state at one of these points, so killing at each of them covers every
// moment of the run. Only the synchronous API is counted: hhsurvey writes its outputs with it.
import fs from 'node:fs';
import { relative } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';

const killAt = Number(process.env.HHSURVEY_KILL_AT ?? 0);
const record = process.env.HHSURVEY_WRITES_TO;
/** Files open for writing: descriptor → path. */
const writing = new Map();
const seen = [];
const original = { ...fs };

function point(op, path) {
  seen.push(`${op} ${relative(process.cwd(), String(path))}`);
  if (seen.length === killAt) process.kill(process.pid, 'SIGKILL');
}

const { O_WRONLY, O_RDWR, O_CREAT, O_APPEND, O_TRUNC } = fs.constants;
const writes = (flags) =>
  typeof flags === 'string'
    ? /[wax+]/.test(flags)
    : typeof flags === 'number' && (flags & (O_WRONLY | O_RDWR | O_CREAT | O_APPEND | O_TRUNC)) !== 0;
fs.openSync = function (path, flags, ...rest) {
  if (!writes(flags)) return original.openSync(path, flags, ...rest);
  point('openSync', path);
  const fd = original.openSync(path, flags, ...rest);
  writing.set(fd, path);
  return fd;
};
for (const op of ['writeSync', 'fsyncSync', 'ftruncateSync'])
  fs[op] = function (fd, ...rest) {
    if (writing.has(fd)) point(op, writing.get(fd));
    return original[op](fd, ...rest);
  };
fs.closeSync = function (fd) {
  if (writing.has(fd)) point('closeSync', writing.get(fd));
  writing.delete(fd);
  return original.closeSync(fd);
};
for (const op of [
  'writeFileSync',
  'appendFileSync',
  'renameSync',
  'mkdirSync',
  'rmSync',
  'unlinkSync',
  'rmdirSync',
  'copyFileSync',
  'cpSync',
])
  fs[op] = function (path, ...rest) {
    point(op, path);
    return original[op](path, ...rest);
  };
syncBuiltinESMExports();

if (record) process.on('exit', () => original.writeFileSync(record, seen.map((s) => `${s}\n`).join('')));
