import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeDiscord } from '../support/fake-discord/index.js';

export interface BotProcess {
  readonly child: ChildProcess;
  readonly dir: string;
  stderr(): string;
  logs(): Array<{ msg: string; [key: string]: unknown }>;
  /** Resolves with the exit code, or the signal that ended it. */
  exited(): Promise<number | string>;
  kill(): Promise<void>;
}

/** `npm start` (the dist/ that `build-dist.ts` builds once per run) as its own process, logged in to the fake; the knowledge folder is a temp copy. */
export async function spawnBot(fake: FakeDiscord, env: Record<string, string> = {}): Promise<BotProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'casefile-proc-'));
  await cp('knowledge/king-of-spam.md', join(dir, 'kb', 'king-of-spam.md'), { recursive: true });
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('DISCORD_') && !k.startsWith('SHARD')),
  );
  const child = spawn(process.execPath, ['dist/discord/main.js'], {
    env: {
      ...inherited,
      DISCORD_TOKEN: fake.token,
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: join(dir, 'kb'),
      INDEX_CACHE_DIR: 'off',
      KB_GUILD_IDS: fake.guildId,
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = once(child, 'exit').then(([code, signal]) => (code ?? signal) as number | string);
  return {
    child,
    dir,
    stderr: () => stderr,
    logs: () =>
      stderr
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { msg: string }),
    exited: () => exit,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exit;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
