import { MAX_QUESTION_CHARS, QUESTION_PROBLEM_TEXT, type QuestionProblem } from '../core/index.js';

/**
 * The bot's fixed UI strings in the languages it speaks, picked by `interaction.locale` (or a
 * server's preferred locale for mentions). Document text and answers are never translated.
 */
export type Lang = 'en' | 'es' | 'ru';

export interface UiStrings {
  /** Between the asker's mention and the question; must not contain ":" (the question is read back after it). */
  readonly asked: string;
  /** "asked about <@author>'s message", for the message context menu; `{author}` is replaced. */
  readonly askedAboutMessage: string;
  /** Second quoted line of a follow-up: the question as it was answered. No ":" inside. */
  readonly readAs: string;
  readonly sources: string;
  readonly related: string;
  readonly missingPrefix: string;
  readonly tryInstead: string;
  readonly helpful: string;
  readonly notHelpful: string;
  readonly showParagraph: string;
  readonly moreSources: string;
  readonly askFollowUp: string;
  readonly followUpTitle: string;
  readonly followUpLabel: string;
  readonly followUpPlaceholder: string;
  readonly voteThanksUp: string;
  readonly voteThanksDown: string;
  readonly noMoreSources: string;
  readonly questionUnreadable: string;
  readonly paragraphUnavailable: string;
  readonly noText: string;
  readonly rateLimited: (seconds: number) => string;
  /** Why a question was refused before answering; English comes from the core's own texts. */
  readonly problems: Readonly<Record<QuestionProblem, string>>;
  readonly somethingWentWrong: (ref: string) => string;
  readonly staleButton: string;
}

const en: UiStrings = {
  asked: 'asked',
  askedAboutMessage: 'asked about {author}’s message',
  readAs: '↳ answered as',
  sources: 'Sources',
  related: 'Closest passages (they do not answer it)',
  missingPrefix: 'Not found in the documents',
  tryInstead: 'Questions the documents do answer',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  showParagraph: 'Show the paragraph',
  moreSources: 'More sources',
  askFollowUp: 'Ask a follow-up',
  followUpTitle: 'Ask a follow-up',
  followUpLabel: 'Your follow-up question',
  followUpPlaceholder: 'e.g. and when was he detained?',
  voteThanksUp: 'Thanks: noted as helpful 👍',
  voteThanksDown: 'Thanks: noted as not helpful 👎. Moderators review these.',
  noMoreSources: 'No other passages match this question.',
  questionUnreadable: 'I cannot read the question back from that message.',
  paragraphUnavailable: 'That passage is no longer in the knowledge base.',
  noText: 'That message has no text to ask about.',
  rateLimited: (s) => `You are asking quickly: please wait ${s} s and try again.`,
  problems: QUESTION_PROBLEM_TEXT,
  somethingWentWrong: (ref) =>
    `Something went wrong while answering (ref \`${ref}\`). Please try again; if it keeps happening, give this ref to a moderator.`,
  staleButton: 'This button no longer does anything.',
};

const es: UiStrings = {
  asked: 'preguntó',
  askedAboutMessage: 'preguntó sobre el mensaje de {author}',
  readAs: '↳ respondida como',
  sources: 'Fuentes',
  related: 'Pasajes más cercanos (no la responden)',
  missingPrefix: 'No está en los documentos',
  tryInstead: 'Preguntas que los documentos sí responden',
  helpful: 'Útil',
  notHelpful: 'No útil',
  showParagraph: 'Ver el párrafo',
  moreSources: 'Más fuentes',
  askFollowUp: 'Hacer otra pregunta',
  followUpTitle: 'Pregunta de seguimiento',
  followUpLabel: 'Tu pregunta de seguimiento',
  followUpPlaceholder: 'p. ej. ¿y cuándo lo detuvieron?',
  voteThanksUp: 'Gracias: anotado como útil 👍',
  voteThanksDown: 'Gracias: anotado como no útil 👎. Los moderadores lo revisarán.',
  noMoreSources: 'Ningún otro pasaje coincide con esta pregunta.',
  questionUnreadable: 'No puedo leer la pregunta de ese mensaje.',
  paragraphUnavailable: 'Ese pasaje ya no está en la base de conocimiento.',
  noText: 'Ese mensaje no tiene texto sobre el que preguntar.',
  rateLimited: (s) => `Preguntas muy rápido: espera ${s} s y vuelve a intentarlo.`,
  problems: {
    empty: 'Escribe una pregunta, por ejemplo: «¿a quién detuvieron y dónde?»',
    'too-long': `La pregunta es demasiado larga: que no pase de ${MAX_QUESTION_CHARS} caracteres.`,
    'control-characters': 'La pregunta contiene caracteres de control: escríbela como texto normal.',
  },
  somethingWentWrong: (ref) =>
    `Algo falló al responder (ref \`${ref}\`). Inténtalo de nuevo; si se repite, da esta ref a un moderador.`,
  staleButton: 'Este botón ya no hace nada.',
};

const ru: UiStrings = {
  asked: 'спрашивает',
  askedAboutMessage: 'спрашивает о сообщении {author}',
  readAs: '↳ понято как',
  sources: 'Источники',
  related: 'Ближайшие фрагменты (они не отвечают на вопрос)',
  missingPrefix: 'В документах этого нет',
  tryInstead: 'Вопросы, на которые документы отвечают',
  helpful: 'Полезно',
  notHelpful: 'Не помогло',
  showParagraph: 'Показать абзац',
  moreSources: 'Ещё источники',
  askFollowUp: 'Уточнить',
  followUpTitle: 'Уточняющий вопрос',
  followUpLabel: 'Ваш уточняющий вопрос',
  followUpPlaceholder: 'например: а когда его задержали?',
  voteThanksUp: 'Спасибо: отмечено как полезное 👍',
  voteThanksDown: 'Спасибо: отмечено как бесполезное 👎. Модераторы это просмотрят.',
  noMoreSources: 'Других подходящих фрагментов нет.',
  questionUnreadable: 'Не удаётся прочитать вопрос из этого сообщения.',
  paragraphUnavailable: 'Этого фрагмента больше нет в базе знаний.',
  noText: 'В этом сообщении нет текста для вопроса.',
  rateLimited: (s) => `Вы спрашиваете слишком часто: подождите ${s} с и попробуйте снова.`,
  problems: {
    empty: 'Напишите вопрос, например: «кого задержали и где?»',
    'too-long': `Вопрос слишком длинный: не больше ${MAX_QUESTION_CHARS} символов.`,
    'control-characters': 'В вопросе есть управляющие символы: напишите его обычным текстом.',
  },
  somethingWentWrong: (ref) =>
    `Не удалось ответить (ref \`${ref}\`). Попробуйте ещё раз; если повторится, сообщите этот ref модератору.`,
  staleButton: 'Эта кнопка больше ничего не делает.',
};

const TABLE: Readonly<Record<Lang, UiStrings>> = { en, es, ru };

/** Discord locales are `es-ES`, `es-419`, `ru`, `en-US`…: the language part decides. */
export function langOf(locale: string | null | undefined): Lang {
  const lang = (locale ?? '').slice(0, 2).toLowerCase();
  return lang === 'es' || lang === 'ru' ? lang : 'en';
}

export const ui = (locale: string | null | undefined): UiStrings => TABLE[langOf(locale)];

/** For `name_localizations` / `description_localizations`: Discord's locale keys for each language. */
export function localized(values: { es: string; ru: string }): Record<string, string> {
  return { 'es-ES': values.es, 'es-419': values.es, ru: values.ru };
}
