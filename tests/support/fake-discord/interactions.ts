import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIBaseInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIInteractionDataResolved,
  type APIUser,
  type GuildMemberFlags,
} from 'discord.js';
import { randomToken, snowflake } from './ids.js';
import { DEFAULT_PERMISSIONS, type FakeWorld } from './world.js';

type ChatInputOption = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;
/** Everything but `data`, with the channel fields Discord always sends for commands. */
type InteractionEnvelope<T extends InteractionType> = Omit<APIBaseInteraction<T, never>, 'data'> &
  Required<Pick<APIBaseInteraction<T, never>, 'channel' | 'channel_id'>>;
type AutocompleteOption =
  APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommandAutocomplete>;

export interface InteractionContext {
  /** Run the command in the bot's DM with the user instead of a guild channel. */
  dm?: boolean;
  /** Defaults to the fake's first guild. Ignored for DMs. */
  guildId?: string;
  /** Defaults to the fake's default human. */
  user?: APIUser;
  /** The invoking member's permission bitfield, as Discord's decimal string. */
  permissions?: string;
  locale?: Locale;
  /** A channel of the guild other than its text channel, e.g. a thread from `world.addThread`. */
  channelId?: string;
}

export interface ChatInputCommand extends InteractionContext {
  commandName: string;
  /** Raw API options, e.g. `{ name: 'q', type: ApplicationCommandOptionType.String, value: 'hi' }`. */
  options?: ChatInputOption[];
  resolved?: APIInteractionDataResolved;
}

export interface AutocompleteRequest extends InteractionContext {
  commandName: string;
  /** The option the user is typing into; it is sent with `focused: true` after any other options. */
  focused: { name: string; value: string; type?: ApplicationCommandOptionType };
  options?: AutocompleteOption[];
  /** Typing into an option of this subcommand: Discord nests the options, the focused one included, in it. */
  subcommand?: string;
}

export function chatInputInteraction(
  world: FakeWorld,
  command: ChatInputCommand,
): APIChatInputApplicationCommandInteraction {
  return {
    ...baseInteraction(world, command, InteractionType.ApplicationCommand),
    data: {
      id: commandId(world, command.commandName, command.guildId),
      name: command.commandName,
      type: ApplicationCommandType.ChatInput,
      ...(command.options ? { options: command.options } : {}),
      ...(command.resolved ? { resolved: command.resolved } : {}),
    },
  };
}

export function autocompleteInteraction(
  world: FakeWorld,
  request: AutocompleteRequest,
): APIApplicationCommandAutocompleteInteraction & { channel_id: string } {
  const { name, value, type = ApplicationCommandOptionType.String } = request.focused;
  const focused = { name, value, type, focused: true } as AutocompleteOption;
  return {
    ...baseInteraction(world, request, InteractionType.ApplicationCommandAutocomplete),
    data: {
      id: commandId(world, request.commandName, request.guildId),
      name: request.commandName,
      type: ApplicationCommandType.ChatInput,
      options: request.subcommand
        ? [
            {
              name: request.subcommand,
              type: ApplicationCommandOptionType.Subcommand,
              options: [...(request.options ?? []), focused],
            } as AutocompleteOption,
          ]
        : [...(request.options ?? []), focused],
    },
  };
}

/** Matches the id the bot got back when it registered the command, as a real interaction would. */
function commandId(world: FakeWorld, name: string, guildId: string | undefined): string {
  const registered = [...(world.commands.get(guildId ?? '') ?? []), ...(world.commands.get('') ?? [])];
  return registered.find((command) => command.name === name)?.id ?? snowflake();
}

export function baseInteraction<T extends InteractionType>(
  world: FakeWorld,
  context: InteractionContext,
  type: T,
): InteractionEnvelope<T> {
  const user = context.user ?? world.user;
  const common = {
    id: snowflake(),
    application_id: world.applicationId,
    type,
    token: `itok.${randomToken()}`,
    version: 1 as const,
    app_permissions: DEFAULT_PERMISSIONS,
    locale: context.locale ?? Locale.EnglishUS,
    // discord.js dereferences both arrays without guards; leaving them out throws inside the client.
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (context.dm) {
    const channel = world.dmChannelFor(user);
    return {
      ...common,
      user,
      channel_id: channel.id,
      channel: { id: channel.id, type: ChannelType.DM, recipients: [user] },
      context: InteractionContextType.BotDM,
      // Discord reports a guild install used from the bot's DM with the pseudo guild id "0".
      authorizing_integration_owners: { 0: '0' },
    };
  }
  const guild = world.guild(context.guildId);
  const channel = context.channelId === undefined ? guild.channel : world.channels.get(context.channelId);
  if (!channel || channel.type === ChannelType.DM)
    throw new Error(`Fake Discord has no channel ${context.channelId}`);
  return {
    ...common,
    guild_id: guild.id,
    guild: { id: guild.id, locale: Locale.EnglishUS, features: [] },
    guild_locale: Locale.EnglishUS,
    // discord.js takes channelId from `channel.id`, not from `channel_id`.
    channel_id: channel.id,
    channel,
    member: {
      ...world.member(user),
      user,
      permissions: context.permissions ?? DEFAULT_PERMISSIONS,
      flags: 0 as GuildMemberFlags,
    },
    context: InteractionContextType.Guild,
    authorizing_integration_owners: { 0: guild.id },
  };
}
