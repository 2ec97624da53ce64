import { defineMessages } from '../core/messages.js';

/** Problems with true rates (`--rate`, `--rates` files, drill files). */
export const m = defineMessages('rates', {
  invalidRates: { zh: 'simulate：真实比率有误', en: 'simulate: invalid true rates' },
  drillSyntheticProblems: {
    zh: (p: { file: string; n: number }) => `${p.file}：synthetic 部分有 ${p.n} 处问题`,
    en: (p: { file: string; n: number }) =>
      `${p.file}: ${p.n} problem${p.n === 1 ? '' : 's'} with the synthetic section`,
  },
  flagNeedsIndicator: {
    zh: (p: { value: string }) => `"${p.value}"：应写作 <指标>=<比率>，如 awareness=0.93`,
    en: (p: { value: string }) => `"${p.value}": give it as <indicator>=<rate>, e.g. awareness=0.93`,
  },
  flagBadRate: {
    zh: (p: { value: string }) => `"${p.value}"：比率须在 0 到 1 之间（0.93 或 93%），如 awareness=0.93`,
    en: (p: { value: string }) =>
      `"${p.value}": the rate must be between 0 and 1 (0.93 or 93%), e.g. awareness=0.93`,
  },
  flagTwice: {
    zh: (p: { id: string }) => `${p.id} 的比率给了两次`,
    en: (p: { id: string }) => `the rate of ${p.id} is given twice`,
  },
  missingColumns: {
    zh: (p: { missing: string; header: string }) =>
      `比率文件须有 社区/stratum、指标/indicator、比率/rate 三列（缺少 ${p.missing}；表头：${p.header}）`,
    en: (p: { missing: string; header: string }) =>
      `a rates file needs the columns stratum, indicator, rate (missing: ${p.missing}; header: ${p.header})`,
  },
  empty: { zh: '为空', en: 'empty' },
  badRate: {
    zh: (p: { value: string }) => `须为 0 到 1 之间的比率（0.93 或 93%），实为 "${p.value}"`,
    en: (p: { value: string }) => `must be a rate between 0 and 1 (0.93 or 93%), got "${p.value}"`,
  },
  givenTwice: {
    zh: (p: { stratum: string; indicator: string; line: number }) =>
      `${p.stratum} / ${p.indicator} 重复（第 ${p.line} 行已给出）`,
    en: (p: { stratum: string; indicator: string; line: number }) =>
      `${p.stratum} / ${p.indicator} given twice (also line ${p.line})`,
  },
  unknownIndicator: {
    zh: (p: { id: string; list: readonly string[] }) =>
      `没有指标 "${p.id}"（测评标准的指标：${p.list.join('、')}）`,
    en: (p: { id: string; list: readonly string[] }) =>
      `unknown indicator "${p.id}" (the standard has ${p.list.join(', ')})`,
  },
  strataNotInSample: {
    zh: (p: { name: string }) => `警告：样本中没有抽样层 "${p.name}"，其比率不使用`,
    en: (p: { name: string }) => `warning: stratum "${p.name}" is not in the sample; its rate is not used`,
  },
  ambiguousStratum: {
    zh: (p: { name: string; strata: readonly string[] }) =>
      `"${p.name}" 可指多个抽样层（${p.strata.join('、')}）：请连同街道写出，如 ${p.strata[0]}`,
    en: (p: { name: string; strata: readonly string[] }) =>
      `"${p.name}" could be any of ${p.strata.join(', ')}: write it with its sub-district, e.g. ${p.strata[0]}`,
  },
  noRate: {
    zh: (p: { ids: readonly string[] }) =>
      `${p.ids.join('、')} 没有真实比率：用 --rate <指标>=<比率>（或 --rate <比率> 给所有指标）给出，或在 --rates 中列出每个抽样层`,
    en: (p: { ids: readonly string[] }) =>
      `no true rate for ${p.ids.join(', ')}: give --rate <indicator>=<rate> (or --rate <rate> for every indicator), or list every stratum in --rates`,
  },
  noRateIn: {
    zh: (p: { id: string; count: number; strata: readonly string[] }) =>
      `${p.id} 在 ${p.count} 个抽样层没有真实比率（${p.strata.join('、')}${p.count > p.strata.length ? '等' : ''}）：加 --rate ${p.id}=<比率> 或在 --rates 中补行`,
    en: (p: { id: string; count: number; strata: readonly string[] }) =>
      `no true rate for ${p.id} in ${p.count} strat${p.count === 1 ? 'um' : 'a'} (${p.strata.join(', ')}${p.count > p.strata.length ? ', ...' : ''}): add --rate ${p.id}=<rate> or rows to --rates`,
  },
  noRates: {
    zh: (p: { list: readonly string[] }) =>
      `请用 --rate <指标>=<比率>、--rate <比率> 或 --rates 文件给出真实比率（指标：${p.list.join('、')}）`,
    en: (p: { list: readonly string[] }) =>
      `give true rates with --rate <indicator>=<rate>, --rate <rate> or a --rates file (indicators: ${p.list.join(', ')})`,
  },
});
