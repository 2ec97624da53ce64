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
