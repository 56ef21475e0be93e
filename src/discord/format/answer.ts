import { hyperlink, type APIEmbed, type APIEmbedField } from 'discord.js';
import type { Answer, Citation } from '../../core/index.js';
import {
  EMBED_FIELD_NAME_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_FIELDS_MAX,
  EMBEDS_TOTAL_MAX,
  MESSAGE_CONTENT_MAX,
} from '../limits.js';
import { escapeDiscord } from './escape.js';
import { escapeAndShorten } from './shorten.js';

export interface DiscordAnswer {
  readonly content: string;
  readonly embeds: APIEmbed[];
}

const SOURCES_TITLE = 'Sources';
const RELATED_TITLE = 'Closest passages (they do not answer it)';
// Kept free in the 6,000 total for the footer that says how many sources were left out.
const FOOTER_RESERVE = 64;
const SOURCE_COLOR = 0x5865f2;

/**
 * The Discord rendering of a core answer: the answer text (with its [n] markers) as the message,
 * and one embed field per source quoting the passage. Everything taken from documents is
 * Markdown-escaped, and every piece is shortened to fit Discord's limits.
 */
export function formatAnswerForDiscord(answer: Answer): DiscordAnswer {
  const content = escapeAndShorten(answer.text, MESSAGE_CONTENT_MAX) || '…';
  const sources = answer.answered ? answer.citations : answer.related;
  if (sources.length === 0) return { content, embeds: [] };
  return { content, embeds: [sourcesEmbed(answer.answered ? SOURCES_TITLE : RELATED_TITLE, sources)] };
}

function sourcesEmbed(title: string, sources: readonly Citation[]): APIEmbed {
  const shown = sources.slice(0, EMBED_FIELDS_MAX);
  // Share the 6,000 evenly, so one long source cannot crowd out the others; a name gets a quarter.
  const perField = Math.floor((EMBEDS_TOTAL_MAX - FOOTER_RESERVE - title.length) / shown.length);
  const nameMax = Math.min(EMBED_FIELD_NAME_MAX, Math.floor(perField / 4));
  const fields: APIEmbedField[] = shown.map((c) => {
    const name = fieldName(c, nameMax);
    return { name, value: fieldValue(c, Math.min(EMBED_FIELD_VALUE_MAX, perField - name.length)) };
  });
  const left = sources.length - shown.length;
  return {
    title,
    color: SOURCE_COLOR,
    fields,
    ...(left > 0 ? { footer: { text: `${left} more source${left === 1 ? '' : 's'} not shown` } } : {}),
  };
}

function fieldName(c: Citation, max: number): string {
  const marker = `[${c.n}] `;
  return marker + escapeAndShorten(c.title, max - marker.length);
}

/** `location: "passage"`, then the link on its own line; the link is never cut, only left out if it cannot fit. */
function fieldValue(c: Citation, max: number): string {
  const link = c.url ? `\n${hyperlink('Open document', safeUrl(c.url))}` : '';
  const keepLink = link.length <= max / 2;
  const tail = keepLink ? link : '';
  const head = `${escapeDiscord(c.location)}: “`;
  const passage = escapeAndShorten(c.passage, Math.max(1, max - head.length - 1 - tail.length));
  return `${head}${passage}”${tail}`.slice(0, max);
}

// A ")" would end the Markdown link early; percent-encoding keeps the same address.
const safeUrl = (url: string): string => url.replace(/\(/g, '%28').replace(/\)/g, '%29');
