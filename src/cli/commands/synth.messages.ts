import { defineMessages, num } from '../../core/messages.js';

const s = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const h = defineMessages('cli.synth', {
  after: {
    zh: `
示例：
  hhsurvey synth roster --households 20000 --communities 60 --seed demo -o roster.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench -o big.csv
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv`,
    en: `
Examples:
  hhsurvey synth roster --households 20000 --communities 60 --seed demo -o roster.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench -o big.csv
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv`,
  },

  rosterSummary: {
    zh: '生成一个城区的合成户册',
    en: 'write a synthetic household roster (户册) of a district',
  },
  rosterDescription: {
    zh: (p: { rng: string }) =>
      `生成一个城区的合成户册：街道、大小不一的社区、网格、小区、楼栋、单元、楼层、房号，生成的户主姓名，` +
      `以及不可能是真实号码的电话（以 100 开头的 11 位数字）。流式写出：一百万户只需几秒、占用很少内存。` +
      `结果确定：同样的选项和种子在任何平台上都得到相同的字节（随机源：${p.rng}）。`,
    en: (p: { rng: string }) =>
      'Write a synthetic household roster (户册) of a district: sub-districts (街道), communities (社区) of ' +
      'uneven size, grids, estates, buildings, entrances, floors, rooms, generated head-of-household names ' +
      'and phone numbers that cannot be real (11 digits starting with 100). Streamed: a million households ' +
      `take seconds and little memory. Deterministic: the same options and seed give the same bytes on every ` +
      `platform (random source: ${p.rng}).`,
  },
  households: { zh: '户数', en: 'number of households' },
  communities: {
    zh: '社区数，规模呈对数正态分布（默认：每 330 户一个）',
    en: 'number of communities (社区), sizes log-normal (default: one per 330 households)',
  },
  seed: { zh: '随机源的种子', en: 'seed of the random source' },
  output: {
    zh: '写入文件（原子写入），而不是标准输出',
    en: 'write to a file (atomically) instead of stdout',
  },
  streets: {
    zh: '街道名，按文件中的顺序、以逗号分隔，原样使用（默认：演示城区的九个街道）；社区比街道少时只有前面的街道有社区',
    en:
      'sub-districts (街道) in file order, comma-separated, used as given (default: the nine of the demo ' +
      'district); with fewer communities than sub-districts only the first ones get one',
  },
  small: {
    zh: (p: { typical: number }) => `让 m 个社区少于 ${p.typical} 户`,
    en: (p: { typical: number }) => `make m communities smaller than ${p.typical} households`,
  },
  rental: { zh: '增加“是否出租”列（是/否）', en: 'add a rental flag column 是否出租 / rental (是/否)' },
  rosterBom: {
    zh: '以 UTF-8 字节顺序标记开头，与 Excel 另存的一样',
    en: 'start with a UTF-8 byte-order mark, as Excel writes it',
  },
  encoding: { zh: '输出编码', en: 'output encoding' },
  eol: { zh: '换行符', en: 'line ends' },
  rosterAfter: {
    zh: `
表头为中文（户编号、街道、社区、网格、小区、楼栋、单元、楼层、房号、户主姓名、联系电话、常住人口），
--lang en 时为英文标识：household_id,street,community,grid,estate,building,unit,floor,room,
head_name,phone,size。

示例：
  hhsurvey synth roster --households 300 --communities 3 --seed 1
  hhsurvey synth roster --households 20000 --communities 60 --small 3 --seed demo --bom -o roster.csv
  hhsurvey synth roster --households 5000 --seed x --streets 全福街道,洪家楼街道 --encoding gb18030 -o gbk.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench --lang en -o big.csv`,
    en: `
Headers are Chinese (户编号, 街道, 社区, 网格, 小区, 楼栋, 单元, 楼层, 房号, 户主姓名, 联系电话, 常住人口)
unless --lang en gives the English ids (household_id, street, community, grid, estate, building, unit,
floor, room, head_name, phone, size).

Examples:
  hhsurvey synth roster --households 300 --communities 3 --seed 1
  hhsurvey synth roster --households 20000 --communities 60 --small 3 --seed demo --bom -o roster.csv
  hhsurvey synth roster --households 5000 --seed x --streets 全福街道,洪家楼街道 --encoding gb18030 -o gbk.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench --lang en -o big.csv`,
  },
  bomUtf8Only: {
    zh: '--bom：字节顺序标记只用于 UTF-8（GB18030 文件没有）',
    en: '--bom: a byte-order mark is written for UTF-8 only (GB18030 files carry none)',
  },
  rosterProgress: { zh: '生成户册', en: 'synth roster' },
  rosterWrote: {
    zh: (p: {
      households: string;
      communities: number;
      streets: number;
      where: string;
      seed: string;
      rng: string;
      small: number;
      typical: number;
    }) =>
      `已生成 ${p.households} 户，${p.communities} 个社区（${p.streets} 个街道）→ ${p.where}；种子“${p.seed}”，${p.rng}` +
      (p.small > 0 ? `；${p.small} 个社区少于 ${p.typical} 户` : ''),
    en: (p: {
      households: string;
      communities: number;
      streets: number;
      where: string;
      seed: string;
      rng: string;
      small: number;
      typical: number;
    }) =>
      `wrote ${p.households} ${p.households === '1' ? 'household' : 'households'} in ${p.communities} ${s(p.communities, 'community', 'communities')} (${p.streets} ${s(p.streets, 'sub-district', 'sub-districts')}) to ${p.where}; ` +
      `seed "${p.seed}", ${p.rng}` +
      (p.small > 0
        ? `; ${p.small} ${s(p.small, 'community has', 'communities have')} fewer than ${p.typical} households`
        : ''),
  },

  responsesSummary: {
    zh: '为已抽取的样本生成合成的入户结果（访问结果和回答）',
    en: 'write synthetic fieldwork (dispositions and answers) for a drawn sample',
  },
  responsesDescription: {
    zh: (p: { algorithm: string }) =>
      '为样本名单生成合成的入户结果，格式与 hhsurvey interview 写出的访问记录相同：每户走访住户一个访问结果' +
      '（完成，或符合实际的无人在家、拒访、空置等组合），住户未完成时按顺序使用备用户，回答遵循测评体系的' +
      `题目和跳答规则、按给定的真实比率生成。结果确定：同样的样本、选项和种子得到同样的文件（${p.algorithm}；` +
      '设置了 SOURCE_DATE_EPOCH 时 recorded_at 取自它）。',
    en: (p: { algorithm: string }) =>
      'Write synthetic fieldwork for a sample list, in the responses format `hhsurvey interview` writes: ' +
      'a disposition for every household visited (complete, or a realistic mix of nobody home, refused, ' +
      'vacant...), reserves used in rank order when a household does not complete, and answers that follow ' +
      "the standard's questions and skip rules with the true rates you give. Deterministic: the same " +
      `sample, options and seed give the same file (${p.algorithm}; recorded_at from ` +
      'SOURCE_DATE_EPOCH when set).',
  },
  sample: { zh: '样本名单（hhsurvey sample 的输出）', en: 'the sample list (from hhsurvey sample)' },
  rate: {
    zh: '某指标在每个抽样层的真实比率，如 awareness=0.93（可重复）；只给比率时用于所有指标',
    en: 'true rate of an indicator in every stratum, e.g. awareness=0.93 (repeatable); a bare rate sets every indicator',
  },
  rates: {
    zh: '各层的真实比率：stratum,indicator,rate 三列的 CSV（优先于 --rate）',
    en: 'true rates per stratum: a CSV of stratum, indicator, rate (overrides --rate)',
  },
  responseRate: {
    zh: '走访的住户完成访问的概率',
    en: 'probability that a visited household completes the interview',
  },
  notSure: {
    zh: '每题回答“不清楚”的占比',
    en: 'share of answers that are "not sure", per question',
  },
  maxVisits: {
    zh: '无人在家的住户的访问次数（同 interview --max-visits）',
    en: 'visits to a household where nobody is home (as interview --max-visits)',
  },
  standard: {
    zh: '测评体系文件（YAML 或 JSON）；默认：内置的 national-mock',
    en: 'a standard file (YAML or JSON); default: the built-in national-mock',
  },
  responsesBom: {
    zh: '以 UTF-8 字节顺序标记（BOM）开头，供 Excel 打开（--lang zh 时默认如此）',
    en: 'start with a UTF-8 byte-order mark (default with --lang zh, for Excel)',
  },
  responsesNoBom: {
    zh: '不写字节顺序标记，--lang zh 时也不写',
    en: 'no byte-order mark, even with --lang zh',
  },
  responsesAfter: {
    zh: `
模型：每户走访的住户按应答率完成访问；其余住户得到一个未应答结果（无人在家 45%、拒访 25%、空置 8%、
无法应答 5%、中途拒绝 4%、部分完成 4%、地址未找到 3%、语言障碍 2%、非住宅 2%、无合格受访者 2%：
这是一个假定）。每位受访者对某指标给出肯定回答的概率为其真实比率；not_sure: exclude 时，比率是在
有明确意见者中的比率。访问从时钟当天北京时间 09:00 开始。

示例：
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rate awareness=0.93 --rate participation=0.85 --rate 0.9 \\
      --response-rate 0.75 --not-sure 0.03 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rates rates.csv --rate 0.9 --max-visits 3 --seed r2 -o responses.csv`,
    en: `
Model: each visited household completes with the response rate; the others get a non-response
disposition (nobody home 45%, refused 25%, vacant 8%, unable 5%, break-off 4%, partial 4%,
address not found 3%, language 2%, not a dwelling 2%, no eligible respondent 2%: an assumption).
Each respondent is favourable for an indicator with its true rate; with not_sure: exclude the rate
is among those with an opinion. Visits start at 09:00 China time on the day of the clock.

Examples:
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rate awareness=0.93 --rate participation=0.85 --rate 0.9 \\
      --response-rate 0.75 --not-sure 0.03 --seed r1 -o responses.csv
  hhsurvey synth responses sample.csv --rates rates.csv --rate 0.9 --max-visits 3 --seed r2 -o responses.csv`,
  },
  problems: {
    zh: (p: { n: number }) => `合成访问记录的选项有 ${num(p.n)} 个问题`,
    en: (p: { n: number }) => `${num(p.n)} ${s(p.n, 'problem', 'problems')} with the synthetic responses`,
  },
  responsesWrote: {
    zh: (p: {
      rows: number;
      where: string;
      strata: number;
      visited: number;
      completes: number;
      target: number;
      used: number;
      short: number;
    }) =>
      `已写入 ${num(p.rows)} 条访问记录 → ${p.where}：${p.strata} 个抽样层，走访 ${num(p.visited)} 户，完成 ${num(p.completes)}/${num(p.target)} 户，使用备用样本 ${num(p.used)} 户` +
      (p.short > 0 ? `；${p.short} 个抽样层备用样本用尽仍未达到样本量` : ''),
    en: (p: {
      rows: number;
      where: string;
      strata: number;
      visited: number;
      completes: number;
      target: number;
      used: number;
      short: number;
    }) =>
      `wrote ${num(p.rows)} ${s(p.rows, 'visit', 'visits')} to ${p.where}: ${p.strata} ${s(p.strata, 'stratum', 'strata')}, ${num(p.visited)} ${s(p.visited, 'household', 'households')} visited, ${num(p.completes)} of ${num(p.target)} completes, ${num(p.used)} ${s(p.used, 'reserve', 'reserves')} used` +
      (p.short > 0
        ? `; ${p.short} ${s(p.short, 'stratum', 'strata')} ran out of reserves short of ${s(p.short, 'its', 'their')} target`
        : ''),
  },
  relaxed: {
    zh: (p: { n: number }) =>
      `注意：${num(p.n)} 名受访者的部分指标结果在本标准下互相矛盾，这些指标按自由作答生成`,
    en: (p: { n: number }) =>
      `note: for ${num(p.n)} ${s(p.n, 'respondent', 'respondents')} some indicators' outcomes contradict each other under this standard; those were answered freely`,
  },
});
