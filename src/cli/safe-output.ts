import { once } from 'node:events';
import { type Answer, type Citation, dropInvisible } from '../core/index.js';

/**
 * The same caps as a Discord reply, so the CLI shows what the bot would: the answer as one message's
 * content, each quoted passage as one embed field, at most ten sources. A 4.9 MB sentence prints a
 * capped answer, not 9.8 MB.
 */
export const CLI_ANSWER_LIMITS = {
  /** Discord message content. */
  answerChars: 2_000,
  /** Discord embed field value. */
  passageChars: 1_024,
  /** Discord embed title. */
  titleChars: 256,
  sources: 10,
  urlChars: 512,
} as const;

/** Cut at a word boundary when there is one in the last fifth, with "…" added. */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = max - 1;
  const space = text.lastIndexOf(' ', room);
  const cut = space > room * 0.8 ? space : room;
  return `${text.slice(0, cut).trimEnd()}…`;
}

/** Printable text: no escape sequences, BiDi overrides or zero-width characters from a document. */
const clean = (text: string, max: number): string => capText(dropInvisible(text), max);

function safeCitation(c: Citation): Citation {
  return {
    ...c,
    title: clean(c.title, CLI_ANSWER_LIMITS.titleChars),
    location: clean(c.location, CLI_ANSWER_LIMITS.titleChars),
    passage: clean(c.passage, CLI_ANSWER_LIMITS.passageChars),
    ...(c.url !== undefined ? { url: clean(c.url, CLI_ANSWER_LIMITS.urlChars) } : {}),
  };
}

/** The answer as every output mode prints it: capped to Discord's limits and free of control characters. */
export function safeAnswer(a: Answer): Answer {
  return {
    ...a,
    text: clean(a.text, CLI_ANSWER_LIMITS.answerChars),
    citations: a.citations.slice(0, CLI_ANSWER_LIMITS.sources).map(safeCitation),
    related: a.related.slice(0, CLI_ANSWER_LIMITS.sources).map(safeCitation),
  };
}

/**
 * Writes and waits while the reader is behind (a slow pipe), so a long batch never piles up in memory.
 * A closed pipe (`| head -1`) is handled once for the process by exitQuietlyOnClosedPipe.
 */
export async function writeOut(output: NodeJS.WritableStream, text: string): Promise<void> {
  if (!output.write(text)) await once(output, 'drain');
}

/** `casefile ask … | head -1`: when the reader goes away, stop quietly instead of dying on EPIPE. */
export function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') exit(0);
    else exit(74); // EX_IOERR
  });
}
