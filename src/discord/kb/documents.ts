import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  AttachmentBuilder,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { BotContext } from '../context.js';
import { AUTOCOMPLETE_CHOICE_MAX, AUTOCOMPLETE_CHOICES_MAX, MESSAGE_CONTENT_MAX } from '../limits.js';
import { previewText } from './add.js';
import { confirmButtons } from './confirm-buttons.js';
import { savePending } from './pending.js';
import { previewInWorker } from './preview-in-worker.js';
import { documentName, edited, ephemeral, errorsReply } from './reply.js';

/** Document ids for `/kb remove` and `/kb get`, matching what the moderator typed in the id or title. */
export async function documentChoices(
  interaction: AutocompleteInteraction,
  context: BotContext,
): Promise<void> {
  const typed = interaction.options.getFocused().toLowerCase();
  const choices = [];
  for (const doc of context.knowledge.current().documents()) {
    if (doc.id.length > AUTOCOMPLETE_CHOICE_MAX) continue;
    if (typed && !doc.id.toLowerCase().includes(typed) && !doc.title.toLowerCase().includes(typed)) continue;
    const label = `${doc.id} · ${doc.title}`;
    choices.push({
      name: label.length <= AUTOCOMPLETE_CHOICE_MAX ? label : `${label.slice(0, 99)}…`,
      value: doc.id,
    });
    if (choices.length === AUTOCOMPLETE_CHOICES_MAX) break;
  }
  await interaction.respond(choices);
}

const unknownDocument = (id: string) =>
  ephemeral({
    content: `❌ No document has the id \`${id.replace(/`/g, "'")}\`; \`/kb list\` shows them all.`,
  });

/** `/kb remove id:` — a dry run without the file, then Confirm / Cancel. */
export async function removeDocument(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  guildId: string,
): Promise<void> {
  const id = interaction.options.getString('id', true);
  const doc = context.knowledge.current().document(id);
  if (!doc) {
    await interaction.reply(unknownDocument(id));
    return;
  }
  await interaction.deferReply({ flags: 'Ephemeral' });
  const { KNOWLEDGE_DIR, MAX_FILE_BYTES, DATA_DIR } = context.config;
  const preview = await previewInWorker(KNOWLEDGE_DIR, { kind: 'remove', path: doc.path }, MAX_FILE_BYTES);
  if (!preview.ok) {
    await interaction.editReply(
      edited(
        errorsReply(
          `❌ Dry run: without \`${doc.path}\` the case file would not load, so nothing was removed:`,
          preview.error,
        ),
      ),
    );
    return;
  }
  const pendingId = await savePending(DATA_DIR, {
    kind: 'remove',
    path: doc.path,
    documentId: doc.id,
    userId: interaction.user.id,
    guildId,
    createdAt: Date.now(),
  });
  const summary = preview.value;
  await interaction.editReply({
    ...edited({
      content: previewText(
        `🔍 Dry run: removing \`${doc.path}\`. The case file stays valid:`,
        summary,
        'Confirm to delete the file and reload, or Cancel.',
      ),
    }),
    components: [confirmButtons(pendingId, 'Remove it')],
  });
}

/** `/kb list` — every document by title, id and passages; as a file when the list is long. */
export async function listDocuments(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const index = context.knowledge.current();
  const documents = index.documents();
  const lines = documents.map(
    (d) =>
      `• ${documentName({ id: d.id, title: d.title, passages: index.passagesOf(d.id) })} · ${d.path.replace(/`/g, "'")}`,
  );
  const headline = `📚 **${index.documentCount}** documents, **${index.passageCount}** passages:`;
  const full = [headline, ...lines].join('\n');
  if (full.length <= MESSAGE_CONTENT_MAX) {
    await interaction.reply(ephemeral({ content: full }));
    return;
  }
  const plain = documents.map((d) => `${d.id}\t${d.title}\t${index.passagesOf(d.id)} passages\t${d.path}`);
  const file = new AttachmentBuilder(Buffer.from(`${plain.join('\n')}\n`, 'utf8'), { name: 'documents.txt' });
  await interaction.reply(
    ephemeral({ content: `${headline} the whole list is in the attached documents.txt.`, files: [file] }),
  );
}

/** `/kb get id:` — the document's file as it is in the folder, sent back to the moderator. */
export async function getDocument(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
): Promise<void> {
  const id = interaction.options.getString('id', true);
  const doc = context.knowledge.current().document(id);
  if (!doc) {
    await interaction.reply(unknownDocument(id));
    return;
  }
  await interaction.deferReply({ flags: 'Ephemeral' });
  const bytes = await readFile(join(context.config.KNOWLEDGE_DIR, doc.path)).catch(() => undefined);
  if (!bytes) {
    await interaction.editReply(
      edited({ content: `❌ \`${doc.path}\` is no longer in the folder; \`/kb reload\` to catch up.` }),
    );
    return;
  }
  const file = new AttachmentBuilder(bytes, { name: basename(doc.path) });
  await interaction.editReply(
    edited({ content: `📄 \`${doc.path}\` as it is in the case file:`, files: [file] }),
  );
}
