import { createHash } from 'node:crypto';
import type { Gap } from './sqlite-store.js';

/**
 * Gaps as lines of an eval question file (the format `npm run eval -- --questions FILE` reads), so a
 * bad answer becomes a regression test. The answer fields are left for a moderator: `expect` is empty
 * (the eval reports the line until it is filled in, or until it is marked `"impossible": true`); the
 * counts and the passages cited last time say why the question is there.
 */
export function gapsAsQuestionFile(gaps: readonly Gap[]): string {
  return gaps
    .map((gap) =>
      JSON.stringify({
        id: `feedback-${createHash('sha256').update(gap.question.toLowerCase()).digest('hex').slice(0, 10)}`,
        q: gap.question,
        expect: [],
        asked: gap.asked,
        unanswered: gap.unanswered,
        down_votes: gap.downVotes,
        up_votes: gap.upVotes,
        cited: gap.citations,
      }),
    )
    .map((line) => `${line}\n`)
    .join('');
}
