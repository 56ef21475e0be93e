import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { AskRecord, FeedbackStore } from './store.js';

/** The files in DATA_DIR. */
export const FEEDBACK_DB = 'feedback.sqlite';
export const USER_KEY_FILE = 'user-id-key';

/** A question that went unanswered or got a 👎, with how often. */
export interface Gap {
  readonly question: string;
  readonly asked: number;
  readonly unanswered: number;
  readonly downVotes: number;
  readonly upVotes: number;
  /** Milliseconds since the epoch. */
  readonly lastAskedAt: number;
  /** Passage ids cited the last time it was answered, if ever. */
  readonly citations: readonly string[];
}

export interface GapQuery {
  readonly days: number;
  readonly limit: number;
  /** Injectable clock for tests. */
  readonly now?: number;
}

/** The store the bot writes to, plus what moderators read back. */
export interface SqliteFeedbackStore extends FeedbackStore {
  gaps(query: GapQuery): Gap[];
  /** Hashes a user id the way the store keeps it, so a test can find a vote without the raw id. */
  userHash(userId: string): string;
}

/** Why the store could not open, for the warning; the bot answers on without it. */
export type OpenResult =
  | { readonly ok: true; readonly store: SqliteFeedbackStore; readonly recreated?: string }
  | { readonly ok: false; readonly error: string };

const SCHEMA_VERSION = 1;
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS asks (
    id TEXT PRIMARY KEY,
    at INTEGER NOT NULL,
    user_hash TEXT NOT NULL,
    guild_id TEXT,
    channel_id TEXT NOT NULL,
    question TEXT NOT NULL,
    -- The question folded (case, spaces, final punctuation), so repeats are counted together.
    question_key TEXT NOT NULL,
    answered INTEGER NOT NULL,
    citations TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS asks_at ON asks (at);
  CREATE TABLE IF NOT EXISTS votes (
    ask_id TEXT NOT NULL,
    user_hash TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    at INTEGER NOT NULL,
    -- One vote per member per answer; changing it replaces it.
    PRIMARY KEY (ask_id, user_hash)
  );
`;

/** How long a write waits for another shard's transaction before giving up. */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (or creates) the feedback database in `dataDir`. A file that is not a readable database is
 * moved aside (`feedback.sqlite.corrupt-<time>`) and a new one is created; `recreated` says so. Any
 * other failure comes back as an error value: the caller warns and runs without a store.
 */
export function openFeedbackStore(dataDir: string): OpenResult {
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const key = userIdKey(dataDir);
    const path = join(dataDir, FEEDBACK_DB);
    try {
      return { ok: true, store: storeOn(openDatabase(path), key) };
    } catch (error) {
      const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      moveAside(path, aside);
      return {
        ok: true,
        store: storeOn(openDatabase(path), key),
        recreated: `${errorText(error)}; the old file is kept as ${aside}`,
      };
    }
  } catch (error) {
    return { ok: false, error: errorText(error) };
  }
}

/**
 * The HMAC key for user ids, made on first start and kept beside the database: the store never holds a
 * raw id, and without this file the hashes cannot be matched to ids by trying them all. Created with
 * O_EXCL so two shards starting together agree on one key.
 */
function userIdKey(dataDir: string): Buffer {
  const file = join(dataDir, USER_KEY_FILE);
  try {
    writeFileSync(file, randomBytes(32).toString('hex'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(key))
    throw new Error(`${file} is not a key this bot wrote; remove it to make a new one`);
  return Buffer.from(key, 'hex');
}

function openDatabase(path: string): Database.Database {
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    // WAL lets every shard write while the others read. Each commit is in the WAL file before the
    // member is told the vote counted, so kill -9 loses nothing acknowledged; NORMAL skips the fsync
    // per commit (only a power cut could lose the last moments), which would stall the event loop.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`the database failed its integrity check: ${String(check)}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION)
      throw new Error(`the database is from a newer Casefile (schema ${version})`);
    db.exec(SCHEMA);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function moveAside(path: string, aside: string): void {
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      renameSync(path + suffix, aside + suffix);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') rmSync(path + suffix, { force: true });
    }
  }
}

/** Case, spacing and final punctuation do not make a different question. */
export const questionKey = (question: string): string =>
  question
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/, '')
    .trim();

function storeOn(db: Database.Database, key: Buffer): SqliteFeedbackStore {
  const hash = (userId: string) => createHmac('sha256', key).update(userId).digest('hex');
  const insertAsk = db.prepare(
    `INSERT OR IGNORE INTO asks (id, at, user_hash, guild_id, channel_id, question, question_key, answered, citations)
     VALUES (@id, @at, @userHash, @guildId, @channelId, @question, @questionKey, @answered, @citations)`,
  );
  const upsertVote = db.prepare(
    `INSERT INTO votes (ask_id, user_hash, vote, at) VALUES (?, ?, ?, ?)
     ON CONFLICT (ask_id, user_hash) DO UPDATE SET vote = excluded.vote, at = excluded.at`,
  );
  // Per question: how often asked, how often unanswered, its votes; only those with a gap.
  const selectGaps = db.prepare(`
    WITH recent AS (
      SELECT a.*,
        (SELECT COUNT(*) FROM votes v WHERE v.ask_id = a.id AND v.vote = 'down') AS downs,
        (SELECT COUNT(*) FROM votes v WHERE v.ask_id = a.id AND v.vote = 'up') AS ups
      FROM asks a WHERE a.at >= ?
    )
    SELECT
      (SELECT r2.question FROM recent r2 WHERE r2.question_key = r.question_key ORDER BY r2.at DESC LIMIT 1) AS question,
      (SELECT r3.citations FROM recent r3 WHERE r3.question_key = r.question_key AND r3.answered = 1
         ORDER BY r3.at DESC LIMIT 1) AS citations,
      COUNT(*) AS asked,
      SUM(r.answered = 0) AS unanswered,
      SUM(r.downs) AS downVotes,
      SUM(r.ups) AS upVotes,
      MAX(r.at) AS lastAskedAt
    FROM recent r
    GROUP BY r.question_key
    HAVING SUM(r.answered = 0) > 0 OR SUM(r.downs) > 0
    ORDER BY SUM(r.answered = 0) + SUM(r.downs) DESC, COUNT(*) DESC, MAX(r.at) DESC
    LIMIT ?
  `);
  let open = true;
  return {
    recordAsk(record: AskRecord) {
      insertAsk.run({
        id: record.id,
        at: Date.now(),
        userHash: hash(record.userId),
        guildId: record.guildId,
        channelId: record.channelId,
        question: record.question,
        questionKey: questionKey(record.question),
        answered: record.answered ? 1 : 0,
        citations: JSON.stringify(record.citations),
      });
    },
    recordVote(askId, userId, vote) {
      upsertVote.run(askId, hash(userId), vote, Date.now());
    },
    gaps({ days, limit, now = Date.now() }) {
      const rows = selectGaps.all(now - days * 86_400_000, limit) as Array<
        Omit<Gap, 'citations'> & { citations: string | null }
      >;
      return rows.map((row) => ({
        ...row,
        citations: row.citations ? (JSON.parse(row.citations) as string[]) : [],
      }));
    },
    userHash: hash,
    close() {
      if (!open) return;
      open = false;
      db.close();
    },
  };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));
