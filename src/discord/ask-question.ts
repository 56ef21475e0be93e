import { answer, checkQuestion, QUESTION_PROBLEM_TEXT } from '../core/index.js';
import type { BotContext } from './context.js';
import { formatAnswerForDiscord, type DiscordAnswer } from './format/answer.js';
import { rateLimitedText } from './replies.js';

/** What to send back: the answer, or a short note meant for the asker alone. */
export type QuestionReply =
  | { readonly kind: 'answer'; readonly answered: boolean; readonly message: DiscordAnswer }
  | { readonly kind: 'note'; readonly outcome: 'invalid' | 'rate-limited'; readonly text: string };

export interface Asked {
  readonly userId: string;
  /** How the question came in, for the log: `ask`, `dm` or `mention`. */
  readonly via: string;
  readonly question: string;
  /** Sends the reply; the caller decides reply vs. message and ephemeral. */
  readonly send: (reply: QuestionReply) => Promise<unknown>;
}

/**
 * The one path every question takes, whatever door it came through: check it, rate-limit it,
 * answer it from the index in use right now, send, and log one line. The answering is the core's.
 */
export async function askQuestion(context: BotContext, asked: Asked): Promise<void> {
  const started = performance.now();
  const reply = decide(context, asked);
  await asked.send(reply);
  context.logger.info(
    {
      userId: asked.userId,
      command: asked.via,
      latencyMs: Math.round(performance.now() - started),
      answered: reply.kind === 'answer' && reply.answered,
      outcome: reply.kind === 'answer' ? (reply.answered ? 'answered' : 'abstained') : reply.outcome,
    },
    'question',
  );
}

function decide(context: BotContext, asked: Asked): QuestionReply {
  const checked = checkQuestion(asked.question);
  if (!checked.ok) return { kind: 'note', outcome: 'invalid', text: QUESTION_PROBLEM_TEXT[checked.error] };
  // Checked after validation, so a typo does not cost the asker one of their questions.
  const allowed = context.limiter.take(asked.userId);
  if (!allowed.ok)
    return { kind: 'note', outcome: 'rate-limited', text: rateLimitedText(allowed.retryAfterMs) };
  const result = answer(context.knowledge.current(), checked.value);
  return { kind: 'answer', answered: result.answered, message: formatAnswerForDiscord(result) };
}
