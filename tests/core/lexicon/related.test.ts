import { describe, expect, it } from 'vitest';
import { relatedStems } from '../../../src/core/lexicon/related.js';
import { nounClasses, wordnetLinks } from '../../../src/core/lexicon/table.js';
import { readFileSync } from 'node:fs';
import { TABLE_FILE } from '../../../src/core/lexicon/table-file.js';
import { expectedHeader } from '../../../scripts/lexicon/generate.js';
import { synonymsOf } from '../../../src/core/answer/synonyms.js';
import { termOf } from '../../../src/core/text/terms.js';

const stem = (word: string): string => {
  const t = termOf(word);
  if (!t) throw new Error(`${word} has no index term`);
  return t;
};
/** The stems the answerer lets a question word stand for. */
const related = (word: string): readonly string[] => synonymsOf(stem(word));
const relation = (a: string, b: string): string | undefined =>
  relatedStems(stem(a)).find((r) => r.stem === stem(b))?.relation;

describe('relatedStems from WordNet', () => {
  it.each([
    ['holiday', 'vacation', 'synonym'],
    ['vacation', 'holiday', 'synonym'],
    ['begin', 'start', 'synonym'],
    ['arrest', 'apprehend', 'synonym'],
    ['lawyer', 'attorney', 'synonym'],
    ['Spain', 'Spanish', 'pertainym'],
    ['Spanish', 'Spain', 'pertainym'],
    ['Russia', 'Russian', 'derivation'],
    ['Russian', 'Russia', 'derivation'],
    ['jail', 'imprison', 'synonym'],
  ])('GIVEN %s THEN %s is its %s', (a, b, kind) => {
    expect(relation(a, b)).toBe(kind);
  });

  it('GIVEN words that only share a stem with a related one THEN their rare senses bring nothing', () => {
    // "vacation" and "vacate" are one index stem; vacating an office must not relate holidays to resigning.
    const vacation = relatedStems(stem('vacation')).map((r) => r.stem);
    expect(vacation).toContain(stem('holiday'));
    expect(vacation).not.toContain(stem('resign'));
    expect(vacation).not.toContain(stem('abandon'));
  });

  it.each([
    ['Spain', 'France'],
    ['arrest', 'vacation'],
    ['prison', 'holiday'],
    ['sentence', 'extradite'],
    ['Russia', 'Spain'],
    ['lawyer', 'botnet'],
  ])('GIVEN unrelated %s and %s THEN neither stands for the other', (a, b) => {
    expect(related(a)).not.toContain(stem(b));
    expect(related(b)).not.toContain(stem(a));
  });

  it('GIVEN the same stem twice THEN the same relations in the same order: by link, then sense rank', () => {
    for (const word of ['begin', 'plan', 'jail', 'court', 'trial', 'spain']) {
      const first = relatedStems(stem(word)).map((r) => `${r.relation}:${r.stem}`);
      expect(relatedStems(stem(word)).map((r) => `${r.relation}:${r.stem}`)).toEqual(first);
      const links = wordnetLinks(stem(word));
      const order = ['synonym', 'derivation', 'pertainym', 'similar', 'hypernym'];
      const keys = links.map((l) => `${order.indexOf(l.link)}${l.rank}`);
      expect(keys).toEqual([...keys].sort());
    }
  });

  it('GIVEN a word WordNet does not know or a stop word THEN nothing is related', () => {
    expect(relatedStems('levashov')).toEqual([]);
    expect(relatedStems('')).toEqual([]);
    expect(relatedStems('zzzz')).toEqual([]);
  });
});

