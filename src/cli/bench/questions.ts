import type { KnowledgeBase } from '../../core/index.js';
import { STOP_WORDS } from '../../core/text/stop-words.js';

/** Deterministic pseudo-random numbers (mulberry32): the same corpus always yields the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Questions that hit the text the way real ones do: a sentence picked at random gives a question word
 * fitting what it contains (a year → when, a number → how many, a name → who, else what) and 3–5 of its
 * content words in order, e.g. "When Congress declare war Germany?".
 */
export interface GeneratedQuestion {
  readonly question: string;
  /** The passage it was made from: an answer citing it found the source. */
  readonly passageId: string;
}

export function generateQuestions(kb: KnowledgeBase, count: number, seed = 1): GeneratedQuestion[] {
  const next = random(seed);
  const out: GeneratedQuestion[] = [];
  for (let tries = 0; out.length < count && tries < count * 50; tries++) {
    const passage = kb.passages[Math.floor(next() * kb.passages.length)]!;
    const words = passage.text.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
    const content = words.filter((w) => w.length >= 4 && !STOP_WORDS.has(w.toLowerCase()));
    if (content.length < 4) continue;
    const wh = /\b1\d{3}|20\d{2}\b/.test(passage.text)
      ? 'When'
      : /\d/.test(passage.text)
        ? 'How many'
        : words.slice(1).some((w) => /^\p{Lu}\p{Ll}+$/u.test(w))
          ? 'Who'
          : 'What';
    const take = 3 + Math.floor(next() * 3);
    const start = Math.floor(next() * Math.max(1, content.length - take));
    out.push({ question: `${wh} ${content.slice(start, start + take).join(' ')}?`, passageId: passage.id });
  }
  return out;
}
