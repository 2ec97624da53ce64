/**
 * "Chinese only" and "English only": what the language tests look for in hhsurvey's output.
 *
 * With --lang zh an English sentence is a run of two or more Latin words that are not
 * identifiers, or one of the little words English sentences are built of ("wrote", "warning",
 * "not", "of": COMMON below) standing alone, as in "wrote 报告.csv". Identifiers are option names,
 * file names and paths, column and indicator ids, units, format names, AAPOR codes, single letters
 * (n, x/n, p, N) and the names of methods and people (Wilson, Holm, Monte Carlo) that Chinese text
 * also writes in Latin letters. With --lang en a Chinese sentence is Chinese text with sentence
 * punctuation or grammatical words; Chinese names (strata, files, people) are data and stay.
 */

/** Words that are symbols, not English, wherever they stand: formats, encodings, codes, methods. */
const SYMBOLS = new Set(
  (
    'hhsurvey zh en csv json md markdown html junit xlsx yaml yml txt tsv pdf utf8 gb18030 gbk bom crlf lf ' +
    'neyman wilson clopper pearson jeffreys wald agresti coull logit lower_bound ' +
    'pii sha256 xor4096 alea arc4 npm node rr1 rr2 coop1 ci aapor deff iqr'
  ).split(' '),
);

/**
 * Names written in Latin letters in Chinese text too: methods named after people, programs.
 * Matched as whole runs ("Monte Carlo"), case-insensitively.
 */
const NAMES = new Set(
  [
    'newcombe',
    'holm',
    'korn',
    'graubard',
    'monte carlo',
    'excel',
    'wps',
    'windows',
    'chrome',
    'chromium',
  ].map((n) => n.toLowerCase()),
);

/** Words English sentences are built of: one of them alone in Chinese text is English already. */
const COMMON = new Set(
  (
    'wrote written writing warning error errors file files not no and the of to in is are was were with ' +
    'for from on at by or use see missing invalid expected unknown cannot can must should'
  ).split(' '),
);

/** A token that is an identifier, not a word: options, paths, ids, numbers, placeholders. */
function isSymbol(token: string): boolean {
  const bare = token.replace(/^['"“‘(（[<]+|['"”’)）\]>.,:;!?，。：；！？]+$/g, '');
  if (bare === '') return true;
  if (/^-{1,2}[A-Za-z]/.test(bare)) return true; // --seed, -o
  if (/[0-9_/\\@=*<>[\]{}$#]/.test(bare)) return true; // ids, paths, numbers, placeholders
  if (/\.[A-Za-z0-9]{1,5}$/.test(bare) && !/\.$/.test(token)) return true; // file.csv
  if (/,\S/.test(bare)) return true; // phone,head_name
  if (/^[A-Z][A-Z0-9+-]*$/.test(bare)) return true; // RR1, CSV, UTF-8, AAPOR
  if (!/^[A-Za-z][A-Za-z'’-]*$/.test(bare)) return true; // not a Latin word
  if (bare.length === 1) return true; // n, x, p, t: variables
  return SYMBOLS.has(bare.toLowerCase());
}

/** A run of words that is English: two or more words, or one of COMMON; names are not. */
function isEnglish(run: string[]): boolean {
  const words = run.map((w) =>
    w.replace(/^['"“‘(（[<]+|['"”’)）\]>.,:;!?，。：；！？]+$/g, '').toLowerCase(),
  );
  if (NAMES.has(words.join(' '))) return false;
  if (words.length >= 2) return true;
  return words.length === 1 && COMMON.has(words[0]!);
}

/** English sentences in a text meant to be Chinese: the runs of Latin words isEnglish finds. */
export function englishRuns(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    // Chinese characters, full-width punctuation and quotes end a run: split the line there.
    for (const piece of line.split(/[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f“”‘’`|│─┌┐└┘├┤┬┴┼]+/u)) {
      const tokens = piece.split(/\s+/).filter((t) => t !== '');
      let run: string[] = [];
      const flush = () => {
        if (isEnglish(run)) out.push(run.join(' '));
        run = [];
      };
      let commandWords = 0;
      let afterOption = false;
      let depth = 0;
      tokens.forEach((token, i) => {
        if (/^[(（]?[+-]?[\d,.]+%?[)）,.:;]?$/.test(token)) return; // numbers are part of a sentence
        // Syntax as a template's comments write it: `favourable: { question, in }`, `of: [...]` are
        // keys and the names inside brackets are fields, not words.
        const opens = /^[{[]/.test(token);
        const inCode = depth > 0 || opens || (/:$/.test(token) && /^[{[]/.test(tokens[i + 1] ?? ''));
        depth = Math.max(0, depth + (opens ? 1 : 0) - (/[}\]],?$/.test(token) ? 1 : 0));
        // The words after `hhsurvey` name a command; the word after an option is its value.
        const symbol = isSymbol(token) || commandWords > 0 || afterOption || inCode;
        commandWords = token === 'hhsurvey' ? 2 : Math.max(0, commandWords - 1);
        afterOption = /^-{1,2}[A-Za-z][\w-]*$/.test(token);
        if (symbol) flush();
        else run.push(token);
        // A sentence ends at a full stop, colon or semicolon: "x. Y z" is not one run.
        if (/[.;:!?]$/.test(token)) flush();
      });
      flush();
    }
  }
  return out;
}

/** Chinese sentences in a text meant to be English: Chinese with punctuation or grammatical words. */
export function chineseSentences(text: string): string[] {
  const out: string[] = [];
  const CHINESE =
    /[\uff00-\uffef\u3000-\u303f]?[\u3400-\u9fff][\u3400-\u9fff\uff00-\uffef\u3000-\u303f\w ]*/gu;
  for (const line of text.split('\n'))
    for (const [run] of line.matchAll(CHINESE))
      if (/[，。；：！？（）、]|的|了|请|不|没有|无法|不是|已经|应为|共有/u.test(run)) out.push(run.trim());
  return out;
}
