/** Chinese or English: by --lang, else by the locale (LC_ALL, LC_MESSAGES, LANG), else English. */
export type Lang = 'zh' | 'en';

export interface Text {
  zh: string;
  en: string;
}

export function detectLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  if (flag === 'zh' || flag === 'en') return flag;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(locale) ? 'zh' : 'en';
}

/** Pick the language of a pair given inline: `say(lang, '知晓率', 'Awareness')`. */
export function say(lang: Lang, zh: string, en: string): string {
  return lang === 'zh' ? zh : en;
}
