import { t } from '../core/messages.js';
import { scopeLang } from '../io/run-scope.js';
import { sm, sx } from './messages.js';
import { parseYamlFile } from '../io/schema-file.js';
import type { PathProblem } from '../core/zod-text.js';
import { favourableConditions, registerStandard } from './logic.js';
import { resolveStandardPath } from './load.js';
import { readUtf8File } from '../io/inputs.js';
import {
  RESERVED_COLUMNS,
  indicatorSchema,
  questionSchema,
  standardSchema,
  type Condition,
  type Favourable,
  type Indicator,
  type Question,
  type Standard,
} from './schema.js';

type Path = readonly (string | number)[];
type Located = PathProblem;

/**
 * Parse and validate a standard (YAML or JSON: JSON is read by the YAML parser) and return it,
 * or throw a UserError listing every problem as `file:line: path: message`.
 */
export function parseStandard(source: string, file: string): Standard {
  const lang = scopeLang();
  const parsed = parseYamlFile(
    source,
    file,
    {
      schema: standardSchema,
      notYaml: (f) => t(lang, sm.notYaml, { file: f }),
      problems: (f, n) => t(lang, sm.problems, { file: f, n }),
      more: crossReferencesOf,
    },
    lang,
  );
  return registerStandard(toStandard(parsed));
}

/**
 * Cross-references, checked on every question and indicator that is itself valid, so one bad
 * entry does not hide the others (the schema's own problems are found by the schema).
 */
function crossReferencesOf(data: unknown): Located[] {
  const out: Located[] = [];
  const raw = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  const rawQuestions = Array.isArray(raw.questions) ? (raw.questions as unknown[]) : [];
  const rawIds = rawQuestions.map((q) =>
    typeof q === 'object' && q !== null && typeof (q as { id?: unknown }).id === 'string'
      ? (q as { id: string }).id
      : undefined,
  );
  const questions = rawQuestions.flatMap((q, index) => {
    const r = questionSchema.safeParse(q);
    return r.success ? [{ index, value: r.data }] : [];
  });
  const rawIndicators = Array.isArray(raw.indicators) ? (raw.indicators as unknown[]) : [];
  const indicators = rawIndicators.flatMap((x, index) => {
    const r = indicatorSchema.safeParse(x);
    return r.success ? [{ index, value: toIndicator(r.data) }] : [];
  });
  out.push(...crossReferenceProblems(rawIds, questions, indicators));
  // Duplicate indicator ids, also among indicators that are otherwise invalid.
  const seen = new Map<string, number>();
  rawIndicators.forEach((x, i) => {
    const id = typeof x === 'object' && x !== null ? (x as { id?: unknown }).id : undefined;
    if (typeof id !== 'string') return;
    const prev = seen.get(id);
    if (prev !== undefined)
      out.push({
        path: ['indicators', i, 'id'],
        message: t(scopeLang(), sx.duplicateIndicator, { id, at: `indicators[${prev}]` }),
      });
    else seen.set(id, i);
  });
  return out;
}

type Parsed = ReturnType<typeof standardSchema.parse>;

function toFavourable(f: Parsed['indicators'][number]['favourable']): Favourable {
  if (f.all_of) return { all_of: f.all_of };
  if (f.any_of) return { any_of: f.any_of };
  if (f.of) return { at_least: f.at_least ?? 1, of: f.of };
  return { question: f.question ?? '', in: f.in ?? [] };
}

function toIndicator(i: Parsed['indicators'][number]): Indicator {
  return {
    id: i.id,
    name: i.name,
    favourable: toFavourable(i.favourable),
    not_sure: i.not_sure,
    unanswered: i.unanswered ?? i.not_sure,
    skipped: i.skipped,
    threshold: i.threshold,
    ...(i.points !== undefined ? { points: i.points } : {}),
    ...(i.note !== undefined ? { note: i.note } : {}),
  };
}

function toStandard(p: Parsed): Standard {
  const indicators: Indicator[] = p.indicators.map(toIndicator);
  const s: Standard = {
    id: p.id,
    name: p.name,
    confidence: p.confidence,
    pass_rule: p.pass_rule,
    questions: p.questions.map((q) => ({ ...q })),
    indicators,
  };
  if (p.version !== undefined) s.version = p.version;
  if (p.note !== undefined) s.note = p.note;
  if (p.eligibility !== undefined) s.eligibility = p.eligibility;
  return s;
}

function normLabel(s: string): string {
  return s.trim().toLowerCase();
}

