import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ApplicationCommandOptionType, type APIMessage } from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../src/feedback/sqlite-store.js';
import {
  MODERATOR_PERMISSIONS,
  callbackRoute,
  payloadOf,
  startHarness,
  type Harness,
} from './bot-harness.js';

const run = promisify(execFile);
const UNANSWERED = 'what colour is the courthouse?';
const ANSWERED = 'who detained Levashov and where?';

/** Starting the bot loads the knowledge on a worker thread: slow on a busy machine. */
const HOOK_MS = 60_000;

describe('E2E: a 👎 shows up in /kb gaps and in npm run feedback -- --export (issue 9 item 5)', () => {
  let h: Harness;
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'casefile-gaps-'));
    const opened = openFeedbackStore(dataDir);
    if (!opened.ok) throw new Error(opened.error);
    // The same store npm start opens in DATA_DIR; the bot closes it when it stops.
    h = await startHarness({ DATA_DIR: dataDir }, { feedback: opened.store });
  }, HOOK_MS);
  afterEach(async () => {
    await h.close();
    await rm(dataDir, { recursive: true, force: true });
  }, HOOK_MS);

  async function askPublicly(question: string): Promise<APIMessage> {
    const sent = h.fake.sendInteraction({
      commandName: 'ask',
      options: [{ name: 'question', type: ApplicationCommandOptionType.String, value: question }],
    });
    await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id));
    return h.fake.world.interactions.get(sent.token)!.original!;
  }
  const voteButton = (message: APIMessage, vote: 'up' | 'down') =>
    (message.components ?? [])
      .flatMap((row) =>
        'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
      )
      .find((id) => id.startsWith('vote:') && id.endsWith(`:${vote}`))!;

  it('GIVEN an unanswered question asked twice and a 👎 on an answer THEN both are gaps with their counts, and the export is an eval file', async () => {
    await askPublicly(UNANSWERED);
    await askPublicly(UNANSWERED);
    const answer = await askPublicly(ANSWERED);
    await askPublicly('What is Levashov accused of?');
    const click = h.fake.clickButton({ message: answer, customId: voteButton(answer, 'down') });
    await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(click.id));

    const sent = h.fake.sendInteraction({
      commandName: 'kb',
      permissions: MODERATOR_PERMISSIONS,
      options: [{ name: 'gaps', type: ApplicationCommandOptionType.Subcommand, options: [] }],
    });
    const gaps = payloadOf(await h.fake.waitForRequest((r) => callbackRoute(r) && r.path.includes(sent.id)));

    const lines = (gaps.content as string).split('\n');
    expect(lines[0]).toBe('📉 Questions of the last 30 days with no answer or a 👎, most asked first:');
    expect(lines[1]).toBe(`1. “${UNANSWERED}” · asked 2×, 2 unanswered`);
    expect(lines[2]).toBe(`2. “${ANSWERED}” · asked 1×, 1 👎`);
    expect(gaps.content).not.toContain('accused');

    const file = join(dataDir, 'gaps.jsonl');
    const { stdout } = await run(process.execPath, ['dist/cli/feedback.js', '--export', file], {
      env: { ...process.env, DATA_DIR: dataDir },
    });
    expect(stdout).toContain(`Wrote 2 questions to ${file}`);
    const exported = (await readFile(file, 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(exported).toEqual([
      expect.objectContaining({ q: UNANSWERED, expect: [], asked: 2, unanswered: 2 }),
      expect.objectContaining({
        q: ANSWERED,
        expect: [],
        asked: 1,
        down_votes: 1,
        cited: [expect.any(String)],
      }),
    ]);
    expect(exported[0].id).toMatch(/^feedback-[0-9a-f]{10}$/);
  }, 30_000);
});
