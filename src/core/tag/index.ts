export type { Mention, MentionType } from './mention.js';
export { mentionsOfType, tagPassages, tagText } from './tag-passages.js';
