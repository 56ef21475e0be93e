import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FEEDBACK_DB,
  USER_KEY_FILE,
  openFeedbackStore,
  type SqliteFeedbackStore,
} from '../../src/feedback/sqlite-store.js';
import type { AskRecord } from '../../src/feedback/store.js';

const ask = (id: string, question: string, answered: boolean, userId = '111111111111111111'): AskRecord => ({
  id,
  userId,
  guildId: '222222222222222222',
  channelId: '333333333333333333',
  question,
  answered,
  citations: answered ? ['king-of-spam#p1.s1'] : [],
});

describe('SQLite feedback store', () => {
  let dir: string;
  let store: SqliteFeedbackStore | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'casefile-feedback-'));
  });
  afterEach(async () => {
    store?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const open = (): SqliteFeedbackStore => {
    const opened = openFeedbackStore(dir);
    if (!opened.ok) throw new Error(opened.error);
    store = opened.store;
    return opened.store;
  };

  it('GIVEN questions and votes THEN gaps counts repeats together, unanswered or 👎 only, most asked first', () => {
    const s = open();
    s.recordAsk(ask('a1', 'Who was the judge?', false));
    s.recordAsk(ask('a2', 'who was the judge', false, '444444444444444444'));
    s.recordAsk(ask('a3', 'Where was Levashov detained?', true));
    s.recordVote('a3', '111111111111111111', 'down');
    s.recordAsk(ask('a4', 'What is Levashov accused of?', true));
    s.recordVote('a4', '111111111111111111', 'up');
    // A changed vote replaces the earlier one.
    s.recordVote('a3', '444444444444444444', 'up');
    s.recordVote('a3', '444444444444444444', 'down');

    const gaps = s.gaps({ days: 30, limit: 10 });

    expect(gaps).toEqual([
      expect.objectContaining({ question: 'who was the judge', asked: 2, unanswered: 2, downVotes: 0 }),
      expect.objectContaining({
        question: 'Where was Levashov detained?',
        asked: 1,
        unanswered: 0,
        downVotes: 2,
        upVotes: 0,
        citations: ['king-of-spam#p1.s1'],
      }),
    ]);
    // Older than the window: not shown.
    expect(s.gaps({ days: 1, limit: 10, now: Date.now() + 2 * 86_400_000 })).toEqual([]);
  });

  it('GIVEN a user id THEN only its keyed hash is stored, with a key made once and kept in DATA_DIR', () => {
    const s = open();
    s.recordAsk(ask('a1', 'Who was the judge?', false));
    s.recordVote('a1', '111111111111111111', 'down');
    const key = readFileSync(join(dir, USER_KEY_FILE), 'utf8');
    s.close();

    const bytes = readFileSync(join(dir, FEEDBACK_DB));
    const wal = existsSync(join(dir, `${FEEDBACK_DB}-wal`))
      ? readFileSync(join(dir, `${FEEDBACK_DB}-wal`))
      : Buffer.alloc(0);
    expect(Buffer.concat([bytes, wal]).includes('111111111111111111')).toBe(false);
    const again = open();
    expect(readFileSync(join(dir, USER_KEY_FILE), 'utf8')).toBe(key);
    const db = new Database(join(dir, FEEDBACK_DB), { readonly: true });
    const stored = db.prepare('SELECT user_hash FROM votes').get() as { user_hash: string };
    db.close();
    expect(stored.user_hash).toBe(again.userHash('111111111111111111'));
    expect(stored.user_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('GIVEN a corrupt database file THEN it is moved aside and a new one is created', () => {
    writeFileSync(join(dir, FEEDBACK_DB), 'this is not a database '.repeat(200));

    const opened = openFeedbackStore(dir);

    expect(opened).toMatchObject({ ok: true, recreated: expect.stringMatching(/not a database.*corrupt-/) });
    if (opened.ok) store = opened.store;
    store!.recordAsk(ask('a1', 'Who was the judge?', false));
    expect(store!.gaps({ days: 1, limit: 5 })).toHaveLength(1);
    expect(readdirSync(dir).some((name) => name.startsWith(`${FEEDBACK_DB}.corrupt-`))).toBe(true);
  });

  it('GIVEN a DATA_DIR that cannot be created THEN opening fails as a value, not an exception', () => {
    writeFileSync(join(dir, 'a-file'), '');
    expect(openFeedbackStore(join(dir, 'a-file', 'data'))).toMatchObject({
      ok: false,
      error: expect.any(String),
    });
  });
});
