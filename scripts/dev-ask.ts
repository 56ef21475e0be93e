// Development aid: answer questions against a knowledge folder from the TypeScript sources.
import { answer, loadKnowledge } from '../src/core/index.js';
const [kb, ...questions] = process.argv.slice(2);
const r = await loadKnowledge(kb!);
if (!r.ok) throw new Error('load');
for (const q of questions) {
  const a = answer(r.value.index, q);
  console.log(`Q: ${q}\n   ${a.differ ? '[DIFFER] ' : ''}${a.text.slice(0, 330)}`);
}
