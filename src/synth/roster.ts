import { roundLargestRemainder } from '../core/largest-remainder.js';
import xor4096 from 'seedrandom/lib/xor4096.js';
import { UserError, type Problem } from '../core/errors.js';
import type { Lang } from '../core/i18n.js';
import { num, t } from '../core/messages.js';
import { s } from './messages.js';
import { csvCell } from '../io/csv-write.js';

/**
 * Synthetic household rosters (户册) of a district: sub-districts (街道), communities of uneven
 * size, grids, estates, buildings, entrances, floors, rooms, generated head-of-household names and
 * phone numbers that cannot be real (11 digits starting with 100, a prefix no carrier uses).
 *
 * Everything is a function of the spec and the seed, drawn from one seedrandom xor4096 stream in a
 * fixed order, so the same command writes the same bytes on every platform. Households are yielded
 * one at a time: memory does not grow with the roster.
 */

/** The generator's random source, recorded wherever its output matters (demo data, fixtures). */
export const SYNTH_RNG = 'seedrandom 3.0.5 xor4096';

/** The typical sample per community: a community below it cannot give a full sample. */
export const TYPICAL_SAMPLE = 22;

/** The nine sub-districts of the demo district. */
export const DEFAULT_STREETS: readonly string[] = [
  '全福街道',
  '洪家楼街道',
  '山大路街道',
  '港沟街道',
  '唐冶街道',
  '彩石街道',
  '东风街道',
  '鲍山街道',
  '华山街道',
];

export const MAX_HOUSEHOLDS = 100_000_000;
export const MAX_COMMUNITIES = 100_000;

export interface RosterSpec {
  households: number;
  /** Communities in the district; default: about one per 330 households. */
  communities?: number;
  seed: string;
  /** Sub-district names, in file order; default DEFAULT_STREETS. */
  streets?: readonly string[];
  /** How many communities to make smaller than TYPICAL_SAMPLE (default 0). */
  small?: number;
}

export interface CommunityPlan {
  street: string;
  community: string;
  households: number;
}

export interface SynthHousehold {
  householdId: string;
  street: string;
  community: string;
  grid: string;
  estate: string;
  building: number;
  unit: number;
  floor: number;
  room: string;
  headName: string;
  /** Empty for the few households whose phone the roster lacks. */
  phone: string;
  size: number;
  rental: boolean;
}

/** Roster columns: English id (--lang en) and the Chinese header rosters carry. */
export const ROSTER_COLUMNS = [
  { id: 'household_id', zh: '户编号' },
  { id: 'street', zh: '街道' },
  { id: 'community', zh: '社区' },
  { id: 'grid', zh: '网格' },
  { id: 'estate', zh: '小区' },
  { id: 'building', zh: '楼栋' },
  { id: 'unit', zh: '单元' },
  { id: 'floor', zh: '楼层' },
  { id: 'room', zh: '房号' },
  { id: 'head_name', zh: '户主姓名' },
  { id: 'phone', zh: '联系电话' },
  { id: 'size', zh: '常住人口' },
] as const;

export const RENTAL_COLUMN = { id: 'rental', zh: '是否出租' } as const;

export function defaultCommunities(households: number): number {
  return Math.max(1, Math.min(MAX_COMMUNITIES, Math.round(households / 330)));
}

