import { defineMessages, num } from '../core/messages.js';

/** The words of `hhsurvey plan`'s two answers: a sample size for a margin, and for a pass. */
export const pm = defineMessages('planning.render', {
  precisionHead: {
    zh: (p: { margin: string; confidence: string; expected: string }) =>
      `估计比率误差不超过 ±${p.margin}（置信度 ${p.confidence}，预期比率 ${p.expected}）所需样本量`,
    en: (p: { margin: string; confidence: string; expected: string }) =>
      `Sample size to estimate a rate within ±${p.margin} at ${p.confidence} confidence (expected rate ${p.expected})`,
  },
  n0: {
    zh: (p: { n0: string; z: string }) => `${p.n0}  （z = ${p.z}）`,
    en: (p: { n0: string; z: string }) => `${p.n0}   (z = ${p.z})`,
  },
  fpc: {
    zh: (p: { n: number }) => `有限总体校正（N = ${num(p.n)}）`,
    en: (p: { n: number }) => `finite population (N = ${num(p.n)})`,
  },
  deff: {
    zh: (p: { deff: number }) => `× 设计效应 ${p.deff}`,
    en: (p: { deff: number }) => `× design effect ${p.deff}`,
  },
  responseRate: {
    zh: (p: { rate: string }) => `÷ 应答率 ${p.rate}`,
    en: (p: { rate: string }) => `÷ response rate ${p.rate}`,
  },
  draw: { zh: '应抽户数（最后一步向上取整）', en: 'households to draw (rounded up once)' },
  completes: { zh: '预计完成访问', en: 'expected completes' },
  exceeds: {
    zh: (p: { n: number }) =>
      `注意：所需户数超过总体 ${num(p.n)} 户，只能全部访问；误差目标无法按此设计达到。`,
    en: (p: { n: number }) =>
      `Note: more households than the population of ${num(p.n)} would be needed: interview them all; the margin cannot be met as designed.`,
  },
  passHead: {
    zh: (p: { population: number; expected: string; favourable: number; rule: string; power: string }) =>
      `社区 ${num(p.population)} 户，预期真实率 ${p.expected}（${num(p.favourable)} 户），判定规则 ${p.rule}，目标通过概率 ≥ ${p.power}`,
    en: (p: { population: number; expected: string; favourable: number; rule: string; power: string }) =>
      `Community of ${num(p.population)} household${p.population === 1 ? '' : 's'}, expected true rate ${p.expected} (${num(p.favourable)} household${p.favourable === 1 ? '' : 's'}), rule ${p.rule}, target P(pass) ≥ ${p.power}`,
  },
  passSize: {
    zh: (p: { n: number; p: string }) =>
      `应抽户数：${num(p.n)}（通过概率 ${p.p}；从此以上每个样本量都达到目标）`,
    en: (p: { n: number; p: string }) =>
      `Households to draw: ${num(p.n)} (P(pass) = ${p.p}; every larger size also reaches the target)`,
  },
  censusOnly: {
    zh: '注意：只有全部入户（普查）才能稳定达到目标：预期真实率离阈值太近，任何更小的样本量都会有低于目标的时候。',
    en: 'Note: only a census keeps the target: the expected rate is too close to the threshold for any smaller sample.',
  },
  sawTooth: {
    zh: (p: { n: number; p: string; needed: number }) =>
      `注意：样本量 ${num(p.n)} 时通过概率已达 ${p.p}（需 ${p.needed}/${p.n}），但所需户数按整户跳变，通过概率随样本量呈锯齿状，更大的样本量会再次低于目标；小样本对未达标社区同样宽松（见下表）。`,
    en: (p: { n: number; p: string; needed: number }) =>
      `Note: a sample of ${num(p.n)} already reaches ${p.p} (${num(p.needed)} of ${num(p.n)} needed), but the needed count steps by whole households, so the probability saw-tooths and some larger sizes fall below the target again; small samples are just as lenient with communities below the standard (see the table).`,
  },
  noSize: {
    zh: (p: { scanned: number }) => `在 ${num(p.scanned)} 户以内，没有一个样本量能让通过概率始终不低于目标。`,
    en: (p: { scanned: number }) => `No size up to ${num(p.scanned)} keeps P(pass) at or above the target.`,
  },
  belowThreshold: {
    zh: '预期真实率低于阈值：样本越大，通过的可能越小。',
    en: ' The expected rate is below the threshold: the larger the sample, the less likely a pass.',
  },
  scanned: {
    zh: (p: { scanned: number }) => `（只计算了 1–${num(p.scanned)} 户）`,
    en: (p: { scanned: number }) => `(sizes 1–${num(p.scanned)} examined)`,
  },
  bySize: {
    zh: (p: { rate: string }) => `通过概率与样本量（真实率 ${p.rate}）：`,
    en: (p: { rate: string }) => `P(pass) by sample size (true rate ${p.rate}):`,
  },
  headN: { zh: '样本量', en: 'n' },
  headNeeded: { zh: '需肯定回答', en: 'needed' },
  headPass: { zh: '通过概率', en: 'P(pass)' },
  atTarget: { zh: '≥ 目标', en: '≥ target' },
  byRate: {
    zh: '通过概率与真实率（行）和样本量（列）：阈值以下的通过即“误放”，以上的不通过即“误判”',
    en: 'P(pass) by true rate (rows) and sample size (columns): below the threshold a pass is a false pass; above it a fail is a false fail',
  },
  headTrueRate: { zh: '真实率', en: 'true rate' },
  byRateKey: {
    zh: '< 低于阈值；* 预期真实率。精确超几何概率，假设全部样本户完成访问。',
    en: '< below the threshold; * the expected rate. Exact hypergeometric probabilities, every drawn household completing.',
  },
});
