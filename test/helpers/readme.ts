/**
 * Docs that run: every `$ hhsurvey ...` line in a ```console block of the README is executed, in
 * order, in one scratch folder where `data/` is the repository's data. A line may end with
 * `# exit N` when it is meant to fail.
 */
interface Example {
  line: number;
  args: string[];
  exit: number;
}

export function readmeExamples(text: string): Example[] {
  const out: Example[] = [];
  let inConsole = false;
  text.split('\n').forEach((raw, i) => {
    if (/^```console\s*$/.test(raw)) inConsole = true;
    else if (/^```/.test(raw)) inConsole = false;
    else if (inConsole && raw.startsWith('$ hhsurvey ')) {
      const m = /\s+#\s*exit\s+(\d+)\s*$/.exec(raw);
      const cmd = (m ? raw.slice(0, m.index) : raw).slice('$ hhsurvey '.length);
      out.push({ line: i + 1, args: cmd.trim().split(/\s+/), exit: m ? Number(m[1]) : 0 });
    }
  });
  return out;
}
