import { UNPACED, type Pacer } from '../pace.js';
import type { Mention, MentionType } from '../tag/mention.js';
import type { KnowledgeDocument, Passage } from '../types.js';

/**
 * The three per-passage lists of an index (the passages, their terms, their typed mentions) as columns
 * of numbers, for the index cache. On a large base they are over a million small objects; decoded one
 * value at a time they were most of a cached start and of its garbage collection. As columns they are
 * a few typed arrays, and the objects are built back in tight loops of one shape each. A sentence's
 * text is stored only where it is not simply its span of the document body (the body is stored anyway).
 */

const FIELDS = 6; // document, paragraph, sentence, start, end, line

export interface PassageColumns {
  readonly count: number;
  /** Per passage, FIELDS numbers: index of its document, paragraph, sentence, start, end, line. */
  readonly numbers: Uint32Array;
  /** Per passage: its text when it differs from `body.slice(start, end)`, else null. */
  readonly texts: readonly (string | null)[];
  /** Distinct headings, and per passage the index of its heading (-1: none). */
  readonly headings: readonly string[];
  readonly headingOf: Int32Array;
  /**
   * Passage ids. They could be derived (`${documentId}#p${paragraph}.s${sentence}`), but a string built
   * by concatenation is a tree of pieces in memory until first compared: stored, each is one slice.
   */
  readonly ids: readonly string[];
}

export function passageColumns(
  documents: readonly KnowledgeDocument[],
  passages: readonly Passage[],
): PassageColumns {
  const docIndex = new Map(documents.map((d, k) => [d.id, k]));
  const numbers = new Uint32Array(passages.length * FIELDS);
  const texts: (string | null)[] = [];
  const headings: string[] = [];
  const headingIndex = new Map<string, number>();
  const headingOf = new Int32Array(passages.length);
  passages.forEach((p, i) => {
    const d = docIndex.get(p.documentId);
    if (d === undefined) throw new Error(`passage ${p.id}: no document ${p.documentId}`);
    numbers.set([d, p.paragraph, p.sentence, p.start, p.end, p.line], i * FIELDS);
    texts.push(documents[d]!.body.slice(p.start, p.end) === p.text ? null : p.text);
    if (p.heading === undefined) headingOf[i] = -1;
    else {
      let h = headingIndex.get(p.heading);
      if (h === undefined) headingIndex.set(p.heading, (h = headings.push(p.heading) - 1));
      headingOf[i] = h;
    }
  });
  return {
    count: passages.length,
    numbers,
    texts,
    headings,
    headingOf,
    ids: passages.map((p) => p.id),
  };
}

export async function passagesFromColumns(
  documents: readonly KnowledgeDocument[],
  c: PassageColumns,
  pace: Pacer = UNPACED,
): Promise<Passage[]> {
  const { count, numbers, texts, headings, headingOf, ids } = c;
  if (numbers.length !== count * FIELDS || texts.length !== count || headingOf.length !== count) {
    throw new Error('passage columns: lengths differ');
  }
  if (ids.length !== count) throw new Error('passage columns: ids differ in number');
  const passages = new Array<Passage>(count);
  for (let i = 0; i < count; i++) {
    const at = i * FIELDS;
    const doc = documents[numbers[at]!];
    if (!doc) throw new Error('passage columns: no such document');
    const paragraph = numbers[at + 1]!;
    const sentence = numbers[at + 2]!;
    const start = numbers[at + 3]!;
    const end = numbers[at + 4]!;
    const id = ids[i]!;
    const line = numbers[at + 5]!;
    const text = texts[i] ?? doc.body.slice(start, end);
    const h = headingOf[i]!;
    passages[i] =
      h < 0
        ? { id, documentId: doc.id, paragraph, sentence, start, end, line, text }
        : { id, documentId: doc.id, paragraph, sentence, start, end, line, text, heading: headings[h]! };
    if (pace.due()) await pace.pause();
  }
  return passages;
}

/** Lists of strings drawn from one sorted word list (the vocabulary), as ids into it. */
export interface TermColumns {
  /** Per list, where its ids end in `ids`. */
  readonly ends: Uint32Array;
  readonly ids: Uint32Array;
}

