import { nounClasses } from '../lexicon/table.js';
import { lowerAt, type Span, type TagContext } from './context.js';
import { foldName } from './fold.js';
import { gazetteer, type Gazetteer, type WordKind } from './gazetteer.js';
import type { Token } from './tokens.js';

/** Words inside a name that are not capitalised ("Department of Justice", "Ludwig van Beethoven"). */
const CONNECTORS = new Set([
  'of',
  'for',
  'de',
  'del',
  'della',
  'da',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'on',
  '&',
]);
const NAME_ABBREVIATIONS = new Set(['st', 'ste', 'mt', 'ft', 'pt', 'jr', 'sr']);
/** Titles before a person's name: the name is what follows them. */
const TITLES = new Set([
  'president',
  'judge',
  'senator',
  'secretary',
  'minister',
  'premier',
  'chancellor',
  'agent',
  'attorney',
  'prosecutor',
  'governor',
  'mayor',
  'ambassador',
  'commissioner',
  'director',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'king',
  'queen',
  'prince',
  'princess',
  'pope',
  'emperor',
  'sultan',
  'sheikh',
  'lord',
  'lady',
  'sir',
  'dame',
  'saint',
  'colonel',
  'captain',
  'lieutenant',
  'sergeant',
  'commander',
  'admiral',
  'detective',
  'inspector',
  'officer',
  'sheriff',
  'chairman',
  'chairwoman',
  'ceo',
  'founder',
  'professor',
  'deputy',
  'magistrate',
  'lawyer',
  'counsel',
  'bishop',
  'archbishop',
  'cardinal',
  'duke',
  'earl',
  'baron',
  'representative',
  'congressman',
  'congresswoman',
  'councillor',
  'councilman',
  'justice',
]);
/** Words that continue a title rather than start the name ("Attorney General Eric Holder"). */
const TITLE_TAILS = new Set(['general', 'adjoint', 'elect']);
/** Words that start a sentence or a name without being part of it. */
const LEADING_NOISE = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'his',
  'her',
  'its',
  'their',
  'our',
  'my',
  'mr',
  'mrs',
  'ms',
]);
/** Heads that make "X of Y" an organisation ("Department of Justice", "Bank of America"). */
const ORG_HEADS = new Set([
  'department',
  'ministry',
  'university',
  'bank',
  'bureau',
  'office',
  'court',
  'house',
  'council',
  'committee',
  'commission',
  'institute',
  'college',
  'school',
  'church',
  'academy',
  'federation',
  'union',
  'league',
  'society',
  'association',
]);
/** Verbs of speech: a capitalised name beside one is a person ("said Jenny Durkan", "Durkan said"). */
const SPEECH = new Set([
  'said',
  'says',
  'told',
  'added',
  'testified',
  'wrote',
  'argued',
  'admitted',
  'denied',
  'explained',
  'recalled',
  'insisted',
  'pleaded',
  'claimed',
  'stated',
  'tweeted',
]);
/** Prepositions after which an otherwise unknown single name is a place ("arrested in Zermatt"). */
const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'throughout']);
/** One place under its several spellings, so values compare across documents. */
const PLACE_ALIASES: ReadonlyMap<string, string> = new Map([
  ['u.s.', 'united states'],
  ['us', 'united states'],
  ['usa', 'united states'],
  ['u.s.a.', 'united states'],
  ['united states of america', 'united states'],
  ['america', 'united states'],
  ['the united states', 'united states'],
  ['d.c.', 'washington, d.c.'],
  ['u.k.', 'united kingdom'],
  ['uk', 'united kingdom'],
  ['britain', 'united kingdom'],
  ['great britain', 'united kingdom'],
]);

const kindsOf = (g: Gazetteer, word: string): ReadonlySet<WordKind> | undefined => g.lexicon.get(word);
const has = (g: Gazetteer, word: string, kind: WordKind): boolean => kindsOf(g, word)?.has(kind) ?? false;
const stripPossessive = (w: string): string => w.replace(/['’]s$/, '').replace(/s['’]$/, 's');

/** Persons by the last word of a full name, gathered over a knowledge base ("seleznev" → known person). */
export type Surnames = Set<string>;

