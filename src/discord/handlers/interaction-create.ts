import { MessageFlags, type Interaction } from 'discord.js';
import {
  messageCommands as defaultMessageCommands,
  type Command,
  type MessageCommand,
} from '../commands/index.js';
import { createComponentRouter, type ComponentRouter } from '../components/index.js';
import type { BotContext } from '../context.js';
import { ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';
import { replyWithRef } from './error-reply.js';

/**
 * Routes slash commands and autocomplete to their command, and buttons and modals by custom_id
 * prefix; any failure gets one reply with a ref.
 */
export function onInteractionCreate(
  context: BotContext,
  commands: readonly Command[],
  router: ComponentRouter = createComponentRouter(),
  messageCommands: readonly MessageCommand[] = defaultMessageCommands,
) {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  const messageByName = new Map(messageCommands.map((command) => [command.data.name, command]));
  return async (interaction: Interaction): Promise<void> => {
    if (interaction.user.bot) return;
    try {
      if (interaction.isAutocomplete()) {
        await byName.get(interaction.commandName)?.autocomplete?.(interaction, context);
      } else if (interaction.isChatInputCommand()) {
        const command = byName.get(interaction.commandName);
        if (!command) {
          context.logger.warn(
            { command: interaction.commandName },
            'unknown command: run deploy-commands again?',
          );
          return;
        }
        await command.execute(interaction, context);
      } else if (interaction.isMessageContextMenuCommand()) {
        await messageByName.get(interaction.commandName)?.execute(interaction, context);
      } else if (interaction.isMessageComponent() || interaction.isModalSubmit()) {
        if (await router.route(interaction, context)) return;
        context.logger.warn({ customId: interaction.customId }, 'no handler for this custom_id');
        // Answered anyway: an unanswered click shows the member "This interaction failed".
        await interaction.reply({
          content: ui(interaction.locale).staleButton,
          flags: MessageFlags.Ephemeral,
          allowedMentions: NO_MENTIONS,
        });
      }
    } catch (error) {
      if (interaction.isAutocomplete()) {
        // No message can be shown for a failed autocomplete; an empty list is the polite answer.
        context.logger.error({ err: error, interactionId: interaction.id }, 'autocomplete failed');
        await interaction.respond([]).catch(() => undefined);
        return;
      }
      await replyWithRef(interaction, error, context.logger);
    }
  };
}
