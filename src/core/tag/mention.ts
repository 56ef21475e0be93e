export type MentionType =
  'person' | 'place' | 'org' | 'date' | 'duration' | 'money' | 'count' | 'age' | 'percent' | 'name';

/** A typed span of a passage, found once at index time. */
export interface Mention {
  readonly type: MentionType;
  /** Character offsets in the passage text. */
  readonly start: number;
  readonly end: number;
  /**
   * Normalised value, comparable across documents: dates as YYYY-MM-DD / YYYY-MM / YYYY (relative dates
   * resolved); amounts as a plain number string with unit ("1700000", "27 year", "9000000 usd",
   * "45 percent", ages as "30"); names lower-cased, accents folded.
   */
  readonly value: string;
}
