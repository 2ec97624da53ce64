import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, requestedCommand } from '../src/cli/commands/index.js';
import { runCli } from './helpers/run-cli.js';

describe('the command line', () => {
  it('finds the subcommand asked for, loading only it', () => {
    expect(requestedCommand(['sample', 'r.csv', '--seed', 's'])).toBe('sample');
    expect(requestedCommand(['--lang', 'zh'])).toBe('zh');
    expect(requestedCommand(['-V'])).toBeUndefined();
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

  it('refuses an unknown command or option with exit 2', async () => {
    expect((await runCli(['nosuch'])).code).toBe(2);
    const r = await runCli(['sample', '--no-such-flag']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option '--no-such-flag'/);
  });
});
