import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import { csvLine } from '../io/csv-write.js';
import { loadStandardSync } from '../standard/parse.js';
import {
  latestByHousehold,
  parseRecordedAt,
  parseResponses,
  responseCells,
  responsesHeader,
  type ResponseRow,
} from './responses.js';

const standard = loadStandardSync(undefined);
const header = responsesHeader(standard);

function table(rows: Record<string, string>[], h: string[] = header) {
  return {
    file: 'r.csv',
    header: h,
    rows: rows.map((r, i) => ({ line: i + 2, fields: h.map((c) => r[c] ?? '') })),
  };
}
const base = {
  household_id: 'H1',
  stratum: '南全福社区',
  role: 'primary',
  visit: '1',
  interviewer: '王*',
  recorded_at: '2026-11-28T10:00:00+08:00',
};
const full = {
  aware_campaign: '1',
  support_campaign: '1',
  participate: '2',
  satisfaction: '2',
  core_values_heard: '1',
  core_values_know: '1',
};
const messages = (rows: Record<string, string>[], h?: string[]) =>
  parseResponses(table(rows, h), standard).problems.map(formatProblem);

describe('parseResponses', () => {
  it('reads a valid file: codes or labels, tokens or labels', () => {
    const f = parseResponses(
      table([
        { ...base, disposition: 'complete', ...full },
        {
          ...base,
          household_id: 'H2',
          disposition: '完成',
          ...full,
          aware_campaign: '知道',
          satisfaction: '基本满意',
          core_values_heard: '没听说过',
          core_values_know: '',
        },
        { ...base, household_id: 'H3', role: '备用', disposition: '拒访' },
      ]),
      standard,
    );
    expect(f.problems).toEqual([]);
    expect(f.rows).toHaveLength(3);
    expect(f.rows[1]!.answers).toEqual({
      aware_campaign: 1,
      support_campaign: 1,
      participate: 2,
      satisfaction: 2,
      core_values_heard: 2,
    });
    expect(f.rows[2]).toMatchObject({ disposition: 'refused', role: 'reserve', answers: {} });
  });

  it('reports every rule with file:line: field', () => {
    const out = messages([
      { ...base, disposition: 'complete', ...full, aware_campaign: '5' },
      { ...base, disposition: 'done' },
      { ...base, disposition: 'refused', aware_campaign: '1' },
      { ...base, disposition: 'complete', ...full, satisfaction: '' },
      { ...base, disposition: 'complete', ...full, core_values_heard: '2' },
      { ...base, disposition: 'partial', aware_campaign: '1' },
      { ...base, household_id: '', disposition: 'complete', ...full },
      { ...base, disposition: 'vacant', visit: '0' },
      { ...base, disposition: 'vacant', recorded_at: 'yesterday' },
      { ...base, disposition: 'vacant', role: 'spare' },
      { ...base, disposition: 'vacant', interviewer: '' },
    ]);
    expect(out).toEqual([
      'r.csv:2: aware_campaign: "5" is not an option (1 知道, 2 不知道, 9 不清楚)',
      'r.csv:3: disposition: "done" is not a disposition (one of: complete 完成, partial 部分完成, refused 拒访, break_off 中途拒绝, not_home 无人在家, unable 无法应答, language 语言障碍, not_found 地址未找到, not_dwelling 非住宅, vacant 空置, no_eligible 无合格受访者)',
      'r.csv:4: aware_campaign: answers recorded for a household that was not interviewed (refused 拒访)',
      'r.csv:5: satisfaction: no answer in a complete interview (record it as partial, or add the answer)',
      'r.csv:6: core_values_know: answered, but the skip rule says it is not asked (asked only if core_values_heard is 1 听说过)',
      'r.csv:8: household_id: empty',
      'r.csv:9: visit: must be a whole number from 1, got "0"',
      'r.csv:10: recorded_at: not a date and time (ISO 8601, e.g. 2026-11-28T14:05:00+08:00), got "yesterday"',
      'r.csv:11: role: must be primary or reserve (正式/备用), got "spare"',
      'r.csv:12: warning: interviewer: empty',
    ]);
  });

  it('checks the header: required columns, Chinese aliases, unknown columns', () => {
    expect(messages([], ['stratum', 'visit'])).toEqual([
      'r.csv:1: no household_id column (the header must name it)',
      'r.csv:1: no disposition column (the header must name it)',
    ]);
    const f = parseResponses(
      table(
        [{ 户编号: 'H1', 访问结果: '空置', 记录时间: '2026-11-28 10:00', 颜色: 'x' }],
        ['户编号', '访问结果', '记录时间', '颜色'],
      ),
      standard,
    );
    expect(f.rows[0]).toMatchObject({
      householdId: 'H1',
      disposition: 'vacant',
      time: Date.parse('2026-11-28T02:00:00Z'),
    });
    expect(f.problems.map(formatProblem)).toContain(
      'r.csv:1: warning: 颜色: unknown column (not a question of standard national-mock); ignored',
    );
  });
});

describe('parseRecordedAt', () => {
  it('reads ISO 8601 and spreadsheet times (no offset: China Standard Time)', () => {
    expect(parseRecordedAt('2026-11-28T02:00:00Z')).toBe(Date.UTC(2026, 10, 28, 2));
    expect(parseRecordedAt('2026-11-28T10:00:00+08:00')).toBe(Date.UTC(2026, 10, 28, 2));
    expect(parseRecordedAt('2026/11/28 10:00')).toBe(Date.UTC(2026, 10, 28, 2));
    expect(parseRecordedAt('2026-11-28')).toBe(Date.UTC(2026, 10, 27, 16));
    expect(parseRecordedAt('2026-02-30 10:00')).toBeUndefined();
    expect(parseRecordedAt('28/11/2026')).toBeUndefined();
  });
});

describe('latestByHousehold and responseCells', () => {
  const r = (id: string, d: ResponseRow['disposition'], time: number, line: number): ResponseRow => ({
    file: 'r.csv',
    line,
    householdId: id,
    stratum: 'S',
    visit: 1,
    disposition: d,
    interviewer: 'x',
    recordedAt: '',
    time,
    answers: {},
    note: '',
  });
  it('newest time wins; equal times: the later row', () => {
    const m = latestByHousehold([
      r('H1', 'complete', 5, 2),
      r('H1', 'refused', 3, 3),
      r('H2', 'vacant', 1, 4),
      r('H2', 'refused', 1, 5),
    ]);
    expect(m.get('H1')!.disposition).toBe('complete');
    expect(m.get('H2')!.disposition).toBe('refused');
  });
  it('writes codes and tokens under the header', () => {
    const cells = responseCells(
      { ...r('H1', 'complete', 0, 0), role: 'primary', answers: { aware_campaign: 1 } },
      header,
    );
    expect(csvLine(cells)).toBe('H1,S,primary,1,complete,x,,1,,,,,,\r\n');
  });
});
