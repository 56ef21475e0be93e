import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
} from 'discord.js';
import type { UiStrings } from '../i18n.js';
import { customId } from './router.js';

/** custom_id prefixes of the buttons under every answer; each has its handler in this folder. */
export const VOTE = 'vote';
export const PARAGRAPH = 'para';
export const MORE = 'more';
export const FOLLOW_UP = 'follow';

const button = (
  id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  emoji?: string,
): APIButtonComponentWithCustomId => ({
  type: ComponentType.Button,
  custom_id: id,
  style,
  label,
  ...(emoji ? { emoji: { name: emoji } } : {}),
});

/**
 * 👍 / 👎, "Show the paragraph" (answers only), "More sources" and "Ask a follow-up". Stateless: the
 * vote buttons carry the ask id the feedback store knows; the others read the question back from the
 * message they sit on, so they work after a restart and on any shard.
 */
export function answerButtons(
  askId: string,
  answered: boolean,
  strings: UiStrings,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      button(customId(VOTE, askId, 'up'), strings.helpful, ButtonStyle.Secondary, '👍'),
      button(customId(VOTE, askId, 'down'), strings.notHelpful, ButtonStyle.Secondary, '👎'),
      ...(answered ? [button(customId(PARAGRAPH, askId), strings.showParagraph, ButtonStyle.Secondary)] : []),
      button(customId(MORE, askId), strings.moreSources, ButtonStyle.Secondary),
      button(customId(FOLLOW_UP, askId), strings.askFollowUp, ButtonStyle.Primary),
    ],
  };
}
