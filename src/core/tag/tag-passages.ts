import type { Mention, MentionType } from './mention.js';
import { Tagger, type TaggablePassage } from './tagger.js';

/** Tags every passage once; `date` is the document's front-matter date (YYYY[-MM[-DD]]) used to resolve relative dates and datelines. */
export function tagPassages(passages: readonly TaggablePassage[]): Mention[][] {
  const tagger = new Tagger();
  for (const p of passages) tagger.add(p);
  return tagger.finish();
}

/** Tags one short text (a question) the same way, so its own mentions can be told from an answer's. */
export function tagText(text: string, date?: string): Mention[] {
  return tagPassages([{ text, date }])[0] ?? [];
}

/** The mentions of one type, in passage order: no NLP at question time. */
export function mentionsOfType(tags: readonly Mention[], type: MentionType): Mention[] {
  return tags.filter((m) => m.type === type);
}
