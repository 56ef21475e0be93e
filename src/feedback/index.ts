// The feedback store's whole surface: the adapters reach it through this file alone (eslint.config.js).
export { noFeedbackStore, type AskRecord, type FeedbackStore } from './store.js';
export {
  FEEDBACK_DB,
  openFeedbackStore,
  type Gap,
  type GapQuery,
  type OpenResult,
  type SqliteFeedbackStore,
} from './sqlite-store.js';
export { gapsAsQuestionFile } from './export.js';
