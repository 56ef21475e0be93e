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
  type Unchanged,
  type CacheOutcome,
  type LoadProgress,
  type LoadStage,
} from './knowledge/load-knowledge.js';
/** @deprecated The earlier name of `loadKnowledge`, kept while other branches move over. */
export { loadKnowledge as loadIndex } from './knowledge/load-knowledge.js';
export {
  suggestedQuestions,
  suggestionCandidates,
  type SuggestionOptions,
} from './knowledge/suggested-questions.js';
export { pacer, UNPACED, type Pacer } from './pace.js';
export { answer, NO_ANSWER, type Ablation, type AnswerOptions } from './answer/answer.js';
export { TUNING } from './answer/tuning.js';
export { readQuestion, type Query } from './answer/query.js';
export { MAX_QUESTION_CHARS, QUESTION_PROBLEM_TEXT, type QuestionProblem } from './answer/check-question.js';
export {
  KnowledgeService,
  DEFAULT_RELOAD_TIMEOUT_MS,
  type KnowledgeServiceOptions,
  type KnowledgeStatus,
  type Loader,
  type ReloadOutcome,
} from './service/knowledge-service.js';
export { previewFolderChange, type FolderChange } from './load/preview.js';
export { knownNameIn, resolveFollowUp, type FollowUp, type IsKnownName } from './answer/follow-up.js';
export { morePassages, paragraphOf, type MorePassagesOptions } from './answer/more-passages.js';
export { dropInvisible } from './text/invisible.js';
// Evaluation and calibration: how the CLI's `eval` measures the answerer and refits its models.
export { CONFIDENCE_SIGNS, featuresOf, type ConfidenceModel } from './answer/confidence.js';
export { FEATURE_SIGNS, type Check, type LinearModel } from './answer/verify.js';
export {
  calibrate,
  fitLogistic,
  fitRanking,
  type CandidateGroup,
  type Decision,
  type Sample,
} from './eval/calibrate.js';
export { computeMetrics, judge, type Metrics, type Outcome } from './eval/metrics.js';
export { parseQuestionFile, type EvalQuestion } from './eval/question-file.js';
export { mentionsOfType, tagPassages, tagText, type Mention, type MentionType } from './tag/index.js';
export { err, ok } from './result.js';
export type { Answer, Citation, KnowledgeBase, KnowledgeDocument, LoadError, Passage } from './types.js';
export type { Result } from './result.js';
