/**
 * Rebuilds everything under fixtures/ from the synthetic roster generator:
 *
 *   npx tsx scripts/make-fixtures.ts
 *
 * test/fixtures.test.ts checks that the committed files are exactly what this script writes, so
 * edit this script (and fixtures/README.md), never the files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import iconv from 'iconv-lite';
import seedrandom from 'seedrandom';
import {
  generateRoster,
  rosterCsvChunks,
  type RosterSpec,
  type SynthHousehold,
} from '../src/synth/roster.js';
import { buildDrawnOfficeFixtures, buildOfficeFixtures } from './office-fixtures.js';

/** The small realistic roster every good fixture holds: 300 households, 3 communities. */
export const FIXTURE_SPEC: RosterSpec = {
  households: 300,
  communities: 3,
  seed: 'fixtures-9',
  streets: ['全福街道', '洪家楼街道'],
};

function csvText(rows: SynthHousehold[], opts: Parameters<typeof rosterCsvChunks>[1]): string {
  return [...rosterCsvChunks(rows, opts)].join('');
}

/** Fisher–Yates with its own seeded stream, so the shuffled copy is reproducible too. */
function shuffled<T>(items: readonly T[], seed: string): T[] {
  const rng = seedrandom.xor4096(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/** Header + rows as LF-terminated CSV lines, for the hand-edited bad and variant rosters. */
function lines(header: string, rows: string[]): string {
  return [header, ...rows].map((l) => `${l}\n`).join('');
}

/** Every fixture: relative path → bytes. */
export function buildFixtures(): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const rows = [...generateRoster(FIXTURE_SPEC)];

  // The same 300 households in every form a roster arrives in.
  const crlf = csvText(rows, { eol: 'crlf' });
  files.set('roster-utf8.csv', utf8(csvText(rows, { eol: 'lf' })));
  files.set('roster-utf8-bom-crlf.csv', utf8(csvText(rows, { eol: 'crlf', bom: true })));
  files.set('roster-gb18030.csv', iconv.encode(crlf, 'gb18030'));
  files.set('roster-shuffled.csv', utf8(csvText(shuffled(rows, 'fixtures-1/shuffle'), { eol: 'lf' })));
  files.set('roster-en.csv', utf8(csvText(rows, { eol: 'lf', lang: 'en' })));

  // Hand-edited rosters start from the first households' CSV lines (LF, UTF-8, no BOM).
  const all = csvText(rows, { eol: 'lf' }).split('\n').slice(0, -1);
  const header = all[0]!;
  const body = all.slice(1);
  const row = (i: number): string => body[i]!;
  const cells = (i: number): string[] => row(i).split(',');
  const withCell = (i: number, col: number, value: string): string => {
    const c = cells(i);
    c[col] = value;
    return c.join(',');
  };
  const ID = 0;
  const COMMUNITY = 2;
  const SIZE = 11;

  // Line numbers below are file lines (the header is line 1); fixtures/README.md lists them.
  files.set(
    'bad/duplicate-ids.csv',
    utf8(
      lines(header, [
        row(0), // 2
        row(1), // 3
        row(2), // 4
        row(3), // 5
        row(4), // 6
        row(5), // 7
        withCell(6, ID, cells(1)[ID]!), // 8: same id as line 3
        row(7), // 9
        row(8), // 10
        withCell(9, ID, cells(3)[ID]!), // 11: same id as line 5
        row(10), // 12
      ]),
    ),
  );
  files.set(
    'bad/many-duplicates.csv',
    utf8(lines(header, [...body.slice(0, 30), ...body.slice(0, 30)])), // lines 32–61 repeat lines 2–31
  );
  files.set(
    'bad/empty-required.csv',
    utf8(
      lines(header, [
        row(0),
        row(1),
        withCell(2, ID, ''), // 4: no household id
        row(3),
        row(4),
        withCell(5, COMMUNITY, ''), // 7: no community
        row(6),
        row(7),
      ]),
    ),
  );
  files.set(
    'bad/ragged-row.csv',
    utf8(
      lines(header, [
        row(0),
        row(1),
        row(2),
        cells(3).slice(0, -1).join(','), // 5: 11 fields instead of 12
        row(4),
        row(5),
        row(6),
        `${row(7)},多余`, // 9: 13 fields
        row(8),
      ]),
    ),
  );
  files.set(
    'bad/unclosed-quote.csv',
    utf8(
      lines(header, [
        row(0),
        row(1),
        row(2),
        row(3),
        withCell(4, 9, `"${cells(4)[9]!}`), // 6: a quote opens in 户主姓名 and never closes
        row(5),
        row(6),
      ]),
    ),
  );
  files.set(
    'bad/non-numeric-size.csv',
    utf8(
      lines(header, [
        row(0),
        withCell(1, SIZE, '三'), // 3
        row(2),
        row(3),
        withCell(4, SIZE, '3人'), // 6
        row(5),
        row(6),
        withCell(7, SIZE, 'N/A'), // 9
        row(8),
      ]),
    ),
  );
  files.set(
    'bad/missing-column.csv',
    utf8(
      lines(
        header
          .split(',')
          .filter((_, i) => i !== COMMUNITY)
          .join(','),
        body.slice(0, 10).map((r) =>
          r
            .split(',')
            .filter((_, i) => i !== COMMUNITY)
            .join(','),
        ),
      ),
    ),
  );
  files.set('bad/empty.csv', new Uint8Array(0));
  files.set('bad/header-only.csv', utf8(`\uFEFF${header}\r\n`));
  // A PNG and an .xlsx (a zip) renamed to .csv: the start of each file is enough.
  files.set(
    'bad/binary-png.csv',
    Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00,
      0x00, 0x00, 0x10, 0x00, 0x00, 0x00, 0x10, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0xf3, 0xff, 0x61, 0x00,
      0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
    ]),
  );
  files.set(
    'bad/binary-xlsx.csv',
    Uint8Array.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x06,
      0x00,
      0x08,
      0x00,
      0x00,
      0x00,
      0x21,
      0x00,
      0x62,
      0xee,
      0x9d,
      0x68,
      0x5e,
      0x01,
      0x00,
      0x00,
      0x90,
      0x04,
      0x00,
      0x00,
      0x13,
      0x00,
      0x08,
      0x02,
      ...utf8('[Content_Types].xml'),
      0x00,
      0x00,
      0x00,
    ]),
  );

  // Valid rosters whose headers are written the ways people write them.
  const first20 = body.slice(0, 20);
  files.set(
    'headers/variants-zh.csv',
    utf8(
      lines(
        ' 户编号（必填）,街道 , 社区（居委会）,网格,小区,楼栋,单元,楼层,房号,户主姓名(选填),联系电话,常住人口（人）',
        first20,
      ),
    ),
  );
  files.set(
    'headers/variants-en.csv',
    utf8(
      lines(
        'Household_ID, Street,COMMUNITY,Grid,Estate,Building,Unit,Floor,Room,Head_Name,Phone ,Size',
        first20,
      ),
    ),
  );
  files.set(
    'headers/aliases-zh.csv',
    utf8(lines('户号,街道,社区,网格,小区,楼号,单元,楼层,门牌号,户主,电话,人口', first20)),
  );
  // Extra columns must be carried through untouched, quoting and all (one cell looks like a formula).
  const notes = ['', '"门口贴着""福""字,敲门即可"', '=1+2', '', '租户，晚上在家', '-', '@周末'];
  files.set(
    'headers/extra-columns.csv',
    utf8(
      lines(
        `${header},是否出租,备注`,
        first20.map((r, i) => `${r},${rows[i]!.rental ? '是' : '否'},${notes[i % notes.length]!}`),
      ),
    ),
  );
  // Rosters as offices keep them in Excel and as Excel exports them (scripts/office-fixtures.ts).
  for (const [rel, bytes] of buildOfficeFixtures(rows)) files.set(rel, bytes);
  return files;
}

/** Every fixture, the ones drawn by hhsurvey's sampler from the others included. */
export async function buildAllFixtures(): Promise<Map<string, Uint8Array>> {
  const files = buildFixtures();
  for (const [rel, bytes] of await buildDrawnOfficeFixtures([...generateRoster(FIXTURE_SPEC)]))
    files.set(rel, bytes);
  return files;
}

export async function writeFixtures(root: string): Promise<string[]> {
  const written: string[] = [];
  for (const [rel, bytes] of await buildAllFixtures()) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, bytes);
    written.push(rel);
  }
  return written;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  for (const rel of await writeFixtures(root)) console.log(`fixtures/${rel}`);
}
