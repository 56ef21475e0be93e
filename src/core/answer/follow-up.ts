import type { SearchIndex } from '../search/build-index.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { termsOf } from '../text/terms.js';

/** Tells whether a name occurs in the knowledge base, so "Who" or "Tell" never becomes a subject. */
export type IsKnownName = (name: string) => boolean;

/** A follow-up question rewritten to stand on its own, and the subject it was given (if any). */
export interface FollowUp {
  readonly question: string;
  /** The previous question's subject that was put into the follow-up; undefined when left as typed. */
  readonly subject?: string;
}

// Runs of capitalised words ("Stanislav Lisov", "U.S. Department of Justice" is cut at "of").
const NAME_SPAN = /\p{Lu}[\p{L}\p{M}'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{M}'’.-]*)*/gu;
const SUBJECT_PRONOUN = /\b(he|she|they|it|him|them)\b/i;
const POSSESSIVE = /\b(his|its|their|hers)\b/i;
// "her" is possessive before a noun ("her husband") and an object otherwise ("they arrested her").
const HER = /\bher\b(?=(\s+\p{L}+)?)/iu;
const ALL_PRONOUNS = /\b(he|she|they|it|him|them|his|its|their|hers|her)\b/i;

/** True when every term of the name is indexed: the name appears in some passage. */
export function knownNameIn(index: SearchIndex): IsKnownName {
  return (name) => {
    const terms = termsOf(name);
    return terms.length > 0 && terms.every((t) => index.vocabulary.df.has(t));
  };
}

/**
 * The subject of a question: its last run of capitalised words that the knowledge base knows, with
 * sentence-initial question words ("Who", "When", "Tell") dropped from the run.
 */
export function subjectOf(question: string, isKnown: IsKnownName): string | undefined {
  let subject: string | undefined;
  for (const match of question.matchAll(NAME_SPAN)) {
    const words = match[0].split(/[ \t]+/);
    while (words.length > 0 && STOP_WORDS.has(words[0]!.toLowerCase())) words.shift();
    const name = words.join(' ').replace(/['’]s$|[.'’]+$/u, '');
    if (name !== '' && isKnown(name)) subject = name;
  }
  return subject;
}

/**
 * Rewrites a follow-up so it stands alone: a pronoun ("when was he detained?") or a missing subject
 * ("and in which city?") refers to what the previous question was about. A follow-up that names its
 * own subject is left as typed. Pure: the caller says which names the knowledge base knows.
 *
 * ### Usage
 * ```ts
 * resolveFollowUp('who is Stanislav Lisov?', 'and when was he detained?', knownNameIn(index))
 * // → { question: 'and when was Stanislav Lisov detained?', subject: 'Stanislav Lisov' }
 * ```
 */
export function resolveFollowUp(previous: string, question: string, isKnown: IsKnownName): FollowUp {
  if (subjectOf(question, isKnown) !== undefined) return { question };
  const subject = subjectOf(previous, isKnown);
  if (subject === undefined) return { question };
  const possessive = /s$/i.test(subject) ? `${subject}’` : `${subject}’s`;
  if (ALL_PRONOUNS.test(question)) {
    // Only the first pronoun is replaced: "was he detained before he left?" reads fine with one name.
    let rewritten: string;
    const her = HER.exec(question);
    const firstPronoun = ALL_PRONOUNS.exec(question)!;
    if (her && her.index === firstPronoun.index) {
      const next = her[1]?.trim().toLowerCase();
      const isPossessive = next !== undefined && !STOP_WORDS.has(next);
      rewritten = replaceAt(question, her.index, 3, isPossessive ? possessive : subject);
    } else if (POSSESSIVE.exec(question)?.index === firstPronoun.index) {
      rewritten = replaceAt(question, firstPronoun.index, firstPronoun[0].length, possessive);
    } else {
      const m = SUBJECT_PRONOUN.exec(question)!;
      rewritten = replaceAt(question, m.index, m[0].length, subject);
    }
    return { question: rewritten, subject };
  }
  const body = question.replace(/[\s?.!]+$/u, '');
  return { question: `${body}, ${subject}?`, subject };
}

const replaceAt = (text: string, at: number, length: number, by: string): string =>
  text.slice(0, at) + by + text.slice(at + length);
