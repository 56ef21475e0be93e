import { randomBytes } from 'node:crypto';

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/**
 * Real-shaped snowflakes: discord.js derives `createdTimestamp` from them and
 * gateway sharding routes on the timestamp bits, so random digits would not do.
 */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** A snowflake that Discord's `(id >> 22) % shardCount` rule routes to `shardId`. */
export function snowflakeOnShard(shardId: number, shardCount: number): string {
  let at = Date.now();
  while (shardFor(snowflake(at), shardCount) !== shardId) at += 1;
  return snowflake(at);
}

export function shardFor(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
