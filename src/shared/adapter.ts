import { dropInvisible, formatLoadError, type LoadError } from '../core/index.js';

/**
 * What both adapters, the CLI and the bot, return to the shell and print when they cannot start:
 * kept here so the two say the same thing the same way. Only entry points call `process.exit`.
 */
export const EXIT = {
  /** The knowledge folder does not load; the errors are on stderr. */
  badKnowledge: 2,
  /** sysexits EX_USAGE: wrong arguments (and, in the CLI, a wrong environment). */
  usage: 64,
  /** sysexits EX_SOFTWARE: an unexpected failure, a bug rather than bad input. */
  software: 70,
  /** sysexits EX_CONFIG: the bot's environment is wrong, not the program. */
  badConfig: 78,
} as const;

/** One `file:line: what to do` line, on one line whatever the file name or message holds. */
export const loadErrorLine = (e: LoadError): string =>
  `  ${dropInvisible(formatLoadError(e)).replace(/[\r\n]+/g, ' ')}\n`;

/** The report for a knowledge folder that does not load: every error, one per line. */
export const loadFailureReport = (dir: string, errors: readonly LoadError[]): string =>
  `Cannot load the knowledge base in ${dir}:\n${errors.map(loadErrorLine).join('')}`;

/** The report for a wrong environment: every wrong variable, one per line. */
export const configReport = (errors: readonly string[], hint = ''): string =>
  `Bad configuration${hint}:\n${errors.map((e) => `  ${e}\n`).join('')}`;
