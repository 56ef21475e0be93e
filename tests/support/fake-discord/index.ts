export { startFakeDiscord, type FakeDiscordOptions } from './server.js';
export { FakeDiscord, type SentInteraction } from './fake-discord.js';
export { requestTo, matchPath, type FakeRequest, type RecordedRequest } from './request.js';
export type { DropOptions, GatewayLogEntry } from './gateway.js';
export type { AutocompleteRequest, ChatInputCommand, InteractionContext } from './interactions.js';
export type { IncomingMessage } from './message-events.js';
export { DEFAULT_PERMISSIONS, type FakeWorld } from './world.js';
export type { ComponentClick, MessageCommand } from './component-interactions.js';
