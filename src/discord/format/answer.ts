import type { APIEmbed } from 'discord.js';
import type { Answer, Citation, KnowledgeDocument } from '../../core/index.js';
import { ui, type UiStrings } from '../i18n.js';
import { EMBED_DESCRIPTION_MAX, MESSAGE_CONTENT_MAX } from '../limits.js';
import { quoteAsked, type AskedBy } from './question-quote.js';
import { escapeAndShorten } from './shorten.js';

export interface DiscordAnswer {
  readonly content: string;
  readonly embeds: APIEmbed[];
}

export interface AnswerView {
  /** Who asked what: quoted above the answer, because Discord never shows a command's options to others. */
  readonly asked?: AskedBy;
  readonly strings?: UiStrings;
  /** Looks up a cited document for its `source`, `date` and `url`. */
  readonly documentOf?: (id: string) => Pick<KnowledgeDocument, 'source' | 'date' | 'url'> | undefined;
  /** Questions the documents do answer, offered with an abstention. */
  readonly suggestions?: readonly string[];
  /** How to name the ask command in text: a clickable `</ask:id>` when its id is known. */
  readonly askCommand?: string;
}

const SOURCE_COLOR = 0x5865f2;
const QUOTE_MAX = 280;
const RELATED_QUOTE_MAX = 200;
const SUGGESTIONS_SHOWN = 3;

/**
 * The Discord rendering of a core answer: who asked what, the answer with its [n] markers, and one
 * compact line per source (title · ¶ · source · date, linked when the document has a url). A passage
 * is quoted only when the answer does not already show it whole. An abstention says what was
 * missing and offers questions the documents do answer. Everything taken from documents or members
 * goes through escapeDiscord, and every piece fits Discord's limits.
 */
export function formatAnswerForDiscord(answer: Answer, view: AnswerView = {}): DiscordAnswer {
  const strings = view.strings ?? ui('en');
  const head = view.asked ? `${quoteAsked(view.asked, strings)}\n` : '';
  const tail = answer.answered ? '' : abstentionTail(answer, view, strings);
  const room = MESSAGE_CONTENT_MAX - head.length - tail.length;
  const body = escapeAndShorten(answer.text, Math.max(1, room)) || '…';
  const content = `${head}${body}${tail}`.slice(0, MESSAGE_CONTENT_MAX);
  const sources = answer.answered ? answer.citations : answer.related;
  if (sources.length === 0) return { content, embeds: [] };
  const shownWhole = (c: Citation) =>
    answer.answered && collapse(answer.text).includes(collapse(c.passage).replace(/[.!?]$/, ''));
  const lines = sources.map((c) => {
    const quoteMax = answer.answered ? QUOTE_MAX : RELATED_QUOTE_MAX;
    const line = sourceLine(c, view.documentOf?.(c.documentId));
    return shownWhole(c) ? line : `${line}\n> “${escapeAndShorten(c.passage, quoteMax)}”`;
  });
  return {
    content,
    embeds: [
      {
        title: answer.answered ? strings.sources : strings.related,
        color: SOURCE_COLOR,
        description: fitLines(lines, EMBED_DESCRIPTION_MAX),
      },
    ],
  };
}

/** `**[n]** [Title](url) · ¶6 · Source · 2017-04-10`: one line a phone shows whole. */
export function sourceLine(
  c: Citation,
  doc: Pick<KnowledgeDocument, 'source' | 'date' | 'url'> | undefined,
): string {
  const title = escapeAndShorten(c.title, 120);
  const url = safeUrl(doc?.url ?? c.url);
  // Inside a link's text a bracket would end it early; escaped, it shows as itself.
  const shownTitle = url ? `[${title.replace(/[[\]]/g, '\\$&')}](${url})` : `**${title}**`;
  const parts = [
    `**[${c.n}]** ${shownTitle}`,
    escapeAndShorten(c.location, 80),
    ...(doc?.source ? [escapeAndShorten(doc.source, 60)] : []),
    ...(doc?.date ? [escapeAndShorten(doc.date, 20)] : []),
  ];
  return parts.join(' · ');
}

function abstentionTail(answer: Answer, view: AnswerView, strings: UiStrings): string {
  const out: string[] = [];
  const missing = missingOf(answer);
  // The answerer may already say it in the text; it is said once.
  if (missing && !collapse(answer.text).includes(collapse(missing)))
    out.push(`**${strings.missingPrefix}:** ${escapeAndShorten(missing, 300)}`);
  const suggestions = (view.suggestions ?? []).slice(0, SUGGESTIONS_SHOWN);
  if (suggestions.length > 0) {
    const via = view.askCommand ? ` (${view.askCommand})` : '';
    out.push(`**${strings.tryInstead}**${via}:`, ...suggestions.map((q) => `• ${escapeAndShorten(q, 100)}`));
  }
  return out.length === 0 ? '' : `\n${out.join('\n')}`;
}

/** The core may say what was missing (`missing`: a phrase or a list of terms); optional on purpose. */
function missingOf(answer: Answer): string | undefined {
  const missing = (answer as { missing?: unknown }).missing;
  if (typeof missing === 'string') return missing.trim() || undefined;
  if (Array.isArray(missing)) {
    const words = missing.filter((m): m is string => typeof m === 'string' && m.trim() !== '');
    return words.length > 0 ? words.join(', ') : undefined;
  }
  return undefined;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** Only http(s) links, with the characters that would end a Markdown link percent-encoded. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url || !/^https?:\/\/[^\s]+$/i.test(url)) return undefined;
  return url.replace(/[()<>[\]]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Whole lines only: a long list ends with "…and N more" instead of a cut line. */
export function fitLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let length = 0;
  for (const [i, line] of lines.entries()) {
    const more = `…and ${lines.length - i} more`;
    const isLast = i === lines.length - 1;
    if (length + line.length + (isLast ? 0 : more.length + 1) > max) {
      kept.push(line.length + length <= max && isLast ? line : more);
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}
