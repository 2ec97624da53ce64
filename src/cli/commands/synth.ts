import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context, OutStream } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { say } from '../../core/i18n.js';
import type { AtomicFile } from '../../io/atomic.js';
import {
  defaultCommunities,
  generateRoster,
  MAX_COMMUNITIES,
  MAX_HOUSEHOLDS,
  planRoster,
  rosterCsvChunks,
  SYNTH_RNG,
  TYPICAL_SAMPLE,
  type RosterSpec,
} from '../../synth/roster.js';
import { addCommonOptions, commandContext, intArg, listArg } from '../common.js';
import { note, progressBar } from '../output.js';
import { registerResponses } from './synth-responses.js';

// Loaded when the command runs, not when its help is shown (start-up time).
let iconv!: typeof import('iconv-lite');
let openAtomic!: (typeof import('../../io/atomic.js'))['openAtomic'];
async function loadModules(): Promise<void> {
  ({ default: iconv } = await import('iconv-lite'));
  ({ openAtomic } = await import('../../io/atomic.js'));
}

/**
 * `hhsurvey synth <what>`: synthetic data for demos, tests and benchmarks. A group: each kind of
 * data is a subcommand registered below (`roster` here; `responses` joins it).
 */
type RegisterSub = (group: Command, ctx: Context) => void;

const SUBCOMMANDS: RegisterSub[] = [registerRoster, registerResponses];

export function register(program: Command, ctx: Context): void {
  const group = program
    .command('synth')
    .description(
      'make synthetic data (generated names, phones that cannot be real) for demos, tests and benchmarks',
    );
  group.addHelpText(
    'after',
    `
Examples:
  hhsurvey synth roster --households 20000 --communities 60 --seed demo -o roster.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench -o big.csv
  hhsurvey synth responses sample.csv --rate 0.9 --seed r1 -o responses.csv`,
  );
  for (const sub of SUBCOMMANDS) sub(group, ctx);
}

interface RosterOptions {
  households: number;
  communities?: number;
  seed: string;
  output?: string;
  streets?: string[];
  small: number;
  rental?: boolean;
  bom?: boolean;
  encoding: 'utf8' | 'gb18030';
  eol: 'crlf' | 'lf';
  lang?: 'zh' | 'en';
}

function registerRoster(group: Command, ctx: Context): void {
  const cmd = group
    .command('roster')
    .summary('write a synthetic household roster (户册) of a district')
    .description(
      'Write a synthetic household roster (户册) of a district: sub-districts (街道), communities (社区) of ' +
        'uneven size, grids, estates, buildings, entrances, floors, rooms, generated head-of-household names ' +
        'and phone numbers that cannot be real (11 digits starting with 100). Streamed: a million households ' +
        `take seconds and little memory. Deterministic: the same options and seed give the same bytes on every ` +
        `platform (random source: ${SYNTH_RNG}).`,
    )
    .requiredOption('--households <n>', 'number of households', intArg(1, MAX_HOUSEHOLDS))
    .option(
      '--communities <k>',
      'number of communities (社区), sizes log-normal (default: one per 330 households)',
      intArg(1, MAX_COMMUNITIES),
    )
    .requiredOption('--seed <text>', 'seed of the random source')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option(
      '--streets <names>',
      'sub-districts (街道) in file order, comma-separated, used as given (default: the nine of the demo ' +
        'district); with fewer communities than sub-districts only the first ones get one',
      listArg,
    )
    .option('--small <m>', `make m communities smaller than ${TYPICAL_SAMPLE} households`, intArg(0), 0)
    .option('--rental', 'add a rental flag column 是否出租 / rental (是/否)')
    .option('--bom', 'start with a UTF-8 byte-order mark, as Excel writes it')
    .addOption(new Option('--encoding <enc>', 'output encoding').choices(['utf8', 'gb18030']).default('utf8'))
    .addOption(new Option('--eol <eol>', 'line ends').choices(['crlf', 'lf']).default('crlf'));
  addCommonOptions(cmd);
  cmd.addHelpText(
    'after',
    `
Headers are Chinese (户编号, 街道, 社区, 网格, 小区, 楼栋, 单元, 楼层, 房号, 户主姓名, 联系电话, 常住人口)
unless --lang en gives the English ids (household_id, street, community, grid, estate, building, unit,
floor, room, head_name, phone, size).

Examples:
  hhsurvey synth roster --households 300 --communities 3 --seed 1
  hhsurvey synth roster --households 20000 --communities 60 --small 3 --seed demo --bom -o roster.csv
  hhsurvey synth roster --households 5000 --seed x --streets 全福街道,洪家楼街道 --encoding gb18030 -o gbk.csv
  hhsurvey synth roster --households 1000000 --communities 180 --seed bench --lang en -o big.csv`,
  );
  cmd.action(async (opts: RosterOptions) => {
    await loadModules();
    const c = commandContext(ctx, opts);
    await writeRoster(c, opts);
  });
}

