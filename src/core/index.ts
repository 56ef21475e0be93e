export {
  loadKnowledgeBase,
  formatLoadError,
  DEFAULT_MAX_FILE_BYTES,
  type LoadOptions,
} from './load/knowledge-base.js';
export { buildIndex, type SearchIndex } from './search/build-index.js';
export {
  loadKnowledge,
  loadKnowledgeBytes,
  indexFromBytes,
  DEFAULT_CACHE_MIN_BYTES,
  type LoadKnowledgeOptions,
  type LoadedIndex,
  type LoadedBytes,
  type CacheOutcome,
  type LoadProgress,
  type LoadStage,
} from './knowledge/load-knowledge.js';
/** @deprecated The earlier name of `loadKnowledge`, kept while other branches move over. */
export { loadKnowledge as loadIndex } from './knowledge/load-knowledge.js';
export { pacer, UNPACED, type Pacer } from './pace.js';
export { answer, NO_ANSWER, type Ablation, type AnswerOptions } from './answer/answer.js';
export { TUNING } from './answer/tuning.js';
export {
  checkQuestion,
  MAX_QUESTION_CHARS,
  QUESTION_PROBLEM_TEXT,
  type QuestionProblem,
} from './answer/check-question.js';
export { mentionsOfType, tagPassages, tagText, type Mention, type MentionType } from './tag/index.js';
export { err, ok } from './result.js';
export type { Answer, Citation, KnowledgeBase, KnowledgeDocument, LoadError, Passage } from './types.js';
export type { Result } from './result.js';
