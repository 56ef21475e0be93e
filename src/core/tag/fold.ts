const MARKS = /\p{M}+/gu;
const NON_ASCII = /[^\x00-\x7F]/;
const QUOTE_LIKE = /[\u2018\u2019\u02BC`´]/g;

/** Lower-cased, accents folded, typographic apostrophes unified: how names are compared across documents. */
export function foldName(text: string): string {
  const plain = NON_ASCII.test(text)
    ? text.normalize('NFKD').replace(MARKS, '').replace(QUOTE_LIKE, "'")
    : text;
  return plain.toLowerCase();
}
