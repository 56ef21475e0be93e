import ask from './ask.js';
import type { Command } from './command.js';
import help from './help.js';
import kb from './kb.js';

export type { Command } from './command.js';

export const commands: readonly Command[] = [ask, kb, help];

/** The bodies `deploy-commands` PUTs: one bulk overwrite, so running it again changes nothing. */
export const commandDefinitions = () => commands.map((command) => command.data.toJSON());
