import type { IncomingMessage } from 'node:http';
import {
  GatewayCloseCodes,
  GatewayDispatchEvents,
  GatewayOpcodes,
  type GatewaySendPayload,
} from 'discord.js';
import type { WebSocket, WebSocketServer } from 'ws';
import { guildCreatePayload, readyPayload } from './gateway-payloads.js';
import { GatewaySession, parseFrame, sendFrame } from './gateway-session.js';
import { shardFor } from './ids.js';
import { Recorder } from './recorder.js';
import type { FakeWorld } from './world.js';

export type GatewayLogEntry =
  | { kind: 'identify'; shard: [number, number]; intents: number; sessionId: string }
  | { kind: 'resumed'; shardId: number; sessionId: string; seq: number }
  | { kind: 'resume-rejected'; sessionId: string }
  | { kind: 'heartbeat'; shardId: number | null; seq: number | null; acked: boolean }
  | { kind: 'closed'; shardId: number | null; code: number };

export interface GatewayOptions {
  world: FakeWorld;
  token: string;
  url: string;
  heartbeatIntervalMs: number;
  /** Used for routing until a client identifies and says how many shards it runs. */
  shards: number;
}

export interface DropOptions {
  shardId?: number;
  /** Close code; discord.js resumes after 4000 (unknown error) and most others. */
  code?: number;
  /** Kill the TCP socket with no close frame, like a network failure (the client sees 1006). */
  terminate?: boolean;
}

export class FakeGateway {
  readonly log = new Recorder<GatewayLogEntry>((entry) => JSON.stringify(entry));
  /** The newest session of each shard; resuming an older one is refused, as Discord would. */
  readonly #sessions = new Map<number, GatewaySession>();
  #ackHeartbeats = true;

  constructor(
    private readonly server: WebSocketServer,
    private readonly options: GatewayOptions,
  ) {
    server.on('connection', (socket, request) => this.#accept(socket, request));
  }

  setHeartbeatAck(enabled: boolean): void {
    this.#ackHeartbeats = enabled;
  }

  get shardCount(): number {
    return this.#sessions.values().next().value?.shardCount ?? this.options.shards;
  }

  shardForGuild(guildId: string): number {
    return shardFor(guildId, this.shardCount);
  }

  /** Sends a dispatch to one shard and returns its sequence number. */
  dispatch(event: string, data: unknown, shardId = 0): number {
    const session = this.#sessions.get(shardId);
    if (!session?.live) {
      throw new Error(
        `Fake gateway: shard ${shardId} has no live session; wait for the client to (re)connect`,
      );
    }
    return session.dispatch(event, data);
  }

  dropConnection({ shardId = 0, code = 4000, terminate = false }: DropOptions = {}): void {
    const session = this.#sessions.get(shardId);
    const socket = session?.socket;
    if (!session || !socket) throw new Error(`Fake gateway: shard ${shardId} is not connected`);
    // Detach now so a dispatch issued before the client resumes fails loudly instead of vanishing.
    session.socket = null;
    if (terminate) socket.terminate();
    else socket.close(code, 'Dropped by test');
  }

  close(): void {
    for (const socket of this.server.clients) socket.terminate();
    this.#sessions.clear();
  }

  #accept(socket: WebSocket, request: IncomingMessage): void {
    const query = new URL(request.url ?? '/', 'ws://fake').searchParams;
    if (query.get('v') !== '10' || query.get('encoding') !== 'json') {
      socket.close(GatewayCloseCodes.InvalidAPIVersion, 'Fake gateway speaks v10 JSON only');
      return;
    }
    let session: GatewaySession | null = null;
    socket.on('message', (raw) => {
      const payload = parseFrame(raw);
      if (!payload) {
        socket.close(GatewayCloseCodes.DecodeError, 'Bad JSON');
        return;
      }
      session = this.#handle(socket, session, payload);
    });
    socket.on('close', (code) => {
      if (session?.socket === socket) session.socket = null;
      this.log.push({ kind: 'closed', shardId: session?.shardId ?? null, code });
    });
    sendFrame(socket, GatewayOpcodes.Hello, { heartbeat_interval: this.options.heartbeatIntervalMs });
  }

