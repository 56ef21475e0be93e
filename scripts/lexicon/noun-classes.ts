import { senseKey, type Synset, type WordNet } from './read-wordnet.js';

/**
 * The class of a noun synset: its lexicographer file without "noun." ("person", "location", "group",
 * "time"…). The top synsets ("person", "location", "group" themselves) are filed in noun.Tops; they
 * take the class most of their direct hyponyms have, so "which person" is a person like "which judge".
 */
function classOf(wn: WordNet, synset: Synset): string {
  if (synset.lexFile !== 'noun.Tops') return synset.lexFile.slice('noun.'.length);
  const counts = new Map<string, number>();
  for (const p of synset.pointers) {
    if (p.symbol !== '~' && p.symbol !== '~i') continue;
    const file = wn.synsets.get(p.target)?.lexFile;
    if (file && file !== 'noun.Tops') counts.set(file, (counts.get(file) ?? 0) + 1);
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return best ? best[0].slice('noun.'.length) : 'Tops';
}

/**
 * Noun → the classes of the senses people mostly mean by it: those tagged at least half as often as its
 * commonest sense (WordNet's first sense when none was tagged). "judge" → person, "city" → location,
 * "queen" → animal (the bee is tagged more often than the monarch), "prison" → artifact. Keyed by the
 * word, not the index stem: stemming joins "prison" and "prisoner", which name different kinds of thing.
 * The answerer reads them to know what "which judge" or "what city" asks for, from WordNet rather
 * than from a list of words. Single-word lower-case lemmas only, as questions spell them.
 */
export function deriveNounClasses(wn: WordNet): Map<string, string[]> {
  const senses = new Map<string, { name: string; tagCount: number; rank: number }[]>();
  for (const synset of wn.synsets.values()) {
    if (synset.pos !== 'n') continue;
    const name = classOf(wn, synset);
    for (const word of synset.words) {
      // A question's words are folded to lower case, so "what does Carnot mean" must not find the
      // physicist: names (capitalised in WordNet) say nothing about the kind of answer asked for.
      if (!/^[a-z]+$/.test(word) || synset.names.includes(word)) continue;
      const sense = wn.senses.get(senseKey(word, synset.id));
      const list = senses.get(word) ?? [];
      senses.set(word, list);
      list.push({ name, tagCount: sense?.tagCount ?? 0, rank: sense?.rank ?? 99 });
    }
  }
  const out = new Map<string, string[]>();
  for (const [word, list] of senses) {
    const top = Math.max(...list.map((s) => s.tagCount));
    const first = Math.min(...list.map((s) => s.rank));
    const common = list
      .filter((s) => (top === 0 ? s.rank === first : s.tagCount * 2 >= top))
      .sort((a, b) => b.tagCount - a.tagCount || a.rank - b.rank);
    out.set(word, [...new Set(common.map((s) => s.name))]);
  }
  return out;
}
