// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * Layering (issue 12, "Clear rooms"). Only the I/O edges touch the file system; the rest of src/ is
 * pure and gets paths, bytes and text from them. Each rule below is one `no-restricted-imports`
 * option list; a file matched by several blocks gets the last one, so each list is complete.
 */
const FS_MODULES = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises'];
const noFileSystem = FS_MODULES.map((name) => ({
  name,
  message: 'File-system access belongs in an I/O edge (src/io, a job module, a loader, the fieldwork store).',
}));
/** The I/O edges outside src/io: job modules, loaders, writers and the fieldwork store. */
const IO_EDGES = [
  'src/**/*-job.ts', // sample, score, interview, pack and simulate --roster jobs
  'src/drill/run.ts', // the drill job
  'src/drill/transaction.ts', // the drill's output folder, all old or all new
  'src/fieldwork/store.ts', // the interview store (lock, append log, recovery)
  'src/fieldwork/responses-file.ts', // loader: responses files
  'src/roster/read-roster.ts', // loader: rosters
  'src/standard/load.ts', // loader: standards (and the built-in ones)
  'src/sampling/manifest-read.ts', // loader: sample manifests
  'src/report/write-files.ts', // writer: score reports in several formats
  'src/pack/pdf.ts', // the field pack's PDF printer (a browser and its temporary profile)
  'src/core/version.ts', // the version, read once from the package's own package.json
];
const noJobModules = {
  regex: String.raw`(-job|/run)(\.js)?$`,
  message: 'A schema describes a file format; it must not import a job module.',
};
const noSimulationRender = {
  regex: String.raw`/simulation/render(\.js)?$`,
  message: 'Planning output has its own renderer; shared formats live in src/core (percent.ts, width.ts).',
};
const noDomainFromIo = {
  regex: String.raw`^\.\./(?!core/)`,
  message: 'src/io reads and writes bytes; it imports no domain module (only src/core).',
};
const SRC = ['src/**/*.ts'];
/*
 * One message catalogue (issue 9): text in two languages comes from `t(lang, message)`
 * (src/core/messages.ts), never from a branch on the language. The few decisions that look at the
 * language for a format rather than a word (a CSV's BOM, cells for people or for programs) live
 * in src/core (lang-formats.ts), which is allowed to compare.
 */
/** Files that may still branch on the language, each with its reason. */
const LANGUAGE_BRANCHES_ALLOWED = [
  // A YAML syntax error in English is the yaml package's own, more precise text; in Chinese the
  // catalogue's (with the column), since the package speaks no Chinese.
  'src/io/schema-file.ts',
];
const LANG_LITERAL = String.raw`/^(zh|en)$/`;
const noLanguageBranches = [
  {
    selector: `BinaryExpression[operator=/^[!=]==?$/]:matches([left.value=${LANG_LITERAL}], [right.value=${LANG_LITERAL}])`,
    message:
      'Text in two languages comes from the message catalogue: t(lang, m.key) (src/core/messages.ts); a format that follows the language belongs in src/core/lang-formats.ts.',
  },
  {
    selector: 'ConditionalExpression[test.name=/^(zh|isZh|isEn)$/]',
    message:
      'Text in two languages comes from the message catalogue: t(lang, m.key), not a zh ? … : … branch.',
  },
];
const TESTS = ['src/**/*.test.ts'];

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', '**/*.mjs', 'bin/', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the seeded generator (src/sampling/rng.ts).' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: SRC,
    ignores: [...TESTS, 'src/io/**', ...IO_EDGES],
    rules: { 'no-restricted-imports': ['error', { paths: noFileSystem }] },
  },
  {
    files: ['src/io/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [noDomainFromIo] }] },
  },
  {
    files: ['src/**/schema.ts', 'src/**/*-schema.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: noFileSystem, patterns: [noJobModules] }] },
  },
  {
    files: ['src/planning/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { paths: noFileSystem, patterns: [noSimulationRender] }] },
  },
  {
    files: SRC,
    ignores: [...TESTS, 'src/core/**', ...LANGUAGE_BRANCHES_ALLOWED],
    rules: { 'no-restricted-syntax': ['error', ...noLanguageBranches] },
  },
  {
    files: ['test/**/*.ts', 'src/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
