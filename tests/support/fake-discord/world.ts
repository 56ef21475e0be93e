import {
  ChannelType,
  type APIApplicationCommand,
  type APIDMChannel,
  type APIGuildForumChannel,
  type APIThreadChannel,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APITextChannel,
  type APIUser,
  type GuildMemberFlags,
  type InteractionResponseType,
  type RoleFlags,
} from 'discord.js';
import { AttachmentStore } from './attachments.js';
import { snowflake, snowflakeOnShard } from './ids.js';

/** What Discord grants @everyone in a new guild, so bots behave as they would in a default server. */
export const DEFAULT_PERMISSIONS = '1071698660929';

export interface FakeGuild {
  id: string;
  name: string;
  everyoneRole: APIRole;
  /** The role Discord creates for the bot when it joins: managed, tagged with the bot's id. */
  botRole: APIRole;
  channel: APITextChannel;
}

export type FakeChannel = APITextChannel | APIDMChannel | APIThreadChannel | APIGuildForumChannel;

/** An interaction the fake sent, tracked so callbacks and webhook edits can be checked like Discord does. */
export interface IssuedInteraction {
  id: string;
  token: string;
  channelId: string;
  /** When the fake sent it: Discord refuses the initial response after 3 s. */
  issuedAt: number;
  /** For a button or select click: the message it sits on, which an UpdateMessage callback edits. */
  messageId?: string;
  /** The user and context it came from, so a modal it opens is submitted by the same member. */
  origin?: unknown;
  /** The modal the bot answered with (callback type 9), for `submitModal`. */
  modal?: unknown;
  /** The callback type the bot answered with, or null while unacknowledged. */
  response: InteractionResponseType | null;
  original: APIMessage | null;
  followUps: Set<string>;
}

/**
 * The state of the pretend Discord: who exists, which channels and messages
 * exist, which commands were registered. Gateway and REST both read and write it,
 * so an id seen over one is valid over the other.
 */
export class FakeWorld {
  readonly applicationId = snowflake();
  readonly joinedAt = new Date().toISOString();
  readonly users = new Map<string, APIUser>();
  readonly channels = new Map<string, FakeChannel>();
  readonly messages = new Map<string, APIMessage>();
  /** Files attached by members or uploaded by the bot, served over HTTP like Discord's CDN. */
  readonly attachments = new AttachmentStore();
  /** Keyed by guild id, or `''` for global commands. */
  readonly commands = new Map<string, APIApplicationCommand[]>();
  /** Keyed by interaction token, which is what webhook routes carry. */
  readonly interactions = new Map<string, IssuedInteraction>();
  readonly botUser: APIUser;
  /** The human who, unless a test says otherwise, runs commands and sends messages. */
  readonly user: APIUser;
  readonly guilds: FakeGuild[];

  constructor(guildCount: number) {
    this.botUser = this.addUser('casefile-bot', { bot: true });
    this.user = this.addUser('alice');
    // One guild per shard slot, so a sharded client sees guilds on every shard.
    this.guilds = Array.from({ length: guildCount }, (_, i) => this.#addGuild(i, guildCount));
  }

  addUser(username: string, extra: Partial<APIUser> = {}): APIUser {
    const user: APIUser = {
      id: snowflake(),
      username,
      discriminator: '0',
      global_name: username,
      avatar: null,
      ...extra,
    };
    this.users.set(user.id, user);
    return user;
  }

  guild(id?: string): FakeGuild {
    const guild = id === undefined ? this.guilds[0] : this.guilds.find((g) => g.id === id);
    if (!guild) throw new Error(`Fake Discord has no guild ${id}`);
    return guild;
  }

  member(user: APIUser): APIGuildMember {
    return {
      user,
      roles: [],
      joined_at: this.joinedAt,
      deaf: false,
      mute: false,
      flags: 0 as GuildMemberFlags,
    };
  }

  /** Discord keeps one DM channel per recipient; reusing it keeps ids stable across events and REST. */
  dmChannelFor(user: APIUser): APIDMChannel {
    for (const channel of this.channels.values()) {
      if (channel.type === ChannelType.DM && channel.recipients?.[0]?.id === user.id) return channel;
    }
    const channel: APIDMChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      recipients: [user],
      last_message_id: null,
      name: null,
    };
    this.channels.set(channel.id, channel);
    return channel;
  }

  #addGuild(index: number, count: number): FakeGuild {
    const id = snowflakeOnShard(index, count);
    const everyoneRole: APIRole = {
      id,
      name: '@everyone',
      permissions: DEFAULT_PERMISSIONS,
      position: 0,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    };
    const channel: APITextChannel = {
      id: snowflake(),
      type: ChannelType.GuildText,
      guild_id: id,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
    };
    this.channels.set(channel.id, channel);
    const botRole: APIRole = {
      ...everyoneRole,
      id: snowflake(),
      name: 'Casefile',
      permissions: DEFAULT_PERMISSIONS,
      position: 1,
      managed: true,
      tags: { bot_id: this.botUser.id },
    };
    return { id, name: `Test Guild ${index + 1}`, everyoneRole, botRole, channel };
  }
}
