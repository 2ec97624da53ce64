import { createHash } from 'node:crypto';
import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileError } from '../core/errors.js';
import { readXlsxRows, type SheetInfo, type XlsxRowsOptions } from './xlsx-read.js';

/**
 * A workbook's sheet as a UTF-8 CSV in a temporary folder, so that a roster from Excel goes
 * through the same streaming CSV engine as any other (one pass, households re-read by byte
 * offset) and nothing of the workbook stays in memory. `rowOfLine` maps each CSV line back to the
 * sheet's row number, which is what messages show. The folder is removed by `release()`, and in any
 * case when the process exits.
 */
export interface XlsxAsCsv {
  csvPath: string;
  /** The sheet row of each CSV line (index = 1-based line). */
  rowOfLine: Int32Array;
  sheet: SheetInfo;
  sheets: SheetInfo[];
  merges: number;
  /** The workbook's own size and digest (what the manifest records). */
  bytes: number;
  sha256: string;
  release: () => void;
}

const temporary = new Set<string>();
let hooked = false;
function removeAll(): void {
  for (const d of temporary) rmSync(d, { recursive: true, force: true });
  temporary.clear();
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function digestFile(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const c of createReadStream(file)) h.update(c as Buffer);
  return h.digest('hex');
}

export async function xlsxToCsv(file: string, opts: XlsxRowsOptions = {}): Promise<XlsxAsCsv> {
  const label = opts.label ?? file;
  let bytes: number;
  try {
    bytes = (await stat(file)).size;
  } catch (err) {
    throw fileError(label, err);
  }
  const dir = mkdtempSync(join(tmpdir(), 'hhsurvey-xlsx-'));
  temporary.add(dir);
  if (!hooked) {
    hooked = true;
    process.once('exit', removeAll);
  }
  const release = () => {
    rmSync(dir, { recursive: true, force: true });
    temporary.delete(dir);
  };
  const csvPath = join(dir, 'sheet.csv');
  try {
    // Written synchronously from the row callback: memory holds one batch, whatever the disk's pace.
    const fd = openSync(csvPath, 'w');
    let rowOfLine = new Int32Array(1 << 16);
    let line = 1;
    const mark = (row: number) => {
      if (line >= rowOfLine.length) {
        const next = new Int32Array(rowOfLine.length * 2);
        next.set(rowOfLine);
        rowOfLine = next;
      }
      rowOfLine[line++] = row;
    };
    let pending = '';
    const info = await readXlsxRows(
      file,
      (row, cells) => {
        let text = '';
        for (let i = 0; i < cells.length; i++) text += (i ? ',' : '') + csvCell(cells[i]!);
        mark(row);
        for (let k = text.indexOf('\n'); k !== -1; k = text.indexOf('\n', k + 1)) mark(row);
        pending += text + '\n';
        if (pending.length > 1 << 20) {
          writeSync(fd, pending);
          pending = '';
        }
      },
      opts,
    ).finally(() => {
      if (pending) writeSync(fd, pending);
      closeSync(fd);
    });
    return {
      csvPath,
      rowOfLine: rowOfLine.subarray(0, line),
      sheet: info.sheet,
      sheets: info.sheets,
      merges: info.merges,
      bytes,
      sha256: await digestFile(file),
      release,
    };
  } catch (err) {
    release();
    throw err;
  }
}
