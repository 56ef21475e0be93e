import askMessage, { type MessageCommand } from './ask-message.js';
import ask from './ask.js';
import type { Command } from './command.js';
import help from './help.js';
import { withInstallScope } from './install.js';
import kb from './kb.js';

export type { Command } from './command.js';
export type { MessageCommand } from './ask-message.js';

export const commands: readonly Command[] = [ask, kb, help];

/** Message context-menu commands ("Apps → …" on a message). */
export const messageCommands: readonly MessageCommand[] = [askMessage];

/**
 * The bodies `deploy-commands` PUTs: one bulk overwrite, so running it again changes nothing.
 * `userInstall: false` (USER_INSTALL=off) limits every command to server installs.
 */
export const commandDefinitions = (options: { userInstall?: boolean } = {}) =>
  [...commands, ...messageCommands].map((command) =>
    withInstallScope(command.data.toJSON(), options.userInstall ?? true),
  );
