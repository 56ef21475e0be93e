import { parseDocDate } from './calendar.js';
import type { Span, TagContext } from './context.js';
import { readDate } from './dates.js';
import { readEntities, type Surnames, type Unresolved } from './entities.js';
import { readGivenName } from './given-names.js';
import type { Mention } from './mention.js';
import { readQuantity } from './quantities.js';
import { tokenize, type Token } from './tokens.js';

export interface TaggablePassage {
  readonly text: string;
  /** The document's front-matter date (YYYY[-MM[-DD]]), for relative dates and datelines. */
  readonly date?: string | undefined;
}

const byPosition = (a: Mention, b: Mention): number =>
  a.start - b.start || a.end - b.end || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0);

function toMention(tokens: readonly Token[], s: Span): Mention {
  return { type: s.type, start: tokens[s.first]!.start, end: tokens[s.last]!.end, value: s.value };
}

interface Pending {
  readonly passage: number;
  readonly tokens: readonly Token[];
  readonly words: readonly Unresolved[];
}

/**
 * Tags passages one at a time (so a caller can let the event loop in between), then resolves what needs
 * the whole knowledge base: a lone surname is a person once any passage has named that person in full.
 */
export class Tagger {
  private readonly out: Mention[][] = [];
  private readonly surnames: Surnames = new Set();
  private readonly pending: Pending[] = [];

  add(passage: TaggablePassage): void {
    const tokens = tokenize(passage.text);
    const ctx: TagContext = { tokens, doc: parseDocDate(passage.date) };
    const spans: Span[] = [];
    const taken = new Array<boolean>(tokens.length).fill(false);
    for (let i = 0; i < tokens.length;) {
      const found = readDate(ctx, i) ?? readQuantity(ctx, i);
      if (!found) {
        i++;
        continue;
      }
      for (const s of found.spans) {
        spans.push(s);
        for (let k = s.first; k <= s.last; k++) taken[k] = true;
      }
      i = Math.max(found.end, i + 1);
    }
    for (let i = 0; i < tokens.length;) {
      const named = readGivenName(passage.text, ctx, i);
      if (!named) {
        i++;
        continue;
      }
      spans.push(...named.spans);
      i = Math.max(named.end, i + 1);
    }
    const unresolved: Unresolved[] = [];
    spans.push(...readEntities(passage.text, ctx, taken, this.surnames, unresolved));
    if (unresolved.length > 0) this.pending.push({ passage: this.out.length, tokens, words: unresolved });
    this.out.push(spans.map((s) => toMention(tokens, s)));
  }

  finish(): Mention[][] {
    for (const p of this.pending) {
      const found = p.words.filter((w) => this.surnames.has(w.word));
      if (found.length === 0) continue;
      const list = this.out[p.passage]!;
      for (const w of found)
        list.push(toMention(p.tokens, { type: 'person', first: w.first, last: w.last, value: w.word }));
    }
    this.pending.length = 0;
    for (const list of this.out) list.sort(byPosition);
    return this.out;
  }
}
