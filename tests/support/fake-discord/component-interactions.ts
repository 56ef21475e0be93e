import {
  ApplicationCommandType,
  ComponentType,
  InteractionType,
  type APIComponentInMessageActionRow,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentInteraction,
  type APIModalSubmitInteraction,
} from 'discord.js';
import { snowflake } from './ids.js';
import { baseInteraction, type InteractionContext } from './interactions.js';
import type { FakeWorld, IssuedInteraction } from './world.js';

export interface ComponentClick extends InteractionContext {
  /** The message the button sits on, as the fake stored it (the bot's reply). */
  message: APIMessage;
  customId: string;
}

export interface MessageCommand extends InteractionContext {
  commandName: string;
  /** The message the member right-clicked. */
  target: APIMessage;
}

/** A member clicking a button the bot sent: Discord refuses clicks on custom_ids the message lacks. */
export function componentInteraction(
  world: FakeWorld,
  click: ComponentClick,
): APIMessageComponentInteraction {
  const button = buttonsOf(click.message).find((b) => 'custom_id' in b && b.custom_id === click.customId);
  if (!button)
    throw new Error(`message ${click.message.id} has no component with custom_id ${click.customId}`);
  const channelId = click.message.channel_id;
  const inGuild = !click.dm;
  return {
    ...baseInteraction(
      world,
      { ...click, ...(inGuild ? { channelId } : {}) },
      InteractionType.MessageComponent,
    ),
    message: click.message,
    data: { custom_id: click.customId, component_type: button.type as ComponentType.Button },
  };
}

/** The "Apps → <command>" entry of a message's context menu. */
export function messageCommandInteraction(
  world: FakeWorld,
  command: MessageCommand,
): APIMessageApplicationCommandInteraction {
  const registered = [...world.commands.values()].flat().find((c) => c.name === command.commandName);
  return {
    ...baseInteraction(world, command, InteractionType.ApplicationCommand),
    data: {
      id: registered?.id ?? snowflake(),
      name: command.commandName,
      type: ApplicationCommandType.Message,
      target_id: command.target.id,
      resolved: { messages: { [command.target.id]: command.target } },
    },
  };
}

/**
 * The member filling in the modal the bot showed for `opened`: only text inputs the modal has can be
 * filled, and the submission mirrors the modal's layout (action rows or labels) as Discord's does.
 */
export function modalSubmitInteraction(
  world: FakeWorld,
  opened: IssuedInteraction,
  values: Record<string, string>,
): APIModalSubmitInteraction {
  const modal = opened.modal as { custom_id: string; components: ModalRow[] } | undefined;
  if (!modal) throw new Error(`interaction ${opened.id} did not open a modal`);
  const known = new Set<string>();
  const components = modal.components.map((row) => {
    const input = row.type === ComponentType.Label ? row.component : row.components?.[0];
    if (!input || input.type !== ComponentType.TextInput) throw new Error('only text inputs are faked');
    known.add(input.custom_id);
    const submitted = {
      type: ComponentType.TextInput,
      custom_id: input.custom_id,
      value: values[input.custom_id] ?? '',
    };
    return row.type === ComponentType.Label
      ? { type: ComponentType.Label, component: submitted }
      : { type: ComponentType.ActionRow, components: [submitted] };
  });
  for (const id of Object.keys(values)) if (!known.has(id)) throw new Error(`the modal has no input ${id}`);
  const origin = opened.origin as APIModalSubmitInteraction;
  const message = opened.messageId === undefined ? undefined : world.messages.get(opened.messageId);
  return {
    ...origin,
    id: snowflake(),
    token: `itok.${snowflake()}`,
    type: InteractionType.ModalSubmit,
    ...(message ? { message } : {}),
    data: { custom_id: modal.custom_id, components },
  } as APIModalSubmitInteraction;
}

interface TextInput {
  type: ComponentType;
  custom_id: string;
}
type ModalRow =
  | { type: ComponentType.ActionRow; components?: TextInput[] }
  | { type: ComponentType.Label; component: TextInput };

function buttonsOf(message: APIMessage): APIComponentInMessageActionRow[] {
  return (message.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow ? row.components : [],
  );
}
