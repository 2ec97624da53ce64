import { StringDecoder } from 'node:string_decoder';

/**
 * Input for the interview, from any async iterable of chunks (a terminal in raw mode, a pipe,
 * a test's buffer): whole lines for the piped protocol, single keys for the terminal.
 * UTF-8 is decoded across chunk boundaries.
 */

export type Key =
  | { kind: 'char'; char: string }
  | { kind: 'enter' }
  | { kind: 'backspace' }
  | { kind: 'left' }
  | { kind: 'right' }
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'escape' }
  | { kind: 'ctrl-c' }
  | { kind: 'ctrl-d' };

export class InputQueue {
  private readonly it: AsyncIterator<Buffer | string>;
  private readonly decoder = new StringDecoder('utf8');
  private buf = '';
  private ended = false;
  /** Lines read so far (for messages about piped input). */
  lineNumber = 0;

  constructor(source: AsyncIterable<Buffer | string>) {
    this.it = source[Symbol.asyncIterator]();
  }

  private async fill(): Promise<boolean> {
    if (this.ended) return false;
    const r = await this.it.next();
    if (r.done) {
      this.ended = true;
      this.buf += this.decoder.end();
      return false;
    }
    this.buf += typeof r.value === 'string' ? r.value : this.decoder.write(r.value);
    return true;
  }

  /** The next line without its line end, or undefined at the end of input. */
  async line(): Promise<string | undefined> {
    for (;;) {
      const i = this.buf.indexOf('\n');
      if (i >= 0) {
        const line = this.buf.slice(0, i).replace(/\r$/, '');
        this.buf = this.buf.slice(i + 1);
        this.lineNumber++;
        return line.replace(/^\uFEFF/, '');
      }
      if (!(await this.fill())) {
        if (this.buf === '') return undefined;
        const line = this.buf.replace(/\r$/, '');
        this.buf = '';
        this.lineNumber++;
        return line;
      }
    }
  }

  /** The next key press, or undefined at the end of input. */
  async key(): Promise<Key | undefined> {
    while (this.buf === '') if (!(await this.fill())) return undefined;
    const b = this.buf;
    const take = (n: number, k: Key): Key => {
      this.buf = b.slice(n);
      return k;
    };
    if (b.startsWith('\x1b[') || b.startsWith('\x1bO')) {
      // eslint-disable-next-line no-control-regex -- terminal escape sequences
      const m = /^\x1b[[O]([0-9;]*)([A-Za-z~])/.exec(b);
      if (m) {
        const dir = { A: 'up', B: 'down', C: 'right', D: 'left' } as const;
        const k = dir[m[2] as keyof typeof dir];
        return take(m[0].length, k ? { kind: k } : { kind: 'escape' });
      }
    }
    const c = String.fromCodePoint(b.codePointAt(0)!);
    switch (c) {
      case '\x03':
        return take(1, { kind: 'ctrl-c' });
      case '\x04':
        return take(1, { kind: 'ctrl-d' });
      case '\r':
        return take(b.startsWith('\r\n') ? 2 : 1, { kind: 'enter' });
      case '\n':
        return take(1, { kind: 'enter' });
      case '\x7f':
      case '\b':
        return take(1, { kind: 'backspace' });
      case '\x1b':
        return take(1, { kind: 'escape' });
      default:
        return take(c.length, { kind: 'char', char: c });
    }
  }

  /** Stop reading (a terminal's stdin would otherwise keep the process alive). */
  async close(): Promise<void> {
    this.ended = true;
    await this.it.return?.();
  }
}
