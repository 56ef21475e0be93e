export { loadKnowledgeBase, formatLoadError, DEFAULT_MAX_FILE_BYTES, type LoadOptions } from './load/knowledge-base.js';
export { buildIndex, type SearchIndex } from './search/build-index.js';
export { answer, NO_ANSWER, MAX_QUESTION_CHARS } from './answer/answer.js';
export type { Answer, Citation, KnowledgeBase, KnowledgeDocument, LoadError, Passage } from './types.js';
export type { Result } from './result.js';
