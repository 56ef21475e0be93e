/**
 * Caps that keep every text stage linear whatever a document or a question holds. Each one turns the
 * excess into a reported problem or a plainer reading of the text, never into a failed load.
 */
export const TEXT_LIMITS = {
  /**
   * Longer words are indexed as they are, without stemming: the Porter2 stemmer's cost grows with the
   * square of a word's length (40,000 letters took 28 s). English words stay far below this.
   */
  maxStemmedWordChars: 64,
  /** Markdown containers (quotes, list items) nested deeper than this on one line are read as text. */
  maxNesting: 16,
  /** A container marker further right than this column is read as text (staircases of indentation). */
  maxMarkerColumn: 128,
  /**
   * The Markdown lexer reads a document in windows cut at blank lines outside code fences once a window
   * holds this many characters; some of its patterns are superlinear within one run of text.
   */
  lexWindowChars: 16_384,
  /** A window without any blank line is cut at a line end after this many characters. */
  lexMaxWindowChars: 65_536,
} as const;
