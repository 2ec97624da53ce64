import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import type { Context, OutStream } from '../../core/context.js';
import { UserError } from '../../core/errors.js';
import { both, num, t } from '../../core/messages.js';
import { m as io } from '../../io/messages.js';
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
import { isFolder } from '../../io/paths.js';
import { registerResponses } from './synth-responses.js';
import { h } from './synth.messages.js';
import { ls } from './listing.messages.js';

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
  const group = program.command('synth').description(t(ctx.lang, ls.synth));
  group.addHelpText('after', t(ctx.lang, h.after));
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
  const l = ctx.lang;
  const cmd = group
    .command('roster')
    .summary(t(l, h.rosterSummary))
    .description(t(l, h.rosterDescription, { rng: SYNTH_RNG }))
    .requiredOption('--households <n>', t(l, h.households), intArg(1, MAX_HOUSEHOLDS))
    .option('--communities <k>', t(l, h.communities), intArg(1, MAX_COMMUNITIES))
    .requiredOption('--seed <text>', t(l, h.seed))
    .option('-o, --output <file>', t(l, h.output))
    .option('--streets <names>', t(l, h.streets), listArg)
    .option('--small <m>', t(l, h.small, { typical: TYPICAL_SAMPLE }), intArg(0), 0)
    .option('--rental', t(l, h.rental))
    .option('--bom', t(l, h.rosterBom))
    .addOption(new Option('--encoding <enc>', t(l, h.encoding)).choices(['utf8', 'gb18030']).default('utf8'))
    .addOption(new Option('--eol <eol>', t(l, h.eol)).choices(['crlf', 'lf']).default('crlf'));
  addCommonOptions(cmd);
  cmd.addHelpText('after', t(l, h.rosterAfter));
  cmd.action(async (opts: RosterOptions) => {
    await loadModules();
    const c = commandContext(ctx, opts);
    await writeRoster(c, opts);
  });
}

async function writeRoster(ctx: Context, opts: RosterOptions): Promise<void> {
  if (opts.bom && opts.encoding !== 'utf8') throw new UserError(t(ctx.lang, h.bomUtf8Only));
  const spec: RosterSpec = {
    households: opts.households,
    communities: opts.communities ?? defaultCommunities(opts.households),
    seed: opts.seed,
    small: opts.small,
    ...(opts.streets ? { streets: opts.streets } : {}),
  };
  const plan = planRoster(spec, ctx.lang); // validates the spec before any output is opened
  const encode =
    opts.encoding === 'gb18030'
      ? (s: string): string | Uint8Array => iconv.encode(s, 'gb18030')
      : (s: string) => s;
  const chunks = rosterCsvChunks(generateRoster(spec), {
    // The roster's columns: Chinese, as offices' rosters are, unless --lang en asks for English ids.
    lang: opts.lang ?? 'zh',
    rental: opts.rental === true,
    bom: opts.bom === true,
    eol: opts.eol,
  });

  const target = opts.output !== undefined && opts.output !== '-' ? resolve(ctx.cwd, opts.output) : undefined;
  const sink = target !== undefined ? fileSink(opts.output!, target) : streamSink(ctx.stdout);
  const progress = progressBar(ctx, opts.households, t(ctx.lang, h.rosterProgress));
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
    t(ctx.lang, h.rosterWrote, {
      households: num(opts.households),
      communities: plan.length,
      streets,
      where,
      seed: opts.seed,
      rng: SYNTH_RNG,
      small,
      typical: TYPICAL_SAMPLE,
    }),
  );
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
  if (isFolder(path)) throw outputError(shown, { code: 'EISDIR' });
  let file: AtomicFile;
  try {
    file = openAtomic(path, shown);
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
  if (err instanceof UserError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new UserError(both(io.outputFolderMissing, { file }));
    case 'EISDIR':
      return new UserError(both(io.outputIsFolder, { file }));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new UserError(both(io.outputDenied, { file }));
    case 'ENOSPC':
      return new UserError(both(io.outputFull, { file }));
    default:
      return new UserError(both(io.outputFailed, { file, code: code ?? String(err) }));
  }
}
