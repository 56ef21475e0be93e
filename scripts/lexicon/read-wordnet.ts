import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A WordNet part of speech, as its data file is named (satellite adjectives live in data.adj). */
export type Pos = 'n' | 'v' | 'a' | 'r';
export const POSES: readonly Pos[] = ['n', 'v', 'a', 'r'];
const FILE_NAME: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
/** The ss_type digit of a sense key → the file its synset is in. */
const SS_TYPE_POS: Record<string, Pos> = { '1': 'n', '2': 'v', '3': 'a', '4': 'r', '5': 'a' };

/** WordNet's lexicographer files by number (lexnames(5WN)): each synset's broad class. */
const LEX_FILES = [
  'adj.all',
  'adj.pert',
  'adv.all',
  'noun.Tops',
  'noun.act',
  'noun.animal',
  'noun.artifact',
  'noun.attribute',
  'noun.body',
  'noun.cognition',
  'noun.communication',
  'noun.event',
  'noun.feeling',
  'noun.food',
  'noun.group',
  'noun.location',
  'noun.motive',
  'noun.object',
  'noun.person',
  'noun.phenomenon',
  'noun.plant',
  'noun.possession',
  'noun.process',
  'noun.quantity',
  'noun.relation',
  'noun.shape',
  'noun.state',
  'noun.substance',
  'noun.time',
];

export interface Pointer {
  readonly symbol: string;
  readonly target: string;
  /** 0 for a relation between whole synsets; else the 1-based word in the source synset… */
  readonly sourceWord: number;
  /** …and in the target synset. */
  readonly targetWord: number;
}

export interface Synset {
  /** `pos:offset`, unique across the four data files. */
  readonly id: string;
  readonly pos: Pos;
  /** Lower-cased lemmas, multi-word ones joined by "_" as WordNet writes them. */
  readonly words: readonly string[];
  /** Those of `words` WordNet writes with a capital: names ("Carnot", "Norman"), not common nouns. */
  readonly names: readonly string[];
  readonly pointers: readonly Pointer[];
  /** The lexicographer file the synset was written in ("noun.person", "noun.location"…): its broad class. */
  readonly lexFile: string;
}

export interface Sense {
  /** 1 is the word's most frequent sense in its part of speech (WordNet orders senses by tag count). */
  readonly rank: number;
  /** How often the sense was tagged in the semantic concordance. */
  readonly tagCount: number;
}

export interface WordNet {
  readonly synsets: ReadonlyMap<string, Synset>;
  /** `lemma|synsetId` → the lemma's sense in that synset. */
  readonly senses: ReadonlyMap<string, Sense>;
}

export const senseKey = (lemma: string, synsetId: string): string => `${lemma}|${synsetId}`;

/** Reads the data.* and index.sense files of a WordNet 3.x `dict` directory. */
export function readWordNet(dictDir: string): WordNet {
  const synsets = new Map<string, Synset>();
  for (const pos of POSES) {
    for (const line of readFileSync(join(dictDir, `data.${FILE_NAME[pos]}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue; // the licence header is indented
      const synset = parseDataLine(line, pos);
      synsets.set(synset.id, synset);
    }
  }
  const senses = new Map<string, Sense>();
  for (const line of readFileSync(join(dictDir, 'index.sense'), 'utf8').split('\n')) {
    if (line === '') continue;
    const [key, offset, rank, tagCount] = line.split(' ');
    const [lemma, lexSense] = key!.split('%');
    const pos = SS_TYPE_POS[lexSense!.charAt(0)];
    if (!pos) continue;
    senses.set(senseKey(lemma!, `${pos}:${offset}`), { rank: Number(rank), tagCount: Number(tagCount) });
  }
  return { synsets, senses };
}

function parseDataLine(line: string, filePos: Pos): Synset {
  const fields = line
    .slice(0, line.indexOf(' | ') >= 0 ? line.indexOf(' | ') : undefined)
    .trim()
    .split(' ');
  let i = 0;
  const offset = fields[i++]!;
  const lexFile = LEX_FILES[Number(fields[i++])] ?? 'unknown';
  i += 1; // ss_type
  const wordCount = parseInt(fields[i++]!, 16);
  const words: string[] = [];
  const names: string[] = [];
  for (let w = 0; w < wordCount; w++) {
    // Adjectives may carry a syntactic marker: "galore(ip)".
    const word = fields[i]!.replace(/\([a-z]+\)$/, '');
    words.push(word.toLowerCase());
    if (word !== word.toLowerCase()) names.push(word.toLowerCase());
    i += 2;
  }
  const pointerCount = Number(fields[i++]);
  const pointers: Pointer[] = [];
  for (let p = 0; p < pointerCount; p++) {
    const symbol = fields[i++]!;
    const targetOffset = fields[i++]!;
    const targetPos = fields[i++]! === 's' ? 'a' : (fields[i - 1] as Pos);
    const st = fields[i++]!;
    pointers.push({
      symbol,
      target: `${targetPos}:${targetOffset}`,
      sourceWord: parseInt(st.slice(0, 2), 16),
      targetWord: parseInt(st.slice(2), 16),
    });
  }
  return { id: `${filePos}:${offset}`, pos: filePos, words, names, pointers, lexFile };
}
