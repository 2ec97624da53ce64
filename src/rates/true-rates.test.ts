import { describe, expect, it } from 'vitest';
import { formatProblem } from '../core/errors.js';
import { parseRate } from '../core/rate.js';
import { emptyRates, matchStratum, parseRateFlags, parseRatesTable, resolveRates } from './true-rates.js';

const IND = ['awareness', 'support'];
const STRATA = ['全福街道 / 南全福社区', '全福街道 / 利农社区', '洪家楼街道 / 利农社区'];

describe('parseRate', () => {
  it('reads 0.93, .93, 93% and the bounds; refuses the rest', () => {
    expect([parseRate('0.93'), parseRate('.93'), parseRate('93%'), parseRate(' 1 '), parseRate('0')]).toEqual(
      [0.93, 0.93, 0.93, 1, 0],
    );
    for (const bad of ['', '1.5', '-0.1', 'abc', '101%', '0.9x', '1e-1', '0x1', '+0.5'])
      expect(parseRate(bad), bad).toBeUndefined();
  });
});

describe('parseRateFlags', () => {
  it('takes indicator=rate and a bare rate for every indicator', () => {
    const r = emptyRates();
    expect(parseRateFlags(['awareness=0.95', '0.9', 'support=85%'], r)).toEqual([]);
    expect(r.all).toBe(0.9);
    expect([...r.overall]).toEqual([
      ['awareness', 0.95],
      ['support', 0.85],
    ]);
  });

  it('reports every bad flag', () => {
    const p = parseRateFlags(['awareness=1.2', '=0.9', 'support=x']).map(formatProblem);
    expect(p).toEqual([
      '--rate: "awareness=1.2": the rate must be between 0 and 1 (0.93 or 93%), e.g. awareness=0.93',
      '--rate: "=0.9": give it as <indicator>=<rate>, e.g. awareness=0.93',
      '--rate: "support=x": the rate must be between 0 and 1 (0.93 or 93%), e.g. awareness=0.93',
    ]);
    expect(parseRateFlags(['awareness=0.9', 'awareness=0.8', '0.7', '*=0.6']).map(formatProblem)).toEqual([
      '--rate: the rate of awareness is given twice',
      '--rate: the rate of * is given twice',
    ]);
    expect(parseRateFlags(['0x1'], emptyRates(), 'zh').map(formatProblem)).toEqual([
      '--rate: "0x1"：比率须在 0 到 1 之间（0.93 或 93%），如 awareness=0.93',
    ]);
  });
});

describe('parseRatesTable', () => {
  const table = (header: string[], rows: string[][]) => ({
    file: 'rates.csv',
    header,
    rows: rows.map((fields, i) => ({ line: i + 2, fields })),
  });

  it('reads stratum, indicator, rate (English or Chinese headers); * means every stratum', () => {
    const r = emptyRates();
    const p = parseRatesTable(
      table(
        ['社区', '指标', '率'],
        [
          ['南全福社区', 'awareness', '0.8'],
          ['*', 'support', '92%'],
        ],
      ),
      r,
    );
    expect(p).toEqual([]);
    expect(r.byStratum.get('南全福社区')?.get('awareness')).toBe(0.8);
    expect(r.overall.get('support')).toBe(0.92);
  });

  it('reports missing columns, empty cells, bad rates and duplicates with their lines', () => {
    expect(parseRatesTable(table(['stratum', 'rate'], [])).map(formatProblem)).toEqual([
      'rates.csv:1: a rates file needs the columns stratum, indicator, rate (missing: indicator; header: stratum, rate)',
    ]);
    const p = parseRatesTable(
      table(
        ['stratum', 'indicator', 'rate'],
        [
          ['A', 'awareness', '0.9'],
          ['', 'awareness', '2'],
          ['A', 'awareness', '0.8'],
        ],
      ),
    ).map(formatProblem);
    expect(p).toEqual([
      'rates.csv:3: stratum: empty',
      'rates.csv:3: rate: must be a rate between 0 and 1 (0.93 or 93%), got "2"',
      'rates.csv:4: A / awareness given twice (also line 2)',
    ]);
  });
});

