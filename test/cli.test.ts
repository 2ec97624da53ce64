import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, langAfterCommand, langFlag, requestedCommand } from '../src/cli/commands/index.js';
import { runCli, spawnCli } from './helpers/run-cli.js';

describe('the command line', () => {
  it('finds the subcommand asked for, loading only it', () => {
    expect(requestedCommand(['sample', 'r.csv', '--seed', 's'])).toBe('sample');
    expect(requestedCommand(['--lang', 'zh'])).toBeUndefined();
    expect(requestedCommand(['--lang', 'zh', 'check', 'x.csv'])).toBe('check');
    expect(requestedCommand(['-V'])).toBeUndefined();
  });

  it('reads --lang wherever it stands, before parsing', () => {
    expect(langFlag(['--lang', 'zh', 'check', 'x.csv'])).toBe('zh');
    expect(langFlag(['check', 'x.csv', '--lang=en'])).toBe('en');
    expect(langFlag(['check', '--', '--lang', 'zh'])).toBeUndefined();
    expect(langAfterCommand(['--lang', 'zh', 'check', 'x.csv'])).toEqual(['check', 'x.csv', '--lang', 'zh']);
    expect(langAfterCommand(['--lang=en', 'synth', 'roster', '--', 'y'])).toEqual([
      'synth',
      'roster',
      '--lang=en',
      '--',
      'y',
    ]);
    expect(langAfterCommand(['--lang', 'zh', '--help'])).toEqual(['--lang', 'zh', '--help']);
  });

  it('lists every command with examples in the root help', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(r.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(r.stdout).toMatch(/Examples:/);
  });

  it('gives every command a --help with examples', async () => {
    for (const name of COMMAND_NAMES) {
      const r = await runCli([name, '--help']);
      expect(r.code, name).toBe(0);
      expect(r.stdout, name).toMatch(/Examples?:/);
    }
  });

  it('refuses an unknown command or option with exit 2, in one line', async () => {
    expect((await runCli(['nosuch'])).code).toBe(2);
    const r = await runCli(['sample', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("hhsurvey: unknown option '--no-such-flag'; see hhsurvey sample --help\n");
  });

  it('says usage errors in Chinese with --lang zh, one line each', async () => {
    const cases: [string[], string][] = [
      [['--lang', 'zh', 'chek'], 'hhsurvey: 未知命令 chek（是否想用 check？）；用法见 hhsurvey --help\n'],
      [['sample', '--lang', 'zh'], 'hhsurvey: 缺少必需的参数 <roster>；用法见 hhsurvey sample --help\n'],
      [
        ['--lang', 'zh', 'check', 'r.csv', '--sise', '3'],
        'hhsurvey: 未知选项 --sise（是否想用 --size？）；用法见 hhsurvey check --help\n',
      ],
      [
        ['--lang', 'zh', 'sample', 'r.csv', '--size', 'x'],
        'hhsurvey: 选项 --size <n> 的取值“x”无效：应为整数，实为“x”；用法见 hhsurvey sample --help\n',
      ],
      [
        ['--lang', 'zh', 'sample', 'r.csv', '--method', 'foo'],
        'hhsurvey: 选项 --method <method> 的取值“foo”无效：可选值为 random、systematic；用法见 hhsurvey sample --help\n',
      ],
      [
        ['--lang', 'zh', 'check', 'a', 'b'],
        'hhsurvey: check 的参数过多：应为 1 个，实际 2 个；用法见 hhsurvey check --help\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      const r = await runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toBe(stderr);
    }
  });

  it('accepts --lang before the command as well as after it', async () => {
    const before = await runCli(['--lang', 'zh', 'check', 'nosuch.csv']);
    const after = await runCli(['check', 'nosuch.csv', '--lang', 'zh']);
    expect(before.code).toBe(2);
    expect(before).toEqual(after);
    const bad = await runCli(['--lang', 'fr', 'check', 'x.csv']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /^hhsurvey: option '--lang <lang>' argument 'fr' is invalid: allowed choices are zh, en/,
    );
  });

  it('shows help with exit 0 through the help command', async () => {
    const root = await runCli(['help']);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/^Usage: hhsurvey/);
    const sample = await runCli(['help', 'sample']);
    expect(sample.code).toBe(0);
    expect(sample.stdout).toMatch(/^Usage: hhsurvey sample/);
    const zh = await runCli(['--lang', 'zh', 'help', 'sample']);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(/^用法： hhsurvey sample \[选项\] <roster>/);
    expect(zh.stdout).toMatch(/^选项：$/m);
    expect(zh.stdout).toMatch(/^ {2}-h, --help +显示本命令的帮助$/m);
    // --lang after help, or before it with no command: the root help in Chinese, exit 0, on stdout.
    for (const args of [
      ['help', '--lang', 'zh'],
      ['--lang', 'zh', 'help'],
      ['help', '--lang=zh'],
    ]) {
      const r = await runCli(args);
      expect([r.code, r.stderr], args.join(' ')).toEqual([0, '']);
      expect(r.stdout, args.join(' ')).toMatch(/^用法： hhsurvey \[选项\] \[命令\]/);
    }
    const after = await runCli(['help', 'sample', '--lang', 'zh']);
    expect([after.code, after.stdout]).toEqual([0, zh.stdout]);
    expect(langAfterCommand(['help', 'sample', '--lang', 'zh'])).toEqual(['--lang', 'zh', 'help', 'sample']);
  });

  it('lists the commands in the root help without loading them, as their own help does', async () => {
    // `--help` lists each command from the command table (index.ts) and its summary; `help` loads
    // every command module: the two must print the same, in either language.
    for (const lang of ['zh', 'en']) {
      const listed = await runCli(['--help', '--lang', lang]);
      const loaded = await runCli(['help', '--lang', lang]);
      expect(listed.code).toBe(0);
      expect(listed.stdout, lang).toBe(loaded.stdout);
      expect(listed.stdout, lang).toMatch(/^ {2}compare \S+ <reports\.\.\.> /m);
    }
  });

  it('prints --version the same with the start-up shortcut (built bin) and through commander', async () => {
    const inProcess = await runCli(['--version']);
    expect(inProcess.code).toBe(0);
    expect(inProcess.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    for (const flag of ['--version', '-V']) {
      const r = spawnCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(inProcess.stdout);
    }
  });
});
