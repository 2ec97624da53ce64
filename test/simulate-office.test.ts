import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, runCli } from './helpers/run-cli.js';

/*
 * simulate --roster reads an office roster with the options of check and sample (--sheet,
 * --column, --id-from, --fill-down): the workbook and its GB18030 export give the same simulation.
 */
const office = (f: string) => join(ROOT, 'fixtures', 'office', f);
const base = ['--rate', '0.9', '--replicates', '200', '--seed', 'office', '--json'];

describe('simulate --roster on office rosters', () => {
  it('the workbook and its export with --fill-down give the same simulation', async () => {
    const xlsx = await runCli(['simulate', '--roster', office('roster.xlsx'), ...base]);
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const gbk = await runCli([
      'simulate',
      '--roster',
      office('roster-export-gb18030.csv'),
      '--fill-down',
      '街道,社区',
      ...base,
    ]);
    expect(gbk.code, gbk.stderr).toBe(0);
    expect(gbk.stdout).toBe(xlsx.stdout);
    const hidden = await runCli([
      'simulate',
      '--roster',
      office('roster.xlsx'),
      '--sheet',
      '旧名单',
      ...base,
    ]);
    expect(hidden.code, hidden.stderr).toBe(0);
    expect(hidden.stdout).not.toBe(xlsx.stdout);
    const serial = await runCli([
      'simulate',
      '--roster',
      office('serial-only.csv'),
      '--id-from',
      '街道,社区,楼栋,单元,房号',
      ...base,
    ]);
    expect(serial.code, serial.stderr).toBe(0);
    expect(serial.stdout).toBe(xlsx.stdout);
  });

  it('without --fill-down the export is refused with the hint; the flags belong to the roster form', async () => {
    const r = await runCli(['simulate', '--roster', office('roster-export-gb18030.csv'), ...base]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('add --fill-down 街道,社区');
    const simple = await runCli([
      'simulate',
      '--population',
      '300',
      '--true-rate',
      '0.9',
      '--size',
      '22',
      '--threshold',
      '0.85',
      '--fill-down',
      '街道',
    ]);
    expect(simple.code).toBe(2);
    expect(simple.stderr).toContain('--fill-down: belongs to the roster form (--roster)');
  });
});
