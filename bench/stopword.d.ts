declare module 'stopword' {
  /** The package's English stop list (108 words). */
  export const eng: readonly string[];
}
