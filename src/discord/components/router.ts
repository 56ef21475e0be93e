import type { MessageComponentInteraction, ModalSubmitInteraction } from 'discord.js';
import type { BotContext } from '../context.js';

/** Buttons, select menus and modal submits: everything that arrives with a custom_id. */
export type ComponentInteraction = MessageComponentInteraction | ModalSubmitInteraction;

/**
 * Handles every custom_id that starts with `prefix:`. `args` are the remaining `:`-separated parts,
 * so all state a handler needs lives in the custom_id (or the message it is attached to): a button
 * keeps working after a restart and on whichever shard receives the click.
 */
export interface ComponentHandler {
  readonly prefix: string;
  handle(interaction: ComponentInteraction, args: readonly string[], context: BotContext): Promise<void>;
}

/** custom_ids are at most 100 characters (Discord's limit). */
export const CUSTOM_ID_MAX = 100;
const SEPARATOR = ':';

/** Builds `prefix:arg1:arg2`; throws on a programming error (a separator in an arg or too long an id). */
export function customId(prefix: string, ...args: readonly string[]): string {
  for (const part of [prefix, ...args])
    if (part.includes(SEPARATOR)) throw new Error(`custom_id part "${part}" contains "${SEPARATOR}"`);
  const id = [prefix, ...args].join(SEPARATOR);
  if (id.length > CUSTOM_ID_MAX) throw new Error(`custom_id "${id}" is longer than ${CUSTOM_ID_MAX}`);
  return id;
}

/** Splits a custom_id into its routing prefix and arguments. */
export function parseCustomId(id: string): { prefix: string; args: string[] } {
  const [prefix = '', ...args] = id.split(SEPARATOR);
  return { prefix, args };
}

/** A Map from custom_id prefix to handler; registering a prefix twice is a programming error. */
export class ComponentRouter {
  readonly #handlers = new Map<string, ComponentHandler>();

  constructor(handlers: readonly ComponentHandler[] = []) {
    for (const handler of handlers) this.register(handler);
  }

  register(handler: ComponentHandler): this {
    if (handler.prefix.includes(SEPARATOR) || handler.prefix === '')
      throw new Error(`bad custom_id prefix "${handler.prefix}"`);
    if (this.#handlers.has(handler.prefix))
      throw new Error(`custom_id prefix "${handler.prefix}" registered twice`);
    this.#handlers.set(handler.prefix, handler);
    return this;
  }

  /** Runs the handler for this custom_id; false when no handler owns its prefix. */
  async route(interaction: ComponentInteraction, context: BotContext): Promise<boolean> {
    const { prefix, args } = parseCustomId(interaction.customId);
    const handler = this.#handlers.get(prefix);
    if (!handler) return false;
    await handler.handle(interaction, args, context);
    return true;
  }

  get prefixes(): readonly string[] {
    return [...this.#handlers.keys()];
  }
}
