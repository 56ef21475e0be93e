import type { Mention, MentionType } from './mention.js';

const TYPES: ReadonlySet<string> = new Set<MentionType>([
  'person',
  'place',
  'org',
  'date',
  'duration',
  'money',
  'count',
  'age',
  'percent',
  'name',
]);

/** Passage tags flattened for saving: per passage [type, start, end, value, type, start, ...] (a third of the JSON of objects). */
export type TagsJson = readonly (readonly (string | number)[])[];

export function tagsToJson(tags: readonly (readonly Mention[])[]): TagsJson {
  return tags.map((list) => list.flatMap((m) => [m.type, m.start, m.end, m.value]));
}

/** The saved tags, or undefined when they do not fit the passages (a damaged or foreign cache). */
export function tagsFromJson(json: unknown, passageCount: number): Mention[][] | undefined {
  if (!Array.isArray(json) || json.length !== passageCount) return undefined;
  const out: Mention[][] = [];
  for (const flat of json as unknown[]) {
    if (!Array.isArray(flat) || flat.length % 4 !== 0) return undefined;
    const list: Mention[] = [];
    for (let k = 0; k < flat.length; k += 4) {
      const [type, start, end, value] = flat.slice(k, k + 4) as unknown[];
      if (
        typeof type !== 'string' ||
        !TYPES.has(type) ||
        typeof start !== 'number' ||
        typeof end !== 'number' ||
        typeof value !== 'string'
      ) {
        return undefined;
      }
      list.push({ type: type as MentionType, start, end, value });
    }
    out.push(list);
  }
  return out;
}
