import { kbButtonsHandler } from '../kb/buttons.js';
import { followUpHandler } from './follow-up.js';
import { moreSourcesHandler } from './more-sources.js';
import { paragraphHandler } from './paragraph.js';
import { ComponentRouter, type ComponentHandler } from './router.js';
import { voteHandler } from './vote.js';

export type { ComponentHandler, ComponentInteraction } from './router.js';
export { ComponentRouter, customId, parseCustomId } from './router.js';

/**
 * Every button and modal handler of the bot, one per custom_id prefix. Add a handler here to make
 * its prefix routable; the interaction handler routes every component and modal through this list.
 */
export const componentHandlers: readonly ComponentHandler[] = [
  voteHandler,
  paragraphHandler,
  moreSourcesHandler,
  followUpHandler,
  kbButtonsHandler,
];

export const createComponentRouter = (): ComponentRouter => new ComponentRouter(componentHandlers);
