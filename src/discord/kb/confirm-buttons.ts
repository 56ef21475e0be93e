import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
} from 'discord.js';
import { customId } from '../components/router.js';

/** custom_id prefix of every /kb button: `kb:ok:<pending id>` and `kb:no:<pending id>`. */
export const KB_PREFIX = 'kb';
export const CONFIRM = 'ok';
export const CANCEL = 'no';

export function confirmButtons(
  pendingId: string,
  confirmLabel: string,
): APIActionRowComponent<APIButtonComponentWithCustomId> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.Button,
        custom_id: customId(KB_PREFIX, CONFIRM, pendingId),
        style: ButtonStyle.Danger,
        label: confirmLabel,
      },
      {
        type: ComponentType.Button,
        custom_id: customId(KB_PREFIX, CANCEL, pendingId),
        style: ButtonStyle.Secondary,
        label: 'Cancel',
      },
    ],
  };
}
