#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { cacheDirOf, parseCoreConfig } from '../config/core-config.js';
import { readDotenv } from '../config/env.js';
import { runAsk } from './ask.js';
import { runAblate, runCalibrate } from './calibrate.js';
import { runEval } from './eval.js';
import { EXIT_BAD_KNOWLEDGE, loadIndexOrReport } from './load-index.js';
import { exitQuietlyOnClosedPipe } from './safe-output.js';

const EXIT_USAGE = 64;

const USAGE = `Usage:
  casefile ask "question" [--kb DIR] [--json]
  casefile ask --jsonl [--kb DIR]          questions on stdin, one {"id","question"} per line
  casefile eval --questions FILE|DIR [--kb DIR] [--json] [--quiet]
  casefile eval --questions DIR --calibrate|--ablate   fit the answerer's models / ablation table, leave-one-set-out`;

async function main(argv: string[]): Promise<number> {
  readDotenv();
  const config = parseCoreConfig(process.env);
  if (!config.ok) {
    process.stderr.write(`Bad configuration:\n${config.error.map((e) => `  ${e}`).join('\n')}\n`);
    return EXIT_USAGE;
  }
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kb: { type: 'string' },
        json: { type: 'boolean', default: false },
        jsonl: { type: 'boolean', default: false },
        questions: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        calibrate: { type: 'boolean', default: false },
        ablate: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`);
    return EXIT_USAGE;
  }
  const [command, ...rest] = args.positionals;
  const { values } = args;
  const kb = values.kb ?? config.value.KNOWLEDGE_DIR;
  const maxFileBytes = config.value.MAX_FILE_BYTES;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : EXIT_USAGE;
  }
  if (command === 'ask') {
    const question = rest.join(' ');
    if (!values.jsonl && question.trim() === '') {
      process.stderr.write(`ask needs a question.\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    const index = await loadIndexOrReport({ dir: kb, maxFileBytes, cacheDir: cacheDirOf(config.value) });
    if (!index) return EXIT_BAD_KNOWLEDGE;
    return runAsk(index, question, { json: values.json, jsonl: values.jsonl });
  }
  if (command === 'eval') {
    if (!values.questions) {
      process.stderr.write(`eval needs --questions.\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    if (values.calibrate) return runCalibrate(values.questions, kb, maxFileBytes);
    if (values.ablate) return runAblate(values.questions, kb, maxFileBytes);
    return runEval({ kb, questions: values.questions, maxFileBytes, json: values.json, quiet: values.quiet });
  }
  process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
  return EXIT_USAGE;
}

/** An unexpected failure (a bug, not bad input): one line, never a stack trace. */
const EXIT_SOFTWARE = 70;

exitQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`casefile: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  code = EXIT_SOFTWARE;
}
// Exit once stdout is flushed: a read stuck on a hung share (already reported) must not keep us alive.
process.stdout.write('', () => process.exit(code));
