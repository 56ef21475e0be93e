import type { MessageMentionOptions } from 'discord.js';

/** Pings nobody: a question quoting @everyone, @here, a role or a user stays inert in the answer. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/** For replies to a message: the asker is notified of the reply, nobody else is. */
export const ONLY_ASKER: MessageMentionOptions = { parse: [], repliedUser: true };

/** `</name:id>` when the command's id is known (a clickable command link), else `/name` in code. */
export const commandMention = (ids: ReadonlyMap<string, string>, name: string, sub?: string): string => {
  const full = sub ? `${name} ${sub}` : name;
  const id = ids.get(name);
  return id ? `</${full}:${id}>` : `\`/${full}\``;
};

/** The /help text, with clickable command links where the ids are known. */
export function helpText(ids: ReadonlyMap<string, string>, lang: 'en' | 'es' | 'ru' = 'en'): string {
  const ask = commandMention(ids, 'ask');
  const reload = commandMention(ids, 'kb', 'reload');
  const status = commandMention(ids, 'kb', 'status');
  const lines = {
    en: [
      '**Casefile** answers questions from this server’s case documents, citing the passages it used.',
      `• ${ask}: ask a question (\`private:True\` to see the answer alone, \`thread:True\` to answer in a thread).`,
      '• Mention me with a question, or reply to one of my answers to ask a follow-up. Direct messages work too.',
      '• Right-click a message → Apps → **Ask Casefile** to ask what that message says.',
      '• Under each answer: 👍/👎, **Show the paragraph**, **More sources**, **Ask a follow-up**.',
      '• If the documents do not answer it, I say so and suggest questions they do answer.',
      `• Moderators: ${reload} re-reads the documents, ${status} shows what is loaded.`,
    ],
    es: [
      '**Casefile** responde preguntas con los documentos del caso de este servidor y cita los pasajes usados.',
      `• ${ask}: haz una pregunta (\`private:True\` para verla solo tú, \`thread:True\` para responder en un hilo).`,
      '• Mencióname con una pregunta, o responde a una de mis respuestas para seguir preguntando. También por mensaje directo.',
      '• Clic derecho en un mensaje → Apps → **Preguntar a Casefile** para preguntar lo que dice.',
      '• Bajo cada respuesta: 👍/👎, **Ver el párrafo**, **Más fuentes**, **Hacer otra pregunta**.',
      '• Si los documentos no lo responden, lo digo y sugiero preguntas que sí responden.',
      `• Moderadores: ${reload} vuelve a leer los documentos, ${status} muestra lo cargado.`,
    ],
    ru: [
      '**Casefile** отвечает на вопросы по документам дела этого сервера и ссылается на использованные фрагменты.',
      `• ${ask}: задать вопрос (\`private:True\` — ответ видите только вы, \`thread:True\` — ответ в ветке).`,
      '• Упомяните меня с вопросом или ответьте на мой ответ, чтобы уточнить. Личные сообщения тоже работают.',
      '• Правый клик по сообщению → Приложения → **Спросить Casefile**, чтобы спросить о его тексте.',
      '• Под каждым ответом: 👍/👎, **Показать абзац**, **Ещё источники**, **Уточнить**.',
      '• Если в документах ответа нет, я так и скажу и предложу вопросы, на которые они отвечают.',
      `• Модераторы: ${reload} перечитывает документы, ${status} показывает, что загружено.`,
    ],
  };
  return lines[lang].join('\n');
}

export const somethingWentWrong = (ref: string): string =>
  `Something went wrong while answering (ref \`${ref}\`). Please try again; if it keeps happening, give this ref to a moderator.`;
