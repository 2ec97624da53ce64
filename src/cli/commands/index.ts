import type { Command } from 'commander';
import type { Context } from '../../core/context.js';
import { register as check } from './check.js';
import { register as demo } from './demo.js';
import { register as registerDrill } from './drill.js';
import { register as registerInit } from './init.js';
import { register as sample } from './sample.js';
import { register as score } from './score.js';
import { register as registerSimulate } from './simulate.js';
import { register as registerInterview } from './interview.js';
import { register as registerPlan } from './plan.js';
import { register as registerStandard } from './standard.js';
import { register as registerStatus } from './status.js';
import { register as registerSynth } from './synth.js';
import { register as verify } from './verify.js';

/**
 * Every subcommand, one module each. A command module exports `register(program, ctx)`, which
 * adds its subcommand with --help examples and an async action that throws on failure.
 * One entry per line, so that adding a command touches one line.
 */
type Register = (program: Command, ctx: Context) => void;

// prettier-ignore
const commands: Register[] = [
  demo,
  check,
  sample,
  verify,
  registerStandard,
  registerStatus,
  registerInterview,
  registerSimulate,
  registerPlan,
  registerSynth,
  score,
  registerDrill,
  registerInit,
];

export function registerCommands(program: Command, ctx: Context): void {
  for (const register of commands) register(program, ctx);
}
