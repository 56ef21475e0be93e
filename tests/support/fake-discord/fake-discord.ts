import {
  type APIAttachment,
  ChannelType,
  ForumLayoutType,
  GatewayDispatchEvents,
  SortOrderType,
  type APIGuildForumChannel,
  type APIInteraction,
  type APIMessage,
  type APIThreadChannel,
  type APIUser,
} from 'discord.js';
import {
  componentInteraction,
  messageCommandInteraction,
  modalSubmitInteraction,
  type ComponentClick,
  type MessageCommand,
} from './component-interactions.js';
import type { FaultInjector } from './faults.js';
import { snowflake } from './ids.js';
import { threadChannel } from './routes/threads.js';
import type { DropOptions, FakeGateway, GatewayLogEntry } from './gateway.js';
import {
  autocompleteInteraction,
  chatInputInteraction,
  type AutocompleteRequest,
  type ChatInputCommand,
} from './interactions.js';
import { messageCreatePayload, type IncomingMessage } from './message-events.js';
import type { Recorder } from './recorder.js';
import type { FakeRequest, RecordedRequest } from './request.js';
import type { FakeWorld } from './world.js';

export interface SentInteraction<T extends APIInteraction = APIInteraction> {
  id: string;
  token: string;
  payload: T;
}

export interface FakeDiscordParts {
  world: FakeWorld;
  gateway: FakeGateway;
  requests: Recorder<RecordedRequest>;
  faults: FaultInjector;
  token: string;
  apiUrl: string;
  gatewayUrl: string;
  close: () => Promise<void>;
}

const DEFAULT_WAIT_MS = 3000;

/** What a test holds: ids to assert on, events to send, requests to inspect, faults to inject. */
export class FakeDiscord {
  /** Pass as `rest: { api }`; discord.js appends `/v10` itself. */
  readonly apiUrl: string;
  readonly gatewayUrl: string;
  /** The bot token the fake accepts, for `client.login()`. */
  readonly token: string;
  readonly world: FakeWorld;
  readonly #parts: FakeDiscordParts;

  constructor(parts: FakeDiscordParts) {
    this.#parts = parts;
    this.apiUrl = parts.apiUrl;
    this.gatewayUrl = parts.gatewayUrl;
    this.token = parts.token;
    this.world = parts.world;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }
  get botUserId(): string {
    return this.world.botUser.id;
  }
  /** The first guild; see `guildIds` when the fake was started with several. */
  get guildId(): string {
    return this.world.guild().id;
  }
  get guildIds(): string[] {
    return this.world.guilds.map((guild) => guild.id);
  }
  /** The first guild's text channel. */
  get channelId(): string {
    return this.world.guild().channel.id;
  }
  /** The human who runs commands and sends messages unless told otherwise. */
  get user(): APIUser {
    return this.world.user;
  }