describe('matchStratum and resolveRates', () => {
  it('matches a stratum by its key, or by its last part when that is unique', () => {
    expect(matchStratum('全福街道 / 南全福社区', STRATA)).toEqual(['全福街道 / 南全福社区']);
    expect(matchStratum('全福街道/南全福社区', STRATA)).toEqual(['全福街道 / 南全福社区']);
    expect(matchStratum('全福街道／南全福社区', STRATA)).toEqual(['全福街道 / 南全福社区']);
    expect(matchStratum('南全福社区', STRATA)).toEqual(['全福街道 / 南全福社区']);
    // Two sub-districts have one: both are named, and resolving calls the name ambiguous.
    expect(matchStratum('利农社区', STRATA)).toEqual(['全福街道 / 利农社区', '洪家楼街道 / 利农社区']);
    expect(matchStratum('别的社区', STRATA)).toEqual([]);
  });

  it('matches a community stratum written with its sub-district when the sub-district is known', () => {
    const byCommunity = [
      { key: '南全福社区', street: '全福街道' },
      { key: '利农社区', street: null },
    ];
    expect(matchStratum('全福街道/南全福社区', byCommunity)).toEqual(['南全福社区']);
    expect(matchStratum('洪家楼街道/南全福社区', byCommunity)).toEqual([]);
    expect(matchStratum('全福街道/利农社区', byCommunity)).toEqual([]);
  });

  it('calls an ambiguous community name an error, located in its file', () => {
    const r = emptyRates();
    parseRatesTable(
      {
        file: 'rates.csv',
        header: ['社区', '指标', '比率'],
        rows: [{ line: 2, fields: ['利农社区', 'awareness', '0.8'] }],
      },
      r,
    );
    parseRateFlags(['0.9'], r);
    const p = resolveRates(r, IND, STRATA).problems;
    expect(p.map(formatProblem)).toEqual([
      'rates.csv:2: "利农社区" could be any of 全福街道 / 利农社区, 洪家楼街道 / 利农社区: write it with its sub-district, e.g. 全福街道 / 利农社区',
    ]);
    expect(p[0]!.severity).toBeUndefined();
  });

  it('uses only the indicators given a rate when asked (a simulation), and names strata without one', () => {
    const r = emptyRates();
    parseRateFlags(['support=0.8'], r);
    r.byStratum.set('南全福社区', new Map([['awareness', 0.7]]));
    const res = resolveRates(r, IND, STRATA, { require: 'named' });
    expect(res.indicators).toEqual(['awareness', 'support']);
    expect(res.problems.map(formatProblem)).toEqual([
      '--rate: no true rate for awareness in 2 strata (全福街道 / 利农社区, 洪家楼街道 / 利农社区): add --rate awareness=<rate> or rows to --rates',
    ]);
    expect(resolveRates(emptyRates(), IND, STRATA, { require: 'named' }).problems.map(formatProblem)).toEqual(
      [
        '--rate: give true rates with --rate <indicator>=<rate>, --rate <rate> or a --rates file (indicators: awareness, support)',
      ],
    );
    const all = emptyRates();
    parseRateFlags(['*=0.9'], all);
    expect(resolveRates(all, IND, STRATA, { require: 'named' }).indicators).toEqual(IND);
  });

  it('checks the indicators before any stratum is known', () => {
    const r = emptyRates();
    parseRateFlags(['0.9'], r);
    expect(resolveRates(r, IND, []).problems).toEqual([]);
    const s = emptyRates();
    parseRateFlags(['support=0.9'], s);
    expect(resolveRates(s, IND, []).problems.map(formatProblem)).toEqual([
      '--rate: no true rate for awareness: give --rate <indicator>=<rate> (or --rate <rate> for every indicator), or list every stratum in --rates',
    ]);
  });

  it('per stratum, then per indicator, then the rate for all', () => {
    const r = emptyRates();
    parseRateFlags(['0.9', 'support=0.8'], r);
    r.byStratum.set('南全福社区', new Map([['awareness', 0.7]]));
    const res = resolveRates(r, IND, STRATA);
    expect(res.problems).toEqual([]);
    expect(res.rate(STRATA[0]!, 'awareness')).toBe(0.7);
    expect(res.rate(STRATA[1]!, 'awareness')).toBe(0.9);
    expect(res.rate(STRATA[1]!, 'support')).toBe(0.8);
  });

  it('reports unknown indicators and missing rates; strata not in the sample are warnings', () => {
    const r = emptyRates();
    parseRateFlags(['awarenes=0.9'], r);
    r.byStratum.set('别的社区', new Map([['awareness', 0.7]]));
    const p = resolveRates(r, IND, STRATA).problems;
    expect(p.map(formatProblem)).toEqual([
      '--rate: unknown indicator "awarenes" (the standard has awareness, support)',
      'warning: stratum "别的社区" is not in the sample; its rate is not used',
      '--rate: no true rate for awareness, support: give --rate <indicator>=<rate> (or --rate <rate> for every indicator), or list every stratum in --rates',
    ]);
    expect(p[1]!.severity).toBe('warning');
  });
});
