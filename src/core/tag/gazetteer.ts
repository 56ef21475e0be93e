import { createRequire } from 'node:module';

/**
 * Word lists from compromise's English model (first and last names, countries, cities, regions,
 * organisations, honorifics, organisation and place head words), used as a gazetteer. Running
 * compromise's full tagger costs about 3 ms a sentence (over three minutes for the State of the Union
 * archive); looking its lexicon up costs microseconds, and the lexicon is where its knowledge of names is.
 */

export type WordKind =
  'first' | 'last' | 'person' | 'place' | 'org' | 'title' | 'time' | 'demonym' | 'common';

export interface Gazetteer {
  /** Lower-case word or phrase → what the model knows it as. */
  readonly lexicon: ReadonlyMap<string, ReadonlySet<WordKind>>;
  /** Longest phrase in the lexicon, in words. */
  readonly maxPhraseWords: number;
  /** Last words that make a name an organisation ("Department", "Bank") or a place ("Island", "Airport"). */
  readonly orgWords: ReadonlySet<string>;
  readonly placeWords: ReadonlySet<string>;
}

const KIND_OF_TAG: Readonly<Record<string, WordKind>> = {
  MaleName: 'first',
  FemaleName: 'first',
  FirstName: 'first',
  LastName: 'last',
  Person: 'person',
  Country: 'place',
  City: 'place',
  Region: 'place',
  Place: 'place',
  Organization: 'org',
  SportsTeam: 'org',
  Honorific: 'title',
  Month: 'time',
  WeekDay: 'time',
  Date: 'time',
  Duration: 'time',
  Demonym: 'demonym',
};

/** Head words the model lacks or files elsewhere; general English, not taken from any one document. */
const EXTRA_ORG_WORDS = [
  'department',
  'ministry',
  'service',
  'services',
  'office',
  'agency',
  'bureau',
  'police',
  'court',
  'embassy',
  'parliament',
  'duma',
  'senate',
  'congress',
  'commission',
  'council',
  'committee',
  'university',
  'institute',
  'bank',
  'party',
  'army',
  'navy',
  'force',
  'forces',
  'group',
  'company',
  'corporation',
  'inc',
  'ltd',
  'llc',
  'plc',
  'gmbh',
  'news',
  'times',
  'post',
  'press',
  'network',
  'foundation',
  'association',
  'union',
  'organization',
  'organisation',
  'section',
  'unit',
  'team',
  'guard',
  'marshals',
  'prosecutor',
  "prosecutor's",
  'tribunal',
  'cabinet',
  'kremlin',
  'fsb',
  'journal',
  'herald',
  'gazette',
  'tribune',
  'magazine',
  'telegraph',
  'observer',
  'guardian',
  'club',
  'church',
  'federation',
  'alliance',
  'coalition',
  'front',
  'movement',
  'directorate',
  'administration',
  'authority',
  'school',
  'college',
  'academy',
  'hospital',
  'museum',
  'labs',
  'laboratory',
  'technologies',
  'systems',
  'software',
  'security',
  'intelligence',
  'command',
];
const EXTRA_PLACE_WORDS = [
  'airport',
  'district',
  'county',
  'province',
  'republic',
  'kingdom',
  'empire',
  'city',
  'valley',
  'sea',
  'ocean',
  'region',
  'territory',
  'oblast',
  'krai',
  'state',
  'states',
  'street',
  'avenue',
  'square',
  'road',
  'bridge',
  'harbor',
  'harbour',
  'port',
  'canal',
  'park',
  'palace',
  'prison',
  'jail',
  'islands',
  'coast',
  'peninsula',
];

let cached: Gazetteer | undefined;

interface CompromiseModel {
  one: { lexicon: Record<string, string | string[]> };
  two: { orgWords: Record<string, unknown>; placeWords: Record<string, unknown> };
}

/** Built once per process on first use; loading compromise takes a few hundred milliseconds. */
export function gazetteer(): Gazetteer {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const nlp = require('compromise') as { model(): CompromiseModel };
  const model = nlp.model();
  const lexicon = new Map<string, Set<WordKind>>();
  let maxPhraseWords = 1;
  for (const [word, tags] of Object.entries(model.one.lexicon)) {
    const kinds = new Set<WordKind>();
    for (const tag of Array.isArray(tags) ? tags : [tags]) kinds.add(KIND_OF_TAG[tag] ?? 'common');
    lexicon.set(word, kinds);
    maxPhraseWords = Math.max(maxPhraseWords, word.split(' ').length);
  }
  cached = {
    lexicon,
    maxPhraseWords,
    orgWords: new Set([...Object.keys(model.two.orgWords), ...EXTRA_ORG_WORDS]),
    placeWords: new Set([...Object.keys(model.two.placeWords), ...EXTRA_PLACE_WORDS]),
  };
  return cached;
}