  /** Returns the session the socket belongs to after this frame. */
  #handle(
    socket: WebSocket,
    session: GatewaySession | null,
    payload: GatewaySendPayload,
  ): GatewaySession | null {
    switch (payload.op) {
      case GatewayOpcodes.Heartbeat:
        this.log.push({
          kind: 'heartbeat',
          shardId: session?.shardId ?? null,
          seq: payload.d,
          acked: this.#ackHeartbeats,
        });
        if (this.#ackHeartbeats) sendFrame(socket, GatewayOpcodes.HeartbeatAck);
        return session;
      case GatewayOpcodes.Identify:
        if (session) socket.close(GatewayCloseCodes.AlreadyAuthenticated);
        else if (payload.d.token !== this.options.token) socket.close(GatewayCloseCodes.AuthenticationFailed);
        else return this.#identify(socket, payload.d.shard ?? [0, 1], payload.d.intents);
        return session;
      case GatewayOpcodes.Resume:
        return this.#resume(socket, payload.d);
      case GatewayOpcodes.RequestGuildMembers:
        if (session) this.#sendMembers(session, payload.d.guild_id, payload.d.nonce);
        return session;
      default:
        if (!session) socket.close(GatewayCloseCodes.NotAuthenticated);
        return session;
    }
  }

  #identify(socket: WebSocket, shard: [number, number], intents: number): GatewaySession | null {
    const [shardId, shardCount] = shard;
    if (shardId >= shardCount) {
      socket.close(GatewayCloseCodes.InvalidShard);
      return null;
    }
    const session = new GatewaySession(shardId, shardCount, socket);
    this.#sessions.set(shardId, session);
    this.log.push({ kind: 'identify', shard, intents, sessionId: session.id });
    const { world } = this.options;
    const guilds = world.guilds.filter((guild) => shardFor(guild.id, shardCount) === shardId);
    session.dispatch(
      GatewayDispatchEvents.Ready,
      readyPayload(world, { id: session.id, shard, guilds }, this.options.url),
    );
    // Sent straight away: discord.js otherwise waits 15 s (waitGuildTimeout) before `clientReady`.
    for (const guild of guilds)
      session.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(world, guild));
    return session;
  }

  #resume(socket: WebSocket, resume: { token: string; session_id: string }): GatewaySession | null {
    const session = [...this.#sessions.values()].find((s) => s.id === resume.session_id);
    if (!session || resume.token !== this.options.token) {
      this.log.push({ kind: 'resume-rejected', sessionId: resume.session_id });
      // d:false tells the client to start over with a fresh IDENTIFY.
      sendFrame(socket, GatewayOpcodes.InvalidSession, false);
      return null;
    }
    session.socket?.terminate();
    session.socket = socket;
    // Nothing is replayed: dispatch() refuses to send while a shard is disconnected, so nothing was missed.
    const seq = session.dispatch(GatewayDispatchEvents.Resumed, null);
    this.log.push({ kind: 'resumed', shardId: session.shardId, sessionId: session.id, seq });
    return session;
  }

  /** Lets `guild.members.fetch()` complete; it waits for GUILD_MEMBERS_CHUNK. */
  #sendMembers(session: GatewaySession, guildId: string, nonce: string | undefined): void {
    const { world } = this.options;
    const members = [...world.users.values()].map((user) => world.member(user));
    const chunk = { guild_id: guildId, members, chunk_index: 0, chunk_count: 1, ...(nonce ? { nonce } : {}) };
    session.dispatch(GatewayDispatchEvents.GuildMembersChunk, chunk);
  }
}
