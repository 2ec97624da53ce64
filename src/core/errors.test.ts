import { describe, expect, it } from 'vitest';
import { AssessmentFailed, exitCodeFor, fileError, formatProblem, UserError } from './errors.js';

describe('exitCodeFor', () => {
  it('maps each error family to its exit code', () => {
    expect(exitCodeFor(new UserError('bad'))).toBe(2);
    expect(exitCodeFor(new AssessmentFailed('failed'))).toBe(1);
    expect(exitCodeFor(new TypeError('bug'))).toBe(3);
    expect(exitCodeFor('thrown string')).toBe(3);
  });
});

describe('formatProblem', () => {
  it('reads file:line: field: message', () => {
    expect(formatProblem({ file: 'r.csv', line: 12, field: 'household_id', message: 'empty' })).toBe(
      'r.csv:12: household_id: empty',
    );
    expect(formatProblem({ file: 'r.csv', message: 'no such file' })).toBe('r.csv: no such file');
    expect(formatProblem({ line: 3, message: 'x' })).toBe('line 3: x');
  });
  it('turns file-system errors into one line', () => {
    expect(fileError('a.csv', Object.assign(new Error('x'), { code: 'ENOENT' })).message).toBe(
      'a.csv: no such file',
    );
    expect(fileError('d', Object.assign(new Error('x'), { code: 'EISDIR' })).message).toMatch(
      /is a directory/,
    );
  });
});
