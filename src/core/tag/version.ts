/**
 * Bump whenever tagging changes what it finds, so saved indexes holding older tags are rebuilt
 * (the cache key includes it).
 */
export const TAGGER_VERSION = 2;
