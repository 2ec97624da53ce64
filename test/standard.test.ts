import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinStandardText } from '../src/standard/load.js';
import { runCli } from './helpers/run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'hhsurvey-'));

describe('hhsurvey standard show', () => {
  it('prints the built-in standard in English and Chinese', async () => {
    const en = await runCli(['standard', 'show', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(/National Civilized City household survey \(mock\)/);
    expect(en.stdout).toMatch(/Awareness \[awareness\]\s+threshold 90%\s+points 20/);
    expect(en.stdout).toMatch(/drill defaults/);
    const zh = await runCli(['standard', 'show', '--lang', 'zh']);
    expect(zh.stdout).toMatch(/满意度 \[satisfaction\]/);
    expect(zh.stdout).toMatch(/认可：satisfaction 为 1 满意、2 基本满意/);
    expect(zh.stdout).toMatch(/9 不清楚（不读出）/);
    expect(zh.stdout).toMatch(/仅当 core_values_heard 回答 1 听说过 时询问/);
    expect(zh.stderr).toBe('');
  });

  it('--json prints the validated standard with defaults', async () => {
    const r = await runCli(['standard', 'show', '--json']);
    const s = JSON.parse(r.stdout);
    expect(s.id).toBe('national-mock');
    expect(s.indicators[0]).toMatchObject({
      id: 'awareness',
      not_sure: 'not_favourable',
      unanswered: 'not_favourable',
    });
  });

  it('a broken standard: every problem as file:line: path: message, exit 2, no stack', async () => {
    const dir = tmp();
    const text = builtinStandardText()
      .replace('threshold: 0.90 # drill default', 'threshold: 1.5')
      .replace('{ question: participate, in: [1] }', '{ question: participation, in: [1] }');
    writeFileSync(join(dir, 'bad.yaml'), text);
    const r = await runCli(['standard', 'show', '--standard', 'bad.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^bad\.yaml:\d+: indicators\[0\]\.threshold: must be between 0 and 1, got 1\.5$/,
    );
    expect(lines[1]).toMatch(
      /^bad\.yaml:\d+: indicators\[2\]\.favourable\.question: unknown question id "participation"$/,
    );
    expect(lines[2]).toBe('hhsurvey: bad.yaml: 2 problems in the standard');
    expect(r.stdout).toBe('');
  });

  it('missing, empty and binary files are one clear line', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'empty.yaml'), '');
    writeFileSync(join(dir, 'bin.yaml'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]));
    for (const [f, msg] of [
      ['nope.yaml', 'nope.yaml: no such file'],
      ['empty.yaml', 'empty.yaml: the file is empty'],
      ['bin.yaml', 'bin.yaml: not a text file'],
      ['.', '.: is a directory, not a file'],
    ]) {
      const r = await runCli(['standard', 'show', '--standard', f!], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`hhsurvey: ${msg}\n`);
    }
  });
});

describe('hhsurvey standard init', () => {
  it('writes a copy of the built-in standard that validates, and will not overwrite', async () => {
    const dir = tmp();
    const r = await runCli(['standard', 'init', '-o', 'mine.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/wrote mine\.yaml/);
    expect(readFileSync(join(dir, 'mine.yaml'), 'utf8')).toBe(builtinStandardText());
    const show = await runCli(['standard', 'show', '--standard', 'mine.yaml'], { cwd: dir });
    expect(show.code).toBe(0);
    const again = await runCli(['standard', 'init', '-o', 'mine.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/mine\.yaml: already exists \(use --force to overwrite\)/);
    expect((await runCli(['standard', 'init', '-o', 'mine.yaml', '--force'], { cwd: dir })).code).toBe(0);
  });
  it('to stdout without -o', async () => {
    const r = await runCli(['standard', 'init']);
    expect(r.stdout).toBe(builtinStandardText());
  });
});
