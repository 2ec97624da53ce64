/**
 * Docs that run: every `$ hhsurvey ...` line in a ```console block of the README is executed, in
 * order, in one scratch folder where `data/` is the repository's data. A line may end with
 * `# exit N` when it is meant to fail. The lines below an example, up to the next `$` line or the
 * end of the block, are what it prints (`……` leaves lines out).
 */
interface Example {
  line: number;
  args: string[];
  exit: number;
  /** The output the README shows for it, without blank and `……` lines (empty when none is shown). */
  shown: string[];
}

export function readmeExamples(text: string): Example[] {
  const out: Example[] = [];
  let inConsole = false;
  let current: Example | undefined;
  text.split('\n').forEach((raw, i) => {
    if (/^```console\s*$/.test(raw)) inConsole = true;
    else if (/^```/.test(raw)) {
      inConsole = false;
      current = undefined;
    } else if (inConsole && raw.startsWith('$ hhsurvey ')) {
      const m = /\s+#\s*exit\s+(\d+)\s*$/.exec(raw);
      const cmd = (m ? raw.slice(0, m.index) : raw).slice('$ hhsurvey '.length);
      current = { line: i + 1, args: cmd.trim().split(/\s+/), exit: m ? Number(m[1]) : 0, shown: [] };
      out.push(current);
    } else if (current && raw.trim() !== '' && !/^\s*(……|\.\.\.)\s*$/.test(raw))
      current.shown.push(raw.trimEnd());
  });
  return out;
}

/**
 * The first of `wanted` that is missing from `lines` in order: each wanted line must come after the
 * one before it. A string matches a line that contains it (`whole`: a line that is it), trailing
 * spaces ignored; a RegExp a line it matches. Undefined when all are there.
 */
export function firstMissing(
  lines: readonly string[],
  wanted: readonly (string | RegExp)[],
  whole = false,
): string | undefined {
  const matches = (l: string, w: string | RegExp) =>
    typeof w !== 'string' ? w.test(l) : whole ? l.trimEnd() === w : l.trimEnd().includes(w);
  let at = 0;
  for (const w of wanted) {
    const found = lines.findIndex((l, i) => i >= at && matches(l, w));
    if (found < 0) return String(w);
    at = found + 1;
  }
  return undefined;
}

/** The language an example is written in: its --lang, else English (the tests run with LANG=en_US.UTF-8). */
export function writtenLang(args: readonly string[]): 'zh' | 'en' {
  const i = args.indexOf('--lang');
  return i >= 0 && args[i + 1] === 'zh' ? 'zh' : 'en';
}

/** The command line with its --lang, if any, replaced by `--lang <lang>` at the end. */
export function withLang(args: readonly string[], lang: 'zh' | 'en'): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--lang') i++;
    else out.push(args[i]!);
  }
  return [...out, '--lang', lang];
}

/** What a person reads: stderr, and stdout unless it is JSON (data for programs, in both languages). */
export function readable(r: { stdout: string; stderr: string }): string {
  try {
    JSON.parse(r.stdout);
    return r.stderr;
  } catch {
    return r.stdout + r.stderr;
  }
}