/** Every problem with a spec, not just the first. */
export function validateRosterSpec(spec: RosterSpec, lang: Lang = 'en'): Problem[] {
  const problems: Problem[] = [];
  const n = spec.households;
  const k = spec.communities ?? defaultCommunities(n);
  const m = spec.small ?? 0;
  if (!Number.isInteger(n) || n < 1 || n > MAX_HOUSEHOLDS)
    problems.push({
      field: '--households',
      message: t(lang, s.wholeFrom, { min: 1, max: num(MAX_HOUSEHOLDS), value: n }),
    });
  if (!Number.isInteger(k) || k < 1 || k > MAX_COMMUNITIES)
    problems.push({
      field: '--communities',
      message: t(lang, s.wholeFrom, { min: 1, max: num(MAX_COMMUNITIES), value: k }),
    });
  else if (Number.isInteger(n) && k > n)
    problems.push({
      field: '--communities',
      message: t(lang, s.tooFewHouseholds, { k, n }),
    });
  if (!Number.isInteger(m) || m < 0 || m > k)
    problems.push({
      field: '--small',
      message: t(lang, s.wholeFrom, { min: 0, max: t(lang, s.smallMax, { k }), value: m }),
    });
  else if (m > 0 && m === k && n > (TYPICAL_SAMPLE - 1) * k)
    problems.push({
      field: '--small',
      message: t(lang, s.allSmall, { k, typical: TYPICAL_SAMPLE, most: (TYPICAL_SAMPLE - 1) * k, n }),
    });
  else if (m > 0 && m < k && n < (TYPICAL_SAMPLE - 1) * m + TYPICAL_SAMPLE * (k - m))
    problems.push({
      field: '--small',
      message: t(lang, s.smallAndRegular, {
        small: m,
        regular: k - m,
        least: (TYPICAL_SAMPLE - 1) * m + TYPICAL_SAMPLE * (k - m),
        n,
      }),
    });
  const streets = spec.streets ?? DEFAULT_STREETS;
  if (streets.length === 0) problems.push({ field: '--streets', message: t(lang, s.noStreets) });
  const seen = new Set<string>();
  for (const name of streets) {
    if (name.trim() === '' || /[\r\n]/.test(name))
      problems.push({ field: '--streets', message: t(lang, s.badStreet, { name }) });
    else if (seen.has(name)) problems.push({ field: '--streets', message: t(lang, s.streetTwice, { name }) });
    seen.add(name);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Random source

class Draw {
  private readonly next: () => number;
  private spare: number | undefined;
  constructor(seed: string) {
    const prng = xor4096(seed);
    // 32-bit floats in [0, 1), one generator step each: plenty for choices among fewer than 10^8
    // options, and twice as fast as .double().
    this.next = prng;
  }
  unit(): number {
    return this.next();
  }
  /** A whole number in [0, n). */
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
  /** A whole number in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
  /** Standard normal (Box–Muller; V8's Math.log/cos are fdlibm ports, identical on every platform). */
  normal(): number {
    if (this.spare !== undefined) {
      const s = this.spare;
      this.spare = undefined;
      return s;
    }
    const u = 1 - this.next(); // (0, 1]
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
}

/** A weighted choice from integer weights, by cumulative table and binary search. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly items: readonly (readonly [T, number])[]) {
    let sum = 0;
    for (const [, w] of items) this.cumulative.push((sum += w));
    this.total = sum;
  }
  pick(draw: Draw): T {
    const x = draw.below(this.total);
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]![0];
  }
}

/**
 * Split `total` by weights into whole numbers that sum exactly to it (largest remainder;
 * ties go to the earlier index, so the result is a pure function of the inputs).
 */
export function splitByWeights(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return roundLargestRemainder(
    weights.map((w) => (sum > 0 ? (total * w) / sum : total / weights.length)),
    total,
  );
}

// ---------------------------------------------------------------------------------------------
// Names (all generated: common surnames and given-name characters, no real person)

// prettier-ignore
const SURNAMES = new Weighted<string>([
  ['王', 80], ['李', 76], ['张', 74], ['刘', 58], ['陈', 40], ['杨', 30], ['赵', 28], ['孙', 24],
  ['徐', 18], ['马', 18], ['高', 16], ['吴', 15], ['周', 15], ['朱', 14], ['胡', 12], ['郭', 12],
  ['于', 12], ['董', 11], ['宋', 10], ['韩', 10], ['田', 9], ['黄', 9], ['曹', 8], ['孟', 8],
  ['林', 7], ['何', 7], ['罗', 6], ['魏', 8], ['梁', 6], ['吕', 6], ['丁', 6], ['侯', 5],
  ['邢', 5], ['崔', 7], ['任', 6], ['姜', 6], ['袁', 5], ['杜', 5], ['付', 5], ['石', 5],
  ['程', 4], ['贾', 4], ['许', 6], ['郑', 5], ['谢', 4], ['冯', 5], ['邵', 3], ['薛', 3],
  ['牛', 3], ['颜', 2], ['秦', 3], ['范', 3], ['庞', 2], ['路', 2], ['鲁', 2], ['尹', 2],
  ['欧阳', 1], ['司马', 1], ['诸葛', 1], ['上官', 1],
]);

const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国文玉红志海波宁鹏辉斌宇浩凯健俊帆帅旭龙林欣怡佳子涵梓萱雨轩晨博思诗琪瑶然嘉宏春梅凤云莉玲燕萍金福德生庆东荣彬峰亮成立新秋慧颖晓婷雪琳倩岩鑫振广永长安泽瑞锦铭昊睿一诺可馨若彤悦晴淑珍喆堃玥昇珺',
];
/** Rare CJK Extension A characters seen in given names: four bytes in GB18030, beyond GBK. */
const RARE_GIVEN = ['㛃', '㶲', '䒟'];

function headName(draw: Draw): string {
  const surname = SURNAMES.pick(draw);
  const first = draw.chance(0.004) ? draw.pick(RARE_GIVEN) : draw.pick(GIVEN);
  return draw.chance(0.3) ? surname + first : surname + first + draw.pick(GIVEN);
}

// prettier-ignore
const SIZES = new Weighted<number>([
  [1, 25], [2, 30], [3, 21], [4, 12], [5, 7], [6, 3], [7, 1], [8, 1],
]);

// Communities: the first names of the default sub-districts, then generated ones.
const COMMUNITY_NAMES: Record<string, readonly string[]> = {
  全福街道: ['南全福', '利农', '北全福', '全福庄', '华信', '水屯', '七里河'],
  洪家楼街道: ['洪家楼南', '洪家楼北', '文化东路', '洪园', '东泉', '历山北'],
  山大路街道: ['山大路', '花园庄', '甸柳', '科苑', '燕山', '新世纪'],
  港沟街道: ['港沟', '芦南', '神武', '东山', '围子山', '邢村'],
  唐冶街道: ['唐冶', '冶河', '唐冶新区', '伟东', '绿城', '枣林'],
  彩石街道: ['彩石', '捎近', '虎门', '玉龙', '宅科', '西彩石'],
  东风街道: ['东风', '华龙', '唐府', '历东', '清河', '鲍家'],
  鲍山街道: ['鲍山', '盛福', '梁王', '东源', '鲍山花园', '郭店'],
  华山街道: ['华山', '卧牛山', '华阳', '龙湖', '华山北', '王舍人'],
};
const COMMUNITY_A = [...'东西南北新和祥福康乐安泰兴荣瑞丰盛嘉华明春文秀翠金玉'];
const COMMUNITY_B = ['苑', '园', '庄', '里', '居', '城', '府', '湾', '苑东', '园北', '花园', '新村', '家园'];

// prettier-ignore
const ESTATE_A = [
  '阳光', '幸福', '和谐', '锦绣', '翠苑', '金色', '泉城', '春晖', '紫薇', '丁香', '海棠', '祥泰',
  '鑫源', '盛世', '怡景', '东城', '书香', '锦屏', '明珠', '凤凰', '银丰', '绿景', '福瑞', '华润',
  '山水', '名士', '龙泉', '御景', '东苑', '清华',
];
const ESTATE_B = [
  '花园',
  '家园',
  '小区',
  '新村',
  '雅苑',
  '嘉园',
  '名苑',
  '华庭',
  '丽都',
  '公寓',
  '宿舍',
  '新城',
];

const CN_DIGITS = [...'零一二三四五六七八九'];
/** 2 → 二, 12 → 十二, 35 → 三十五 (up to 99; digits beyond). */
export function chineseNumber(n: number): string {
  if (n < 0 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? '' : CN_DIGITS[tens]!) + '十' + (ones === 0 ? '' : CN_DIGITS[ones]!);
}

/** A fresh name: a random candidate, or (when every try is taken) a numbered phase of one. */
function uniqueName(
  used: Map<string, number>,
  candidate: () => string,
  suffix: (n: number) => string,
): string {
  let base = '';
  for (let attempt = 0; attempt < 8; attempt++) {
    base = candidate();
    if (!used.has(base)) {
      used.set(base, 1);
      return base;
    }
  }
  for (;;) {
    const n = (used.get(base) ?? 1) + 1;
    used.set(base, n);
    const name = base + suffix(n);
    if (!used.has(name)) {
      used.set(name, 1);
      return name;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The district plan

interface Plan {
  draw: Draw;
  communities: CommunityPlan[];
}

function makePlan(spec: RosterSpec, lang: Lang = 'en'): Plan {
  const problems = validateRosterSpec(spec, lang);
  if (problems.length > 0)
    throw new UserError(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  const draw = new Draw(spec.seed);
  const n = spec.households;
  const k = spec.communities ?? defaultCommunities(n);
  const m = spec.small ?? 0;
  const streets = (spec.streets ?? DEFAULT_STREETS).slice(0, k);

  // Communities per sub-district: one each, the rest by random weights (districts are uneven);
  // the first sub-district keeps at least two when there are spare communities.
  const perStreet = splitByWeights(
    k - streets.length,
    streets.map(() => 0.5 + draw.unit()),
  ).map((c) => c + 1);
  if (perStreet[0] === 1 && k > streets.length) {
    let biggest = 0;
    perStreet.forEach((c, i) => {
      if (c >= perStreet[biggest]!) biggest = i;
    });
    perStreet[biggest]!--;
    perStreet[0] = 2;
  }

  const usedNames = new Map<string, number>();
  const names: { street: string; community: string }[] = [];
  streets.forEach((street, s) => {
    const known = COMMUNITY_NAMES[street] ?? [];
    for (let c = 0; c < perStreet[s]!; c++) {
      const fixed = known[c];
      let name: string;
      if (fixed !== undefined && !usedNames.has(fixed)) {
        name = fixed;
        usedNames.set(name, 1);
      } else {
        name = uniqueName(
          usedNames,
          () => {
            const a = draw.pick(COMMUNITY_A);
            const b = draw.pick(COMMUNITY_B);
            return b.startsWith(a) ? `${a}${b.slice(1)}` : `${a}${b}`;
          },
          (i) => `第${chineseNumber(i)}`,
        );
      }
      names.push({ street, community: `${name}社区` });
    }
  });

  // Sizes: `m` small communities (fewer than TYPICAL_SAMPLE households) at random positions, the
  // rest log-normal (σ = 0.6: the largest is several times the smallest) above a floor.
  const smallAt = new Set<number>();
  const order = names.map((_, i) => i);
  for (let i = 0; i < m; i++) {
    const j = i + draw.below(k - i);
    [order[i], order[j]] = [order[j]!, order[i]!];
    smallAt.add(order[i]!);
  }
  const sizes = names.map((_, i) => (smallAt.has(i) ? draw.between(5, TYPICAL_SAMPLE - 1) : 0));
  const regular = k - m;
  if (regular > 0) {
    const rest = n - sizes.reduce((a, b) => a + b, 0);
    const floor = Math.min(TYPICAL_SAMPLE, Math.floor(rest / regular));
    const weights = names.filter((_, i) => !smallAt.has(i)).map(() => Math.exp(0.6 * draw.normal()));
    const extra = splitByWeights(rest - floor * regular, weights);
    let r = 0;
    names.forEach((_, i) => {
      if (!smallAt.has(i)) sizes[i] = floor + extra[r++]!;
    });
  } else {
    // Every community small (k ≤ n ≤ 21k, checked above): as even as the total allows.
    splitByWeights(
      n,
      sizes.map(() => 1),
    ).forEach((size, i) => (sizes[i] = size));
  }
  return { draw, communities: names.map((c, i) => ({ ...c, households: sizes[i]! })) };
}

/** The communities and their sizes, as `generateRoster` will produce them. */
export function planRoster(spec: RosterSpec, lang: Lang = 'en'): CommunityPlan[] {
  return makePlan(spec, lang).communities;
}

// ---------------------------------------------------------------------------------------------
// Households

interface BuildingShape {
  floors: number;
  units: number;
  roomsPerFloor: number;
}

/** Estate types by era: old work-unit compounds (单位宿舍), 1990s walk-ups, 2000s mid-rise, high-rise. */
const ESTATE_KINDS = new Weighted<(d: Draw) => BuildingShape>([
  [(d) => ({ floors: d.between(3, 5), units: d.between(1, 2), roomsPerFloor: 2 }), 2],
  [(d) => ({ floors: d.between(5, 6), units: d.between(3, 6), roomsPerFloor: 2 }), 3],
  [(d) => ({ floors: d.between(7, 11), units: d.between(2, 4), roomsPerFloor: d.between(2, 3) }), 3],
  [(d) => ({ floors: d.between(17, 33), units: d.between(1, 3), roomsPerFloor: d.between(2, 4) }), 4],
]);

/** The roster, household by household, in roster order (sub-district, community, grid, address). */
export function* generateRoster(spec: RosterSpec): Generator<SynthHousehold> {
  const { draw, communities } = makePlan(spec);
  const usedEstates = new Map<string, number>();
  let seq = 0;
  // One generator for the whole roster (no per-community delegation: yield* costs per row).
  for (const plan of communities) {
    let produced = 0;
    let grid = 1;
    let gridName = '第1网格';
    let inGrid = 0;
    let gridTarget = draw.between(80, 220);
    while (produced < plan.households) {
      const estate = uniqueName(
        usedEstates,
        () => `${draw.pick(ESTATE_A)}${draw.pick(ESTATE_B)}`,
        (i) => `${chineseNumber(i)}期`,
      );
      const kind = ESTATE_KINDS.pick(draw);
      const occupancy = 0.78 + 0.17 * draw.unit();
      const buildings = draw.between(2, 16);
      estate: for (let building = 1; building <= buildings; building++) {
        if (inGrid >= gridTarget) {
          grid++;
          gridName = `第${grid}网格`;
          inGrid = 0;
          gridTarget = draw.between(80, 220);
        }
        const shape = kind(draw);
        for (let unit = 1; unit <= shape.units; unit++) {
          for (let floor = 1; floor <= shape.floors; floor++) {
            for (let r = 1; r <= shape.roomsPerFloor; r++) {
              if (!draw.chance(occupancy)) continue;
              const headNameValue = headName(draw);
              const phone = draw.chance(0.015)
                ? ''
                : `100${String(draw.below(100_000_000)).padStart(8, '0')}`;
              const size = SIZES.pick(draw);
              const rental = draw.chance(0.12);
              yield {
                householdId: `H${String(++seq).padStart(7, '0')}`,
                street: plan.street,
                community: plan.community,
                grid: gridName,
                estate,
                building,
                unit,
                floor,
                room: `${floor}${r < 10 ? '0' : ''}${r}`,
                headName: headNameValue,
                phone,
                size,
                rental,
              };
              inGrid++;
              if (++produced === plan.households) break estate;
            }
          }
        }
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// CSV text

export interface RosterCsvOptions {
  /** Header language: Chinese headers (default) or English ids. */
  lang?: 'zh' | 'en';
  /** Add the rental column (是否出租: 是/否). */
  rental?: boolean;
  bom?: boolean;
  eol?: 'crlf' | 'lf';
  /** Characters per chunk (about; a chunk always ends at a line end). */
  chunkSize?: number;
}

export function rosterHeader(lang: 'zh' | 'en' = 'zh', rental = false): string[] {
  const cols = rental ? [...ROSTER_COLUMNS, RENTAL_COLUMN] : [...ROSTER_COLUMNS];
  return cols.map((c) => ({ zh: c.zh, en: c.id })[lang]);
}

export function householdCells(h: SynthHousehold, rental = false): string[] {
  const cells = [
    h.householdId,
    h.street,
    h.community,
    h.grid,
    h.estate,
    String(h.building),
    String(h.unit),
    String(h.floor),
    h.room,
    h.headName,
    h.phone,
    String(h.size),
  ];
  if (rental) cells.push(h.rental ? '是' : '否');
  return cells;
}

/**
 * The roster as CSV text in chunks of whole lines (RFC 4180 quoting, formula cells neutralised),
 * so a caller can encode and write it without ever holding the whole file.
 *
 * Speed: the text cells that can come from the user (sub-district names) or repeat (community,
 * grid, estate) go through `csvCell` once per run of rows that share them; the rest are generated
 * from digits and CJK characters only, which never need quoting or neutralising (a test checks
 * every line against `csvLine`). Lines are appended to one string (a rope in V8, flattened once
 * when the chunk is written), about a third faster than joining an array of lines.
 */
export function* rosterCsvChunks(
  rows: Iterable<SynthHousehold>,
  opts: RosterCsvOptions = {},
): Generator<string> {
  const eol = opts.eol === 'lf' ? '\n' : '\r\n';
  const chunkSize = opts.chunkSize ?? 1 << 16;
  let street = '';
  let community = '';
  let grid = '';
  let estate = '';
  let prefix = '';
  const rental = opts.rental === true;
  let text =
    (opts.bom ? '\uFEFF' : '') +
    rosterHeader(opts.lang, rental)
      .map((c) => csvCell(c))
      .join(',') +
    eol;
  for (const h of rows) {
    if (h.estate !== estate || h.grid !== grid || h.community !== community || h.street !== street) {
      ({ street, community, grid, estate } = h);
      prefix = `,${csvCell(street)},${csvCell(community)},${csvCell(grid)},${csvCell(estate)},`;
    }
    text +=
      h.householdId +
      prefix +
      `${h.building},${h.unit},${h.floor},${h.room},${h.headName},${h.phone},${h.size}` +
      (rental ? (h.rental ? ',是' : ',否') : '') +
      eol;
    if (text.length >= chunkSize) {
      yield text;
      text = '';
    }
  }
  if (text.length > 0) yield text;
}