// Columns already made for these lists against these words: an index build inverts its passages' terms
// into exactly these (`TermInverter`), so saving the index does not look every term up again.
const made = new WeakMap<object, { readonly words: readonly string[]; readonly columns: TermColumns }>();

/** Records that `columns` are `lists` as ids into `words`, for `termColumns` to return as they are. */
export function rememberTermColumns(
  lists: readonly (readonly string[])[],
  words: readonly string[],
  columns: TermColumns,
): void {
  made.set(lists, { words, columns });
}

export function termColumns(lists: readonly (readonly string[])[], words: readonly string[]): TermColumns {
  const known = made.get(lists);
  if (known?.words === words) return known.columns;
  const idOfWord = new Map(words.map((w, k) => [w, k]));
  const ends = new Uint32Array(lists.length);
  const ids: number[] = [];
  lists.forEach((list, i) => {
    for (const w of list) {
      const id = idOfWord.get(w);
      if (id === undefined) throw new Error(`term columns: "${w}" is not in the vocabulary`);
      ids.push(id);
    }
    ends[i] = ids.length;
  });
  return { ends, ids: Uint32Array.from(ids) };
}

export async function termsFromColumns(
  c: TermColumns,
  words: readonly string[],
  pace: Pacer = UNPACED,
): Promise<string[][]> {
  const { ends, ids } = c;
  const lists = new Array<string[]>(ends.length);
  let p = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < p || end > ids.length) throw new Error('term columns: bad list end');
    const list = new Array<string>(end - p);
    for (let j = 0; p < end; j++, p++) {
      const w = words[ids[p]!];
      if (w === undefined) throw new Error('term columns: bad term id');
      list[j] = w;
    }
    lists[i] = list;
    if (pace.due()) await pace.pause();
  }
  if (p !== ids.length) throw new Error('term columns: ids left over');
  return lists;
}

/** Typed mentions of each passage. */
export interface MentionColumns {
  /** Per passage, where its mentions end. */
  readonly ends: Uint32Array;
  readonly typeNames: readonly string[];
  /** Per mention: index into typeNames. */
  readonly types: Uint8Array;
  /** Per mention: start, end. */
  readonly spans: Uint32Array;
  readonly values: readonly string[];
}

export function mentionColumns(lists: readonly (readonly Mention[])[]): MentionColumns {
  const typeNames: string[] = [];
  const typeIndex = new Map<string, number>();
  const ends = new Uint32Array(lists.length);
  const types: number[] = [];
  const spans: number[] = [];
  const values: string[] = [];
  lists.forEach((list, i) => {
    for (const m of list) {
      let t = typeIndex.get(m.type);
      if (t === undefined) typeIndex.set(m.type, (t = typeNames.push(m.type) - 1));
      types.push(t);
      spans.push(m.start, m.end);
      values.push(m.value);
    }
    ends[i] = values.length;
  });
  if (typeNames.length > 255) throw new Error('mention columns: too many types');
  return { ends, typeNames, types: Uint8Array.from(types), spans: Uint32Array.from(spans), values };
}

// Most sentences mention nothing typed: they share one empty list.
const NONE: readonly Mention[] = Object.freeze([]);

export async function mentionsFromColumns(
  c: MentionColumns,
  pace: Pacer = UNPACED,
): Promise<(readonly Mention[])[]> {
  const { ends, typeNames, types, spans, values } = c;
  if (types.length !== values.length || spans.length !== 2 * values.length) {
    throw new Error('mention columns: lengths differ');
  }
  const lists = new Array<readonly Mention[]>(ends.length);
  let p = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    if (end < p || end > values.length) throw new Error('mention columns: bad list end');
    if (end === p) {
      lists[i] = NONE;
      continue;
    }
    const list = new Array<Mention>(end - p);
    for (let j = 0; p < end; j++, p++) {
      const type = typeNames[types[p]!];
      if (type === undefined) throw new Error('mention columns: bad type');
      list[j] = {
        type: type as MentionType,
        start: spans[2 * p]!,
        end: spans[2 * p + 1]!,
        value: values[p]!,
      };
    }
    lists[i] = list;
    if (pace.due()) await pace.pause();
  }
  if (p !== values.length) throw new Error('mention columns: mentions left over');
  return lists;
}
