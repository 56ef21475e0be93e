import {
  ApplicationIntegrationType,
  ChannelType,
  InteractionContextType,
  MessageFlags,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import { MAX_QUESTION_CHARS } from '../../core/index.js';
import { askQuestion, type QuestionReply } from '../ask-question.js';
import { autocompleteChoices } from '../autocomplete.js';
import { localized, ui } from '../i18n.js';
import { NO_MENTIONS } from '../replies.js';
import { startAnswerThread } from '../threads.js';
import type { Command } from './command.js';

export default {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setNameLocalizations(localized({ es: 'preguntar', ru: 'спросить' }))
    .setDescription('Ask a question about the case; the answer cites the documents it comes from.')
    .setDescriptionLocalizations(
      localized({
        es: 'Haz una pregunta sobre el caso; la respuesta cita los documentos de los que sale.',
        ru: 'Задайте вопрос о деле; ответ ссылается на документы, из которых он взят.',
      }),
    )
    // Usable in servers, in the bot's DM and, when user-installed, in group DMs.
    .setContexts(
      InteractionContextType.Guild,
      InteractionContextType.BotDM,
      InteractionContextType.PrivateChannel,
    )
    // USER_INSTALL=off drops the user install when the commands are deployed (see install.ts).
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall)
    .addStringOption((option) =>
      option
        .setName('question')
        .setNameLocalizations(localized({ es: 'pregunta', ru: 'вопрос' }))
        .setDescription('Your question about the documents, e.g. "who was arrested, and where?"')
        .setDescriptionLocalizations(
          localized({
            es: 'Tu pregunta sobre los documentos, p. ej. «¿a quién detuvieron y dónde?»',
            ru: 'Ваш вопрос о документах, например «кого задержали и где?»',
          }),
        )
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS)
        .setAutocomplete(true),
    )
    .addBooleanOption((option) =>
      option
        .setName('private')
        .setNameLocalizations(localized({ es: 'privado', ru: 'лично' }))
        .setDescription('Only you see the answer (default: everyone in the channel).')
        .setDescriptionLocalizations(
          localized({
            es: 'Solo tú ves la respuesta (por defecto: todo el canal).',
            ru: 'Ответ увидите только вы (по умолчанию: весь канал).',
          }),
        ),
    )
    .addBooleanOption((option) =>
      option
        .setName('thread')
        .setNameLocalizations(localized({ es: 'hilo', ru: 'ветка' }))
        .setDescription('Answer in a new thread, so the channel keeps one line per question.')
        .setDescriptionLocalizations(
          localized({
            es: 'Responder en un hilo nuevo: el canal conserva una línea por pregunta.',
            ru: 'Ответить в новой ветке: в канале останется одна строка на вопрос.',
          }),
        ),
    ),

  async execute(interaction, context) {
    const isPrivate = interaction.options.getBoolean('private') ?? false;
    const inThread =
      !isPrivate && (interaction.options.getBoolean('thread') ?? false) && canThread(interaction);
    const question = interaction.options.getString('question', true);
    // The core answers in milliseconds, well inside Discord's 3 s window, so the answer is the first response.
    await askQuestion(context, {
      userId: interaction.user.id,
      guildId: interaction.guildId,
      channelId: interaction.channelId,
      via: inThread ? 'ask-thread' : 'ask',
      question,
      locale: interaction.locale,
      send: (reply) =>
        inThread && reply.kind === 'answer'
          ? replyInThread(interaction, reply, question)
          : interaction.reply({
              ...(reply.kind === 'answer' ? reply.message : { content: reply.text }),
              allowedMentions: NO_MENTIONS,
              ...(isPrivate || reply.kind === 'note' ? { flags: MessageFlags.Ephemeral } : {}),
            }),
    });
  },

  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused();
    await interaction.respond(autocompleteChoices(context.knowledge.current(), typed));
  },
} satisfies Command;

/** Threads start from a message in a server text or announcement channel the bot can see. */
function canThread(interaction: ChatInputCommandInteraction): boolean {
  const type = interaction.channel?.type;
  return type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement;
}

/** The channel gets one line (who asked what); the answer, with its buttons, goes in a thread on it. */
async function replyInThread(
  interaction: ChatInputCommandInteraction,
  reply: QuestionReply & { kind: 'answer' },
  question: string,
): Promise<void> {
  const headline = reply.message.content.split('\n')[0] ?? '';
  const response = await interaction.reply({
    content: headline,
    allowedMentions: NO_MENTIONS,
    withResponse: true,
  });
  const starter = response.resource?.message;
  if (!starter) throw new Error('Discord did not return the message to start the thread on');
  await startAnswerThread(starter, question, reply.message, ui(interaction.locale));
}
