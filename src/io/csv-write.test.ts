import { describe, expect, it } from 'vitest';
import { csvCell, csvTable, neutraliseFormula } from './csv-write.js';

describe('csv output', () => {
  it('neutralises formula cells (OWASP) but leaves numbers alone', () => {
    expect(neutraliseFormula('=1+2')).toBe("'=1+2");
    expect(neutraliseFormula('+86 100 0000')).toBe("'+86 100 0000");
    expect(neutraliseFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseFormula('\tx')).toBe("'\tx");
    expect(neutraliseFormula('-3.5')).toBe('-3.5');
    expect(neutraliseFormula('张三')).toBe('张三');
    expect(csvCell('=cmd', false)).toBe('=cmd');
  });
  it('quotes what RFC 4180 needs and writes CRLF with an optional BOM', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvTable(['a', 'b'], [['1', '2']], { bom: true })).toBe('\uFEFFa,b\r\n1,2\r\n');
  });
});
