import {
  Locale,
  type ApplicationFlags,
  type GatewayGuildCreateDispatchData,
  type GatewayReadyDispatchData,
  type GuildSystemChannelFlags,
} from 'discord.js';
import type { FakeGuild, FakeWorld } from './world.js';

export function readyPayload(
  world: FakeWorld,
  session: { id: string; shard: [number, number]; guilds: FakeGuild[] },
  resumeUrl: string,
): GatewayReadyDispatchData {
  return {
    v: 10,
    user: { ...world.botUser, verified: true, mfa_enabled: false },
    // Listing guilds as unavailable makes discord.js hold `clientReady` until their GUILD_CREATE arrives.
    guilds: session.guilds.map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: resumeUrl,
    shard: session.shard,
    application: { id: world.applicationId, flags: 0 as ApplicationFlags, flags_new: '0' },
  };
}

export function guildCreatePayload(world: FakeWorld, guild: FakeGuild): GatewayGuildCreateDispatchData {
  const humans = [...world.users.values()].filter((user) => !user.bot);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: world.user.id,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [guild.everyoneRole, guild.botRole],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: Locale.EnglishUS,
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    hub_type: null,
    incidents_data: null,
    region: 'deprecated',
    joined_at: world.joinedAt,
    large: false,
    unavailable: false,
    member_count: humans.length + 1,
    members: [
      { ...world.member(world.botUser), roles: [guild.botRole.id] },
      ...humans.map((user) => world.member(user)),
    ],
    channels: [guild.channel],
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