  /** Every REST request so far, including 404s for routes the fake does not know. */
  get requests(): readonly RecordedRequest[] {
    return this.#parts.requests.items;
  }
  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.#parts.gateway.log.items;
  }

  /** Resolves with the oldest matching request no earlier wait has returned, waiting for one if needed. */
  waitForRequest(
    predicate: (request: RecordedRequest) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<RecordedRequest> {
    return this.#parts.requests.waitFor(predicate, timeoutMs, 'a matching REST request');
  }
  /** Same claiming rules as `waitForRequest`, over identify/resume/heartbeat/close events. */
  waitForGateway(
    predicate: (entry: GatewayLogEntry) => boolean,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<GatewayLogEntry> {
    return this.#parts.gateway.log.waitFor(predicate, timeoutMs, 'a matching gateway event');
  }
  clearRequests(): void {
    this.#parts.requests.clear();
  }

  /** The next requests matching `predicate` get these statuses, one each, before normal service resumes. */
  failNext(predicate: (request: FakeRequest) => boolean, statuses: number[]): void {
    this.#parts.faults.add(predicate, statuses);
  }

  sendInteraction(command: ChatInputCommand): SentInteraction {
    return this.#deliverInteraction(chatInputInteraction(this.world, command));
  }
  sendAutocomplete(request: AutocompleteRequest): SentInteraction {
    return this.#deliverInteraction(autocompleteInteraction(this.world, request));
  }
  /** A member clicking one of the bot's buttons. */
  clickButton(click: ComponentClick): SentInteraction {
    return this.#deliverInteraction(componentInteraction(this.world, click), click.message.id);
  }
  /** A message context-menu command ("Apps → name") run on `target`. */
  sendMessageCommand(command: MessageCommand): SentInteraction {
    return this.#deliverInteraction(messageCommandInteraction(this.world, command));
  }
  /** Submits the modal the bot opened in answer to `opened`, with these text-input values. */
  submitModal(opened: SentInteraction, values: Record<string, string>): SentInteraction {
    const issued = this.world.interactions.get(opened.token);
    if (!issued) throw new Error(`unknown interaction ${opened.id}`);
    return this.#deliverInteraction(modalSubmitInteraction(this.world, issued, values), issued.messageId);
  }
  /** A message the fake stored, e.g. the bot's reply as Discord would now show it. */
  message(id: string): APIMessage {
    const message = this.world.messages.get(id);
    if (!message) throw new Error(`Fake Discord has no message ${id}`);
    return message;
  }

  /**
   * A public thread in the first guild, as a member would start it: in its text channel, or as a
   * post in a new forum channel. The client learns of both through CHANNEL_CREATE / THREAD_CREATE.
   */
  addThread(options: { forum?: boolean; name?: string } = {}): APIThreadChannel {
    const guild = this.world.guild();
    let parentId = guild.channel.id;
    if (options.forum) {
      const forum = forumChannel(guild.id);
      this.world.channels.set(forum.id, forum);
      parentId = forum.id;
      this.dispatch(GatewayDispatchEvents.ChannelCreate, forum, this.#shardFor(guild.id));
    }
    const thread = threadChannel(this.world, {
      id: snowflake(),
      parentId,
      guildId: guild.id,
      name: options.name ?? 'a thread',
    });
    thread.owner_id = this.world.user.id;
    this.dispatch(
      GatewayDispatchEvents.ThreadCreate,
      { ...thread, newly_created: true },
      this.#shardFor(guild.id),
    );
    return thread;
  }

  sendMessage(incoming: IncomingMessage): APIMessage {
    const payload = messageCreatePayload(this.world, incoming);
    this.dispatch(GatewayDispatchEvents.MessageCreate, payload, this.#shardFor(payload.guild_id));
    return payload;
  }

  /** Raw escape hatch for events without a helper. Returns the sequence number used. */
  dispatch(event: string, data: unknown, shardId = 0): number {
    return this.#parts.gateway.dispatch(event, data, shardId);
  }
  dropConnection(options?: DropOptions): void {
    this.#parts.gateway.dropConnection(options);
  }
  /** With acks off the client declares the connection a zombie at its next heartbeat and resumes. */
  setHeartbeatAck(enabled: boolean): void {
    this.#parts.gateway.setHeartbeatAck(enabled);
  }
  /**
   * A file a member attaches to a command option, stored on the fake's CDN. Pass it as the option
   * `{ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id }` with
   * `resolved: { attachments: { [attachment.id]: attachment } }`, as Discord sends it.
   */
  addAttachment(filename: string, content: string | Buffer, contentType?: string): APIAttachment {
    return this.world.attachments.add(filename, content, contentType);
  }
  /** The bytes of a stored attachment, e.g. one the bot uploaded. */
  attachmentBytes(id: string): Buffer {
    const stored = this.world.attachments.get(id);
    if (!stored) throw new Error(`Fake Discord has no attachment ${id}`);
    return stored.bytes;
  }
  addUser(username: string): APIUser {
    return this.world.addUser(username);
  }

  close(): Promise<void> {
    return this.#parts.close();
  }

  #deliverInteraction(payload: APIInteraction, messageId?: string): SentInteraction {
    const { id, token } = payload;
    this.world.interactions.set(token, {
      id,
      token,
      channelId: payload.channel_id ?? payload.channel?.id ?? '',
      issuedAt: Date.now(),
      origin: payload,
      ...(messageId === undefined ? {} : { messageId }),
      response: null,
      original: null,
      followUps: new Set(),
    });
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload, this.#shardFor(payload.guild_id));
    return { id, token, payload };
  }

  /** Discord routes guild events by `(guild_id >> 22) % shards` and everything else to shard 0. */
  #shardFor(guildId: string | undefined): number {
    return guildId === undefined ? 0 : this.#parts.gateway.shardForGuild(guildId);
  }
}

function forumChannel(guildId: string): APIGuildForumChannel {
  return {
    id: snowflake(),
    type: ChannelType.GuildForum,
    guild_id: guildId,
    name: 'questions',
    position: 1,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    available_tags: [],
    default_reaction_emoji: null,
    default_sort_order: SortOrderType.LatestActivity,
    default_forum_layout: ForumLayoutType.NotSet,
    default_thread_rate_limit_per_user: 0,
  };
}
