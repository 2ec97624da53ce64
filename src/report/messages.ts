import { defineMessages } from '../core/messages.js';

/** Words of the report layouts (HTML, Markdown, CSV headers and values, titles). */
export const m = defineMessages('report', {
  defaultTitle: {
    zh: (p: { standard: string }) => `${p.standard}：模拟测评结果`,
    en: (p: { standard: string }) => `${p.standard}: mock assessment result`,
  },
  standard: { zh: '测评体系', en: 'Standard' },
  generated: { zh: '生成时间', en: 'Generated' },
  indicators: { zh: '各指标', en: 'Indicators' },
  communities: { zh: '各社区', en: 'Communities' },
  rollups: { zh: '汇总', en: 'Roll-ups' },
  level: { zh: '层级', en: 'Level' },
  chartAria: {
    zh: (p: { name: string }) => `${p.name}：各社区比率及置信区间`,
    en: (p: { name: string }) => `${p.name}: rate and interval per community`,
  },
  chartKey: {
    zh: '圆点：比率；横线：置信区间；红色虚线：标准',
    en: 'dot: rate; bar: confidence interval; red dashed line: threshold',
  },
  failingCount: {
    zh: (p: { n: number }) => `${p.n} 个社区未达标`,
    en: (p: { n: number }) => `${p.n} communit${p.n === 1 ? 'y fails' : 'ies fail'}`,
  },
  notes: {
    zh: '社区比率为有效受访者中的肯定比例；汇总为按总户数加权的分层估计 Σ(N_h/N)p_h，方差含有限总体校正；置信区间包含标准值时，样本量不足以区分达标与否。',
    en: 'A community rate is the favourable share of its eligible respondents; roll-ups are stratified estimates Σ(N_h/N)p_h weighted by households, with finite population corrections. When an interval contains the threshold, the sample cannot tell pass from fail.',
  },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  levelStratum: { zh: '社区', en: 'stratum' },
  levelStreet: { zh: '街道', en: 'street' },
  levelOverall: { zh: '总体', en: 'overall' },
  noStreet: { zh: '（未分街道）', en: '(no sub-district)' },
  thresholds: { zh: '标准', en: 'Thresholds' },
  /** A JUnit failure: the value judged (the rate, or its lower bound) against the threshold. */
  belowThreshold: {
    zh: (p: { value: string; threshold: string }) => `${p.value} 未达到标准 ${p.threshold}`,
    en: (p: { value: string; threshold: string }) => `${p.value} is below the threshold ${p.threshold}`,
  },
  points: { zh: (p: { n: number }) => `${p.n} 分`, en: (p: { n: number }) => `${p.n} pts` },
  /** Markdown's key to its marks. */
  mdKey: {
    zh: '图例（社区）：✅ 有把握；⚠️ 有风险；❌ 现在未达标。图例（汇总）：✅ 达标；❌ 未达标；⚠️ 置信区间包含标准值，样本量不足以区分达标与否。括号内为置信区间。',
    en: 'Key (communities): ✅ on track; ⚠️ at risk; ❌ fails now. Key (roll-ups): ✅ pass; ❌ fail; ⚠️ the interval contains the threshold: the sample cannot tell pass from fail. Intervals in brackets.',
  },
  /** One failing or at-risk result in Markdown's verdict list. */
  watchItem: {
    zh: (p: {
      stratum: string;
      name: string;
      rate: string;
      counts: string;
      ci: string;
      threshold: string;
      risk: string;
    }) => `${p.stratum}：${p.name} ${p.rate}（${p.counts}，${p.ci}），标准 ${p.threshold}，${p.risk}`,
    en: (p: {
      stratum: string;
      name: string;
      rate: string;
      counts: string;
      ci: string;
      threshold: string;
      risk: string;
    }) => `${p.stratum}: ${p.name} ${p.rate} (${p.counts}, ${p.ci}), threshold ${p.threshold}, ${p.risk}`,
  },
});
