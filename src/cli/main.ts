#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { cacheDirOf, parseCoreConfig, readDotenv } from '../config/index.js';
import { configReport, EXIT } from '../shared/adapter.js';
import { runAsk } from './ask.js';
import { runAblate, runCalibrate } from './calibrate.js';
import { runEval } from './eval.js';
import { loadIndexOrReport, type IndexSource } from './load-index.js';
import { exitQuietlyOnClosedPipe } from './safe-output.js';

const USAGE = `Usage:
  casefile ask "question" [--kb DIR] [--json]
  casefile ask --jsonl [--kb DIR]          questions on stdin, one {"id","question"} per line
  casefile eval --questions FILE|DIR [--kb DIR] [--json] [--quiet]
  casefile eval --questions DIR --calibrate|--ablate   fit the answerer's models / ablation table, leave-one-set-out`;

const OPTIONS = {
  kb: { type: 'string' },
  json: { type: 'boolean', default: false },
  jsonl: { type: 'boolean', default: false },
  questions: { type: 'string' },
  quiet: { type: 'boolean', default: false },
  calibrate: { type: 'boolean', default: false },
  ablate: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** A usage error: the reason, then the usage, on stderr. */
function usage(reason: string): number {
  process.stderr.write(`${reason}\n${USAGE}\n`);
  return EXIT.usage;
}

async function main(argv: string[]): Promise<number> {
  readDotenv();
  const config = parseCoreConfig(process.env);
  if (!config.ok) {
    process.stderr.write(configReport(config.error));
    return EXIT.usage;
  }
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e));
  }
  const [command, ...rest] = args.positionals;
  const { values } = args;
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return values.help ? 0 : EXIT.usage;
  }
  const source = {
    dir: values.kb ?? config.value.KNOWLEDGE_DIR,
    maxFileBytes: config.value.MAX_FILE_BYTES,
    cacheDir: cacheDirOf(config.value),
  };
  if (command === 'ask') return ask(rest.join(' '), values, source);
  if (command === 'eval') return evaluate(values, source);
  return usage(`Unknown command "${command}".`);
}

async function ask(question: string, values: Flags, source: IndexSource): Promise<number> {
  if (!values.jsonl && question.trim() === '') return usage('ask needs a question.');
  const index = await loadIndexOrReport(source);
  if (!index) return EXIT.badKnowledge;
  return runAsk(index, question, { json: values.json, jsonl: values.jsonl });
}

async function evaluate(values: Flags, { dir: kb, maxFileBytes }: IndexSource): Promise<number> {
  if (!values.questions) return usage('eval needs --questions.');
  if (values.calibrate) return runCalibrate(values.questions, kb, maxFileBytes);
  if (values.ablate) return runAblate(values.questions, kb, maxFileBytes);
  return runEval({ kb, questions: values.questions, maxFileBytes, json: values.json, quiet: values.quiet });
}

exitQuietlyOnClosedPipe(process.stdout, (code) => process.exit(code));
let code: number;
try {
  code = await main(process.argv.slice(2));
} catch (e) {
  // An unexpected failure (a bug, not bad input): one line, never a stack trace.
  process.stderr.write(`casefile: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
  code = EXIT.software;
}
// Exit once stdout is flushed: a read stuck on a hung share (already reported) must not keep us alive.
process.stdout.write('', () => process.exit(code));
