#!/usr/bin/env node
// npm run static: the type check and the type-aware lint on one TypeScript program. `tsc --noEmit`
// and `eslint .` each build and check the whole program (src, test, scripts); here the program is
// built and checked once, and ESLint's typed rules reuse its checker (parserOptions.programs).
// Prints what `tsc` and `eslint` print and exits 1 on a type error or a lint error.
// With --knip (as `npm test` runs it), knip runs beside them in its own process (it takes one core
// for a few seconds while the lint leaves the second mostly idle); its report follows theirs.
import { spawn } from 'node:child_process';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const knip = process.argv.includes('--knip') ? startKnip() : undefined;

/** knip in a child process: its exit code and what it printed. */
function startKnip() {
  const bin = join(root, 'node_modules', 'knip', 'bin', 'knip.js');
  const child = spawn(process.execPath, [bin, '--no-progress'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return new Promise((resolve) => {
    child.on('error', (err) => resolve({ code: 1, out: `knip: ${err.message}\n` }));
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}
const configFile = join(root, 'tsconfig.json');

const read = ts.readConfigFile(configFile, ts.sys.readFile);
const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, root, { noEmit: true }, configFile);
const configErrors = read.error ? [read.error, ...parsed.errors] : parsed.errors;
const program = ts.createProgram({
  rootNames: parsed.fileNames,
  options: parsed.options,
  projectReferences: parsed.projectReferences,
  configFileParsingDiagnostics: configErrors,
});

const diagnostics = [...configErrors, ...ts.getPreEmitDiagnostics(program)];
const host = {
  getCanonicalFileName: (f) => f,
  getCurrentDirectory: () => root,
  getNewLine: () => '\n',
};
if (diagnostics.length > 0) {
  const pretty = process.stdout.isTTY && !process.env.NO_COLOR;
  process.stdout.write(
    pretty
      ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host)
      : ts.formatDiagnostics(diagnostics, host),
  );
  const files = new Set(diagnostics.map((d) => d.file?.fileName).filter(Boolean)).size;
  process.stdout.write(`\nFound ${diagnostics.length} type errors in ${files} files.\n`);
}

const eslint = new ESLint({
  cwd: root,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, programs: [program] } },
  },
});
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
const text = await formatter.format(results);
if (text) process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const lintErrors = results.reduce((n, r) => n + r.errorCount, 0);

let knipFailed = false;
if (knip) {
  const { code, out } = await knip;
  if (out) process.stdout.write(out);
  knipFailed = code !== 0;
}

process.exitCode = diagnostics.length > 0 || lintErrors > 0 || knipFailed ? 1 : 0;
