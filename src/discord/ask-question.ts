import { randomBytes } from 'node:crypto';
import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord.js';
import { answer, readQuestion } from '../core/index.js';
import { suggestionsFor } from './autocomplete.js';
import { answerButtons } from './components/answer-buttons.js';
import type { BotContext } from './context.js';
import { formatAnswerForDiscord, type DiscordAnswer } from './format/answer.js';
import { ui } from './i18n.js';

export interface AnswerMessage extends DiscordAnswer {
  readonly components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
}

/** What to send back: the answer, or a short note meant for the asker alone. */
export type QuestionReply =
  | {
      readonly kind: 'answer';
      readonly answered: boolean;
      /** The id the feedback store keeps this question under; the vote buttons carry it. */
      readonly askId: string;
      /** The question answered (checked, white space collapsed) and the passage ids it cited. */
      readonly question: string;
      readonly citations: readonly string[];
      readonly message: AnswerMessage;
    }
  | { readonly kind: 'note'; readonly outcome: 'invalid' | 'rate-limited'; readonly text: string };

export interface Asked {
  readonly userId: string;
  readonly guildId: string | null;
  readonly channelId: string;
  /** How the question came in, for the log: `ask`, `dm`, `mention`, `follow-up`, `message-command`… */
  readonly via: string;
  /** The question as the member typed it: what the public answer quotes. */
  readonly question: string;
  /** The question actually answered, when a follow-up was rewritten to name its subject. */
  readonly readAs?: string;
  /** For "Ask Casefile" on a message: whose message the question is. */
  readonly aboutAuthorId?: string;
  /** The asker's Discord locale, for the fixed UI strings. */
  readonly locale?: string | null;
  /** Sends the reply; the caller decides reply vs. message and ephemeral. */
  readonly send: (reply: QuestionReply) => Promise<unknown>;
}

/** A short random id: enough to tell questions apart in the feedback store, small in a custom_id. */
export const newAskId = (): string => randomBytes(6).toString('base64url');

/**
 * The one path every question takes, whatever door it came through: check it, rate-limit it,
 * answer it from the index in use right now, send, record it, and log one line.
 */
export async function askQuestion(context: BotContext, asked: Asked): Promise<QuestionReply> {
  const started = performance.now();
  const reply = decide(context, asked);
  await asked.send(reply);
  if (reply.kind === 'answer') record(context, asked, reply);
  context.logger.info(
    {
      userId: asked.userId,
      command: asked.via,
      latencyMs: Math.round(performance.now() - started),
      answered: reply.kind === 'answer' && reply.answered,
      outcome: reply.kind === 'answer' ? (reply.answered ? 'answered' : 'abstained') : reply.outcome,
      ...(reply.kind === 'answer' ? { askId: reply.askId } : {}),
    },
    'question',
  );
  return reply;
}

function decide(context: BotContext, asked: Asked): QuestionReply {
  const strings = ui(asked.locale);
  const read = readQuestion(asked.readAs ?? asked.question);
  if (!read.ok) return { kind: 'note', outcome: 'invalid', text: strings.problems[read.error] };
  // Checked after validation, so a typo does not cost the asker one of their questions.
  const allowed = context.limiter.take(asked.userId);
  if (!allowed.ok)
    return {
      kind: 'note',
      outcome: 'rate-limited',
      text: strings.rateLimited(Math.ceil(allowed.retryAfterMs / 1000)),
    };
  const index = context.knowledge.current();
  const result = answer(index, read.value);
  const askId = newAskId();
  const askCommand = context.commandIds.get('ask');
  const formatted = formatAnswerForDiscord(result, {
    asked: {
      userId: asked.userId,
      question: asked.question,
      ...(asked.readAs !== undefined ? { readAs: asked.readAs } : {}),
      ...(asked.aboutAuthorId !== undefined ? { aboutAuthorId: asked.aboutAuthorId } : {}),
    },
    strings,
    documentOf: (id) => index.document(id),
    ...(result.answered ? {} : { suggestions: suggestionsFor(index, read.value.text) }),
    askCommand: askCommand ? `</ask:${askCommand}>` : '`/ask`',
  });
  return {
    kind: 'answer',
    answered: result.answered,
    askId,
    question: read.value.text,
    citations: result.citations.map((c) => c.passageId),
    message: { ...formatted, components: [answerButtons(askId, result.answered, strings)] },
  };
}

/** A failing store must never cost the member their answer: it is logged and the bot goes on. */
function record(context: BotContext, asked: Asked, reply: QuestionReply & { kind: 'answer' }): void {
  try {
    context.feedback.recordAsk({
      id: reply.askId,
      userId: asked.userId,
      guildId: asked.guildId,
      channelId: asked.channelId,
      question: reply.question,
      answered: reply.answered,
      citations: reply.citations,
    });
  } catch (error) {
    context.logger.warn({ err: error, askId: reply.askId }, 'could not record the question');
  }
}
