/** A document as loaded from the knowledge folder, front matter already validated. */
export interface KnowledgeDocument {
  /** Stable id: front matter `id`, else the path relative to the knowledge folder without extension. */
  readonly id: string;
  /** Path relative to the knowledge folder, with forward slashes. */
  readonly path: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly url?: string;
  readonly source?: string;
  readonly date?: string;
  /** Text after the front matter (and after a leading `# Title` line that became the title). */
  readonly body: string;
  /** 1-based line in the file where `body` starts, so passages can point at lines. */
  readonly bodyLine: number;
}

/** One sentence of a document: the unit we index, rank and cite. */
export interface Passage {
  /** `${documentId}#p${paragraph}.s${sentence}`: stable while the paragraph keeps its place. */
  readonly id: string;
  readonly documentId: string;
  /** 1-based paragraph number within the document (headings are not paragraphs). */
  readonly paragraph: number;
  /** 1-based sentence number within its paragraph. */
  readonly sentence: number;
  /** Character offsets of the sentence in the document body. */
  readonly start: number;
  readonly end: number;
  /** 1-based line in the file where the sentence starts. */
  readonly line: number;
  /** The sentence, whitespace collapsed. */
  readonly text: string;
  /** The nearest heading above the paragraph, if any. */
  readonly heading?: string;
}

/** A complete, valid knowledge base: never a partial one. */
export interface KnowledgeBase {
  readonly documents: readonly KnowledgeDocument[];
  readonly passages: readonly Passage[];
  /**
   * What loaded but not quite as written (a word too long to stem, Markdown nested too deep), in the
   * same `file:line` shape as errors. Never a reason to refuse the load. Absent in older caches.
   */
  readonly warnings?: readonly LoadError[];
}

/** A problem with one knowledge file, phrased for the person who has to fix it. */
export interface LoadError {
  /** Path relative to the knowledge folder (or the folder itself). */
  readonly file: string;
  readonly line?: number;
  readonly message: string;
}

export interface Citation {
  /** The marker number, `[n]` in the answer text. */
  readonly n: number;
  readonly passageId: string;
  readonly documentId: string;
  readonly title: string;
  /** Human location, e.g. `¶6` or `History, ¶3`. */
  readonly location: string;
  /** The full text of the cited passage. */
  readonly passage: string;
  readonly url?: string;
  /** The document's `source` and `date`, so a reader can weigh reports that differ. */
  readonly source?: string;
  readonly date?: string;
}

export interface Answer {
  readonly answered: boolean;
  /** What the user reads above the sources: sentences with `[n]` markers, or the abstention message. */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** 0..1, how well the cited passages cover the question. */
  readonly confidence: number;
  /** When abstaining: the closest passages, so the user can look for themselves. */
  readonly related: readonly Citation[];
  /** What the documents don't give, e.g. `No date for "when was Lisov sentenced" in the documents.` */
  readonly missing?: string;
  /** The cited reports give different answers; the text shows each. */
  readonly differ?: boolean;
}