describe('the generated WordNet table', () => {
  const [header, ...lines] = readFileSync(TABLE_FILE, 'utf8').split('\n').filter(Boolean);

  it("GIVEN the table THEN it was made from today's WordNet, term pipeline and generator", () => {
    expect(header).toBe(expectedHeader());
  });

  const keys = lines.map((l) => l.slice(0, l.indexOf(' ')));

  it('GIVEN its lines THEN their stems are unique and in code-unit order, as the binary search needs', () => {
    for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! < keys[i]!).toBe(true);
  });

  // Nouns' class lines are keyed "=word"; the rest by stem.
  const stems = keys.filter((k) => !k.startsWith('='));
  const nouns = keys.filter((k) => k.startsWith('=')).map((k) => k.slice(1));

  it('GIVEN any stem of the table THEN the lookup finds its line', () => {
    for (let i = 0; i < stems.length; i += 97) expect(wordnetLinks(stems[i]!).length).toBeGreaterThan(0);
    expect(wordnetLinks(stems[0]!).length).toBeGreaterThan(0);
    expect(wordnetLinks(stems.at(-1)!).length).toBeGreaterThan(0);
  });

  it('GIVEN any noun of the table THEN the lookup finds its classes', () => {
    expect(nouns.length).toBeGreaterThan(10_000);
    for (let i = 0; i < nouns.length; i += 97) expect(nounClasses(nouns[i]!).length).toBeGreaterThan(0);
    expect(nounClasses(nouns.at(-1)!).length).toBeGreaterThan(0);
  });

  it('GIVEN a link from one stem to another THEN the other links back the same way', () => {
    for (let i = 0; i < stems.length; i += 53) {
      for (const l of wordnetLinks(stems[i]!)) {
        const back = wordnetLinks(l.stem).filter((b) => b.stem === stems[i] && b.link === l.link);
        expect(back).toEqual([{ stem: stems[i], link: l.link, rank: l.rank }]);
      }
    }
  });
});

describe('synonymsOf for the answerer', () => {
  it('GIVEN detain THEN the arrest family: arrest and custody, by the listed group WordNet lacks', () => {
    expect(related('detained')).toEqual(expect.arrayContaining([stem('arrest'), stem('custody')]));
    expect(related('arrested')).toContain(stem('detain'));
    // Words the stemmer joins are one index term already.
    expect(stem('sentencing')).toBe(stem('sentence'));
    expect(stem('extradition')).toBe(stem('extradite'));
    expect(stem('conviction')).toBe(stem('convict'));
  });

  it('GIVEN detention or detainee THEN detain, by WordNet derivation where the stemmer cannot join them', () => {
    expect(stem('detention')).not.toBe(stem('detain'));
    expect(related('detention')).toContain(stem('detain'));
    expect(related('detainee')).toContain(stem('detain'));
    expect(related('detained')).toEqual(expect.arrayContaining([stem('detention'), stem('detainee')]));
  });

  it('GIVEN Spain THEN Spanish, by the pertainyms the answerer uses', () => {
    expect(related('Spain')).toContain(stem('Spanish'));
    expect(related('Spanish')).toContain(stem('Spain'));
    expect(related('Russian')).toContain(stem('Russia'));
  });

  it('GIVEN jail THEN prison, and the reverse', () => {
    expect(related('jail')).toContain(stem('prison'));
    expect(related('prison')).toContain(stem('jail'));
  });

  it('GIVEN any stem THEN it is never its own synonym and none repeats', () => {
    for (const word of ['detain', 'jail', 'begin', 'holiday', 'spain', 'plan']) {
      const s = related(word);
      expect(s).not.toContain(stem(word));
      expect(new Set(s).size).toBe(s.length);
    }
  });
});

describe('nounClasses from WordNet', () => {
  it.each([
    ['judge', 'person'],
    ['judges', 'person'],
    ['girlfriend', 'person'],
    ['city', 'location'],
    ['company', 'group'],
    ['week', 'time'],
    ['prison', 'artifact'],
    ['prisoner', 'person'],
  ])('GIVEN the noun %s THEN its commonest senses are filed as %s', (word, name) => {
    expect(nounClasses(word)[0]).toBe(name);
  });

  it('GIVEN a name WordNet capitalises, or no noun at all THEN it has no class', () => {
    expect(nounClasses('carnot')).toEqual([]);
    expect(nounClasses('plato')).toEqual([]);
    expect(nounClasses('xqzv')).toEqual([]);
  });

  it('GIVEN the noun lines of the table THEN no stem lookup reads them as related stems', () => {
    expect(wordnetLinks(stem('judge')).every((l) => l.link !== undefined && !l.stem.startsWith('='))).toBe(
      true,
    );
  });
});