async function writeRoster(ctx: Context, opts: RosterOptions): Promise<void> {
  if (opts.bom && opts.encoding !== 'utf8')
    throw new UserError('--bom: a byte-order mark is written for UTF-8 only (GB18030 files carry none)');
  const spec: RosterSpec = {
    households: opts.households,
    communities: opts.communities ?? defaultCommunities(opts.households),
    seed: opts.seed,
    small: opts.small,
    ...(opts.streets ? { streets: opts.streets } : {}),
  };
  const plan = planRoster(spec); // validates the spec before any output is opened
  const encode =
    opts.encoding === 'gb18030'
      ? (s: string): string | Uint8Array => iconv.encode(s, 'gb18030')
      : (s: string) => s;
  const chunks = rosterCsvChunks(generateRoster(spec), {
    lang: opts.lang === 'en' ? 'en' : 'zh',
    rental: opts.rental === true,
    bom: opts.bom === true,
    eol: opts.eol,
  });

  const target = opts.output !== undefined && opts.output !== '-' ? resolve(ctx.cwd, opts.output) : undefined;
  const sink = target !== undefined ? fileSink(opts.output!, target) : streamSink(ctx.stdout);
  const progress = progressBar(ctx, opts.households, 'synth roster');
  try {
    let written = 0;
    for (const chunk of chunks) {
      await sink.write(encode(chunk));
      written += countLines(chunk);
      progress.update(Math.min(written, opts.households));
      // Let signals (Ctrl+C) and stream events in between chunks.
      await new Promise<void>((done) => setImmediate(done));
    }
    sink.commit();
  } catch (err) {
    sink.abort();
    throw err;
  } finally {
    progress.stop();
  }

  const streets = new Set(plan.map((p) => p.street)).size;
  const small = plan.filter((p) => p.households < TYPICAL_SAMPLE).length;
  const where = opts.output ?? 'stdout';
  note(
    ctx,
    say(
      ctx.lang,
      `已生成 ${fmt(opts.households)} 户，${plan.length} 个社区（${streets} 个街道）→ ${where}；种子 "${opts.seed}"，${SYNTH_RNG}` +
        (small > 0 ? `；${small} 个社区少于 ${TYPICAL_SAMPLE} 户` : ''),
      `wrote ${fmt(opts.households)} households in ${plan.length} communities (${streets} sub-districts) to ${where}; ` +
        `seed "${opts.seed}", ${SYNTH_RNG}` +
        (small > 0 ? `; ${small} communities have fewer than ${TYPICAL_SAMPLE} households` : ''),
    ),
  );
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function countLines(chunk: string): number {
  let n = 0;
  for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) n++;
  return n;
}

interface Sink {
  write(data: string | Uint8Array): Promise<void>;
  commit(): void;
  abort(): void;
}

function fileSink(shown: string, path: string): Sink {
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw outputError(shown, { code: 'EISDIR' });
  let file: AtomicFile;
  try {
    file = openAtomic(path);
  } catch (err) {
    throw outputError(shown, err);
  }
  return {
    write(data) {
      try {
        file.write(data);
      } catch (err) {
        throw outputError(shown, err);
      }
      return Promise.resolve();
    },
    commit() {
      try {
        file.commit();
      } catch (err) {
        throw outputError(shown, err);
      }
    },
    abort: () => file.abort(),
  };
}

/** stdout, waiting for 'drain' when a pipe pushes back, so memory stays flat. */
function streamSink(out: OutStream): Sink {
  const events = out as OutStream & { once?: (event: string, listener: () => void) => unknown };
  return {
    async write(data) {
      if (out.write(data) === false && typeof events.once === 'function') {
        await new Promise<void>((done) => events.once!('drain', done));
      }
    },
    commit() {},
    abort() {},
  };
}

function outputError(file: string, err: unknown): UserError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(`${file}: cannot write: the folder does not exist`);
    case 'EISDIR':
      return new UserError(`${file}: cannot write: is a directory`);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(`${file}: cannot write: permission denied`);
    case 'ENOSPC':
      return new UserError(`${file}: cannot write: no space left on the device`);
    default:
      return new UserError(`${file}: cannot write (${code ?? String(err)})`);
  }
}
