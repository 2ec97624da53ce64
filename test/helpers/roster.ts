import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

export interface TinyHousehold {
  id: string;
  street: string;
  community: string;
  grid: string;
  building: string;
  unit: string;
  room: string;
  name: string;
  phone: string;
  size: string;
}

/** A small synthetic roster for tests: deterministic, names and phones that cannot be real. */
export function tinyRoster(communities: Record<string, number>, street = '全福街道'): TinyHousehold[] {
  const out: TinyHousehold[] = [];
  let k = 0;
  for (const [community, n] of Object.entries(communities))
    for (let i = 0; i < n; i++, k++)
      out.push({
        id: `H${String(k + 1).padStart(6, '0')}`,
        street,
        community,
        grid: `${(i % 3) + 1}`,
        building: `${(i % 12) + 1}`,
        unit: `${(i % 2) + 1}`,
        room: `${(i % 6) + 1}0${(i % 4) + 1}`,
        name: `测${'甲乙丙丁'[i % 4]}`,
        phone: `100${String(10_000_000 + k).slice(-8)}`,
        size: `${(i % 5) + 1}`,
      });
  return out;
}

export function rosterCsv(
  rows: TinyHousehold[],
  opts: { chinese?: boolean; crlf?: boolean; bom?: boolean } = {},
): string {
  const header = opts.chinese
    ? ['户编号', '街道', '社区', '网格', '楼栋', '单元', '房号', '户主姓名', '联系电话', '常住人口']
    : [
        'household_id',
        'street',
        'community',
        'grid',
        'building',
        'unit',
        'room',
        'head_name',
        'phone',
        'size',
      ];
  const eol = opts.crlf ? '\r\n' : '\n';
  const lines = [
    header.join(','),
    ...rows.map((r) =>
      [r.id, r.street, r.community, r.grid, r.building, r.unit, r.room, r.name, r.phone, r.size].join(','),
    ),
  ];
  return (opts.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'hhsurvey-test-'));
}

export function writeRoster(
  dir: string,
  name: string,
  text: string,
  encoding: 'utf8' | 'gb18030' = 'utf8',
): string {
  const p = join(dir, name);
  writeFileSync(p, encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : text);
  return p;
}

/** Deterministic shuffle for tests (an LCG, not for sampling). */
export function shuffled<T>(xs: T[], seed = 1): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