const isCapWord = (t: Token | undefined): boolean => !!t && t.kind === 'word' && t.cap;
const isInitial = (tokens: readonly Token[], i: number): boolean =>
  tokens[i]?.kind === 'word' &&
  tokens[i].text.length === 1 &&
  tokens[i].cap &&
  tokens[i + 1]?.text === '.' &&
  !tokens[i + 1]!.gap;

/** Token indices of a capitalised run starting at i, and where scanning resumes. */
function chunkAt(
  tokens: readonly Token[],
  i: number,
  taken: readonly boolean[],
): { words: number[]; end: number } {
  const words: number[] = [];
  let j = i;
  while (j < tokens.length && !taken[j]) {
    const t = tokens[j]!;
    if (isInitial(tokens, j)) {
      words.push(j);
      j += 2;
      continue;
    }
    if (isCapWord(t)) {
      words.push(j);
      j++;
      if (/['’]s$/.test(t.text) && !(isCapWord(tokens[j]) && gazetteer().orgWords.has(tokens[j]!.lower)))
        break;
      continue;
    }
    // "St. Petersburg", "Ft. Worth": a short capitalised abbreviation, its dot, and the rest of the name.
    if (
      t.text === '.' &&
      !t.gap &&
      words.length > 0 &&
      words[words.length - 1] === j - 1 &&
      NAME_ABBREVIATIONS.has(tokens[j - 1]!.lower) &&
      isCapWord(tokens[j + 1])
    ) {
      j++;
      continue;
    }
    // "Jean-Pierre", "Seleznev-Bulba"
    if (t.text === '-' && !t.gap && words.length > 0 && isCapWord(tokens[j + 1]) && !tokens[j + 1]!.gap) {
      j++;
      continue;
    }
    if (
      words.length > 0 &&
      t.kind === 'word' &&
      CONNECTORS.has(t.lower) &&
      isCapWord(tokens[j + 1]) &&
      !taken[j + 1]
    ) {
      j++;
      continue;
    }
    break;
  }
  return { words, end: Math.max(j, i + 1) };
}

const atSentenceStart = (tokens: readonly Token[], i: number): boolean => {
  const prev = tokens[i - 1];
  return !prev || (prev.kind === 'punct' && /["“‘'([:;.!?\-–—]/.test(prev.text));
};

interface Classified {
  readonly type: 'person' | 'place' | 'org';
  readonly from: number;
}

/** Classifies the words of a chunk (lower-case, possessive stripped); `from` drops a leading title. */
function classify(g: Gazetteer, ws: readonly string[], surnames: Surnames): Classified | undefined {
  const n = ws.length;
  const phrase = ws.join(' ');
  const last = ws[n - 1]!;
  const first = ws[0]!;
  // A title before a name: the person is what follows it ("U.S. District Judge Richard A. Jones").
  let k = -1;
  for (let x = 0; x < n - 1; x++) if (TITLES.has(ws[x]!) || has(g, ws[x]!.replace(/\.$/, ''), 'title')) k = x;
  if (k >= 0) {
    let s = k + 1;
    let skipped = false;
    while (s < n && (CONNECTORS.has(ws[s]!) || TITLES.has(ws[s]!) || TITLE_TAILS.has(ws[s]!))) {
      skipped ||= CONNECTORS.has(ws[s]!);
      s++;
    }
    if (skipped) s++;
    const rest = ws.slice(s);
    if (rest.length > 0 && !rest.some((w) => g.orgWords.has(w) || g.placeWords.has(w)))
      return { type: 'person', from: s };
  }
  const whole = kindsOf(g, phrase);
  if (n > 1 && whole?.has('org')) return { type: 'org', from: 0 };
  if (n > 1 && whole?.has('place')) return { type: 'place', from: 0 };
  if (n > 1 && whole?.has('person')) return { type: 'person', from: 0 };
  if ((n > 1 && g.orgWords.has(last)) || (n > 2 && ORG_HEADS.has(first) && ws[1] === 'of'))
    return { type: 'org', from: 0 };
  if (n > 2 && ws.some((w, x) => ORG_HEADS.has(w) && ws[x + 1] === 'of')) return { type: 'org', from: 0 };
  if (n > 1 && g.placeWords.has(last)) return { type: 'place', from: 0 };
  if (PLACE_ALIASES.has(phrase)) return { type: 'place', from: 0 };
  if (n > 1 && (first === 'st' || first === 'mt' || first === 'ft' || first === 'ste'))
    return { type: 'place', from: 0 };
  if (n === 1) {
    if (whole?.has('place')) return { type: 'place', from: 0 };
    if (whole?.has('org')) return { type: 'org', from: 0 };
    if (whole?.has('person') || surnames.has(phrase)) return { type: 'person', from: 0 };
    if (whole?.has('first') && !whole.has('common')) return { type: 'person', from: 0 };
    return undefined;
  }
  if (has(g, first, 'first') || has(g, last, 'last') || surnames.has(last)) {
    if (!ws.some((w) => has(g, w, 'place') && !has(g, w, 'first') && !has(g, w, 'last')))
      return { type: 'person', from: 0 };
  }
  return undefined;
}

/** How many words after "a", "an" or "the" an apposition may take to name what its person is. */
const APPOSITION_WORDS = 4;

/**
 * Whether the words from `k` describe a person in apposition: ", a reporter for…", ", an
 * Israeli-American jailed in…", ", the former U.S. Marine": a comma, an article, then within a few
 * words a noun WordNet files under persons, or a demonym. An unknown name so described is a person
 * ("Naama Issachar, an Israeli-American…"); "Zermatt, the Swiss resort" is not (a resort is a place).
 */
function describedAsPerson(g: Gazetteer, ctx: TagContext, k: number): boolean {
  if (lowerAt(ctx, k) !== ',' || !['a', 'an', 'the'].includes(lowerAt(ctx, k + 1))) return false;
  const words = ctx.tokens.slice(k + 2, k + 2 + APPOSITION_WORDS);
  for (let x = 0; x < words.length && words[x]!.kind === 'word'; x++) {
    const next = words[x + 1]?.kind === 'word' ? words[x + 1]!.lower : '';
    for (const part of words[x]!.lower.split(/[-–]/)) {
      const classes = nounClasses(part);
      if (classes.includes('person')) return true;
      // The first other noun is what is described ("the Swiss resort"); a demonym before a noun is
      // only its adjective, one standing alone ("an Israeli-American jailed…") names a person.
      if (classes.length > 0) return false;
      if (has(g, part, 'demonym') && nounClasses(next).length === 0) return true;
    }
  }
  return false;
}

/** All-capital letters: an acronym ("FBI", "TASS") is an organisation unless the model knows it as a place. */
function acronym(g: Gazetteer, t: Token): 'org' | 'place' | undefined {
  const letters = t.text.replace(/\./g, '');
  if (!t.allCaps || letters.length < 2 || letters.length > 6) return undefined;
  const lower = letters.toLowerCase();
  if (PLACE_ALIASES.has(t.lower) || PLACE_ALIASES.has(lower) || has(g, lower, 'place')) return 'place';
  if (kindsOf(g, lower)?.has('common') && !has(g, lower, 'org')) return undefined;
  return 'org';
}

function valueOf(text: string, tokens: readonly Token[], first: number, last: number, type: string): string {
  const raw = text.slice(tokens[first]!.start, tokens[last]!.end);
  const value = stripPossessive(foldName(raw).replace(/\s+/g, ' ').trim());
  return type === 'place' ? (PLACE_ALIASES.get(value) ?? value) : value;
}

/**
 * Datelines ("MADRID, October 3. /TASS/.", "MOSCOW/MALE, July 11 -"): capitalised place names opening
 * a passage, before a comma, dash or bracket.
 */
function dateline(tokens: readonly Token[]): number[] {
  const places: number[] = [];
  let j = 0;
  while (tokens[j]?.kind === 'word' && tokens[j]!.allCaps) {
    places.push(j);
    j++;
    while (tokens[j]?.kind === 'word' && tokens[j]!.allCaps && tokens[j]!.gap) j++; // "NEW YORK"
    if (tokens[j]?.text === '/') j++;
    else break;
  }
  const stop = tokens[j]?.text ?? '';
  return places.length > 0 && [',', '-', '–', '—', '('].includes(stop) ? places : [];
}

/** A lone capitalised word the passage alone cannot type: a person if the knowledge base names one so. */
export interface Unresolved {
  readonly first: number;
  readonly last: number;
  readonly word: string;
}

/**
 * People, places and organisations in one passage. `taken` marks tokens already typed (dates, amounts).
 * Full names found here add their last word to `surnames`; lone unknown words go to `unresolved`, to be
 * typed once the whole knowledge base has been read ("Seleznev" after "Roman Seleznev").
 */
export function readEntities(
  text: string,
  ctx: TagContext,
  taken: readonly boolean[],
  surnames: Surnames,
  unresolved: Unresolved[],
): Span[] {
  const g = gazetteer();
  const tokens = ctx.tokens;
  const spans: Span[] = [];
  const used = [...taken];
  for (const start of dateline(tokens)) {
    let end = start;
    while (tokens[end + 1]?.kind === 'word' && tokens[end + 1]!.allCaps && tokens[end + 1]!.gap) end++;
    spans.push({ type: 'place', first: start, last: end, value: valueOf(text, tokens, start, end, 'place') });
    for (let x = start; x <= end; x++) used[x] = true;
  }
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (used[i] || !isCapWord(t)) {
      i++;
      continue;
    }
    const chunk = chunkAt(tokens, i, used);
    let words = chunk.words;
    // Leading determiners, and a sentence's first word when the model knows it as an ordinary word.
    while (words.length > 0) {
      const w = stripPossessive(tokens[words[0]!]!.lower);
      const kinds = kindsOf(g, w);
      const ordinaryStart =
        atSentenceStart(tokens, words[0]!) &&
        kinds?.has('common') &&
        ![...kinds].some((k) => k !== 'common' && k !== 'time');
      // A leading demonym belongs to an organisation's or place's name ("Russian Foreign Ministry"), not a person's.
      const lastWord = stripPossessive(tokens[words[words.length - 1]!]!.lower);
      const demonym =
        kinds?.has('demonym') &&
        (words.length === 1 || !(g.orgWords.has(lastWord) || g.placeWords.has(lastWord)));
      if (LEADING_NOISE.has(w) || ordinaryStart || kinds?.has('time') || demonym) words = words.slice(1);
      else break;
    }
    i = chunk.end;
    if (words.length === 0) continue;
    const ws = words.map((x) =>
      stripPossessive(tokens[x]!.lower).replace(/\.$/, (m) => (tokens[x]!.text.length === 1 ? '' : m)),
    );
    let found = classify(g, ws, surnames);
    // A word the model files as a first name is a place after "in" ("servers in Virginia").
    if (
      found?.type === 'person' &&
      words.length === 1 &&
      PLACE_PREPOSITIONS.has(lowerAt(ctx, words[0]! - 1)) &&
      !surnames.has(ws[0]!)
    ) {
      found = { type: 'place', from: 0 };
    }
    if (!found && words.length === 1) {
      const only = tokens[words[0]!]!;
      const a = acronym(g, only);
      if (a) found = { type: a, from: 0 };
      else if (
        !kindsOf(g, ws[0]!) &&
        PLACE_PREPOSITIONS.has(lowerAt(ctx, words[0]! - 1)) &&
        !/['’]s$/.test(only.text)
      ) {
        found = { type: 'place', from: 0 };
      }
    }
    if (!found && words.length >= 2 && words.length <= 4) {
      const before =
        lowerAt(ctx, words[0]! - 1) === ',' ? lowerAt(ctx, words[0]! - 2) : lowerAt(ctx, words[0]! - 1);
      if (SPEECH.has(before) || SPEECH.has(lowerAt(ctx, words[words.length - 1]! + 1)))
        found = { type: 'person', from: 0 };
    }
    if (
      !found &&
      words.length >= 2 &&
      words.length <= 4 &&
      describedAsPerson(g, ctx, words[words.length - 1]! + 1)
    )
      found = { type: 'person', from: 0 };
    if (!found) {
      if (words.length === 1 && !kindsOf(g, ws[0]!))
        unresolved.push({ first: words[0]!, last: words[0]!, word: ws[0]! });
      continue;
    }
    const first = words[found.from]!;
    const last = words[words.length - 1]!;
    const lastTok = tokens[last]!;
    const end = isInitial(tokens, last) ? last + 1 : last;
    spans.push({ type: found.type, first, last: end, value: valueOf(text, tokens, first, end, found.type) });
    if (found.type === 'person' && words.length - found.from >= 2)
      surnames.add(stripPossessive(lastTok.lower));
  }
  return spans;
}
