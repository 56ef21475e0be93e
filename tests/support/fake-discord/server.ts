import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { FakeDiscord } from './fake-discord.js';
import { FaultInjector } from './faults.js';
import { FakeGateway } from './gateway.js';
import { randomToken } from './ids.js';
import { Recorder } from './recorder.js';
import { describeRequest, type RecordedRequest } from './request.js';
import { restListener } from './rest.js';
import { channelRoutes } from './routes/channels.js';
import { commandRoutes } from './routes/commands.js';
import { gatewayRoutes } from './routes/gateway.js';
import { interactionRoutes } from './routes/interactions.js';
import { threadRoutes } from './routes/threads.js';
import { userRoutes } from './routes/users.js';
import { FakeWorld } from './world.js';

export interface FakeDiscordOptions {
  /** Shard count advertised by `/gateway/bot` (used by clients with `shards: 'auto'`). Default 1. */
  shards?: number;
  /** Guilds to create, spread round-robin over the shards. Default: one per shard. */
  guildCount?: number;
  /** Small by default so zombie detection and resumes happen within a test's time budget. */
  heartbeatIntervalMs?: number;
}

const HOST = '127.0.0.1';

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const shards = options.shards ?? 1;
  const world = new FakeWorld(options.guildCount ?? shards);
  const token = `fake.${randomToken()}`;
  const requests = new Recorder<RecordedRequest>(describeRequest);
  const faults = new FaultInjector();

  const http = createServer();
  await listen(http);
  const { port } = http.address() as AddressInfo;
  const gatewayUrl = `ws://${HOST}:${port}/gateway`;
  world.attachments.setBaseUrl(`http://${HOST}:${port}`);
  const routes = [
    ...gatewayRoutes(gatewayUrl, shards),
    ...interactionRoutes,
    ...channelRoutes,
    ...threadRoutes,
    ...userRoutes,
    ...commandRoutes,
  ];
  http.on('request', restListener({ world, token, routes, faults, requests }));

  const wss = new WebSocketServer({ server: http, path: '/gateway' });
  const gateway = new FakeGateway(wss, {
    world,
    token,
    url: gatewayUrl,
    shards,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
  });

  const close = async (): Promise<void> => {
    gateway.close();
    wss.close();
    // undici keeps connections alive; without this server.close() waits for them to idle out.
    http.closeAllConnections();
    await new Promise<void>((resolve) => http.close(() => resolve()));
  };
  return new FakeDiscord({
    world,
    gateway,
    requests,
    faults,
    token,
    apiUrl: `http://${HOST}:${port}/api`,
    gatewayUrl,
    close,
  });
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, HOST, () => resolve());
  });
}