/** Ids that must exist, codes that must be options, ids that must be unique. */
function crossReferenceProblems(
  rawIds: (string | undefined)[],
  questions: { index: number; value: Question }[],
  indicators: { index: number; value: Indicator }[],
): Located[] {
  const out: Located[] = [];
  const byId = new Map<string, { q: Question; index: number }>();
  const firstRaw = new Map<string, number>();
  rawIds.forEach((id, i) => {
    if (id !== undefined && !firstRaw.has(id)) firstRaw.set(id, i);
  });
  for (const { index: i, value: q } of questions) {
    const at = ['questions', i];
    const prev = byId.get(q.id);
    if (prev)
      out.push({
        path: [...at, 'id'],
        message: t(scopeLang(), sx.duplicateQuestion, { id: q.id, at: `questions[${prev.index}]` }),
      });
    else byId.set(q.id, { q, index: i });
    if ((RESERVED_COLUMNS as readonly string[]).includes(q.id))
      out.push({
        path: [...at, 'id'],
        message: t(scopeLang(), sx.reservedId, { id: q.id }),
      });
    const codes = new Map<number, number>();
    const zh = new Map<string, number>();
    const en = new Map<string, number>();
    let notSure = -1;
    q.options.forEach((o, j) => {
      const oat = [...at, 'options', j];
      if (codes.has(o.code))
        out.push({
          path: [...oat, 'code'],
          message: t(scopeLang(), sx.duplicateCode, { code: o.code, at: `options[${codes.get(o.code)}]` }),
        });
      else codes.set(o.code, j);
      for (const [map, label, key] of [
        [zh, o.zh, 'zh'],
        [en, o.en, 'en'],
      ] as const) {
        const k = normLabel(label);
        if (map.has(k))
          out.push({
            path: [...oat, key],
            message: t(scopeLang(), sx.duplicateLabel, { label, at: `options[${map.get(k)}]` }),
          });
        else map.set(k, j);
        if (/^\d+$/.test(k) && Number(k) !== o.code)
          out.push({
            path: [...oat, key],
            message: t(scopeLang(), sx.numericLabel, { label }),
          });
      }
      if (o.not_sure) {
        if (notSure >= 0)
          out.push({
            path: [...oat, 'not_sure'],
            message: t(scopeLang(), sx.oneNotSure, { at: `options[${notSure}]` }),
          });
        else notSure = j;
      }
    });
    if (q.ask_if) {
      const target = byId.get(q.ask_if.question);
      const at0 = firstRaw.get(q.ask_if.question);
      if (q.ask_if.question === q.id)
        out.push({ path: [...at, 'ask_if', 'question'], message: t(scopeLang(), sx.selfDependent) });
      else if (at0 === undefined)
        out.push({
          path: [...at, 'ask_if', 'question'],
          message: t(scopeLang(), sx.unknownQuestion, { id: q.ask_if.question }),
        });
      else if (at0 > i)
        out.push({
          path: [...at, 'ask_if', 'question'],
          message: t(scopeLang(), sx.comesLater, { id: q.ask_if.question, at: `questions[${at0}]` }),
        });
      else if (target) out.push(...codeProblems(q.ask_if, target.q, [...at, 'ask_if']));
    }
  }

  for (const { index: i, value: ind } of indicators) {
    const at = ['indicators', i];
    const f = ind.favourable;
    const conds = favourableConditions(f);
    const condPath = (k: number): Path =>
      'all_of' in f
        ? [...at, 'favourable', 'all_of', k]
        : 'any_of' in f
          ? [...at, 'favourable', 'any_of', k]
          : 'of' in f
            ? [...at, 'favourable', 'of', k]
            : [...at, 'favourable'];
    const seen = new Set<string>();
    conds.forEach((c, k) => {
      const q = byId.get(c.question);
      if (!q) {
        if (!firstRaw.has(c.question))
          out.push({
            path: [...condPath(k), 'question'],
            message: t(scopeLang(), sx.unknownQuestion, { id: c.question }),
          });
        return;
      }
      if (seen.has(c.question))
        out.push({
          path: [...condPath(k), 'question'],
          message: t(scopeLang(), sx.usedTwice, { id: c.question }),
        });
      seen.add(c.question);
      out.push(...codeProblems(c, q.q, condPath(k)));
      const ns = q.q.options.find((o) => o.not_sure);
      if (ns && c.in.includes(ns.code))
        out.push({
          path: [...condPath(k), 'in'],
          message: t(scopeLang(), sx.notSureFavourable, { code: ns.code, label: ns.zh }),
        });
    });
    if ('of' in f && (f.at_least < 1 || f.at_least > f.of.length))
      out.push({
        path: [...at, 'favourable', 'at_least'],
        message: t(scopeLang(), sx.atLeastRange, { max: f.of.length, got: f.at_least }),
      });
  }
  return out;
}

function codeProblems(c: Condition, q: Question, at: Path): Located[] {
  const out: Located[] = [];
  const valid = q.options.map((o) => o.code);
  c.in.forEach((code, k) => {
    if (!valid.includes(code))
      out.push({
        path: [...at, 'in', k],
        message: t(scopeLang(), sx.notAnOption, { code, id: q.id, valid }),
      });
  });
  return out;
}

/** Read and validate a standard at once (the tests' way; commands use load.ts's loadStandard). */
export function loadStandardSync(file: string | undefined, cwd?: string): Standard {
  const { path, label } = resolveStandardPath(file, cwd);
  return parseStandard(readUtf8File(path, label), label);
}
