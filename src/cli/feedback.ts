#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultDataDir, parseCoreConfig, readDotenv } from '../config/index.js';
import { gapsAsQuestionFile, FEEDBACK_DB, openFeedbackStore } from '../feedback/index.js';
import { configReport, EXIT } from '../shared/adapter.js';

const USAGE = `Usage:
  npm run feedback                                 the questions of the last 30 days with no answer or a 👎
  npm run feedback -- --export FILE [--days N]     the same as an eval question file (answers left to fill in)`;

/** Reads the feedback database the bot writes in DATA_DIR (default: beside the knowledge folder). */
async function main(argv: string[]): Promise<number> {
  readDotenv();
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        export: { type: 'string' },
        days: { type: 'string', default: '30' },
        limit: { type: 'string', default: '500' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return EXIT.usage;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const days = Number(values.days);
  const limit = Number(values.limit);
  if (!Number.isInteger(days) || days < 1 || !Number.isInteger(limit) || limit < 1) {
    process.stderr.write(`--days and --limit must be whole numbers of at least 1.\n${USAGE}\n`);
    return EXIT.usage;
  }
  const core = parseCoreConfig(process.env);
  if (!core.ok) {
    process.stderr.write(configReport(core.error));
    return EXIT.usage;
  }
  const dataDir = process.env.DATA_DIR?.trim() || defaultDataDir(core.value.KNOWLEDGE_DIR);
  if (!existsSync(join(dataDir, FEEDBACK_DB))) {
    process.stderr.write(
      `No feedback database in ${dataDir} yet: the bot creates it when it starts (DATA_DIR).\n`,
    );
    return 1;
  }
  const opened = openFeedbackStore(dataDir);
  if (!opened.ok) {
    process.stderr.write(`Cannot open the feedback database in ${dataDir}: ${opened.error}\n`);
    return 1;
  }
  if (opened.recreated) process.stderr.write(`Warning: ${opened.recreated}\n`);
  const gaps = opened.store.gaps({ days, limit });
  opened.store.close();
  if (values.export) {
    await writeFile(values.export, gapsAsQuestionFile(gaps));
    process.stdout.write(
      `Wrote ${gaps.length} question${gaps.length === 1 ? '' : 's'} to ${values.export}. ` +
        'Fill in each "expect" (or write "impossible": true), then: npm run eval -- --questions ' +
        `${values.export}\n`,
    );
    return 0;
  }
  if (gaps.length === 0)
    process.stdout.write(`No question of the last ${days} days went unanswered or got a 👎.\n`);
  for (const gap of gaps) {
    process.stdout.write(
      `${gap.asked}× asked, ${gap.unanswered} unanswered, ${gap.downVotes} 👎, ${gap.upVotes} 👍  ${gap.question}\n`,
    );
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
