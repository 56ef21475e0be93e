import type { ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';
import type { ChangeSummary } from './change-summary.js';
import { confirmButtons } from './confirm-buttons.js';
import { downloadAttachment } from './download.js';
import { uploadName } from './folder.js';
import { savePending } from './pending.js';
import { previewInWorker } from './preview-in-worker.js';
import { documentName, edited, ephemeral, errorsReply } from './reply.js';

/**
 * `/kb add file:` — downloads the attachment, validates the folder *with* it (a dry run: nothing is
 * written), and shows what would change with Confirm / Cancel, or every error. Confirm is handled by
 * the `kb` buttons, which validate again before writing.
 */
export async function addDocument(
  interaction: ChatInputCommandInteraction,
  context: BotContext,
  guildId: string,
): Promise<void> {
  const { KNOWLEDGE_DIR, MAX_FILE_BYTES, DATA_DIR } = context.config;
  const attachment = interaction.options.getAttachment('file', true);
  const name = uploadName(attachment.name);
  if (!name.ok) {
    await interaction.reply(ephemeral({ content: `❌ Not added: ${name.reason}.` }));
    return;
  }
  if (attachment.size > MAX_FILE_BYTES) {
    await interaction.reply(
      ephemeral({
        content: `❌ Not added: \`${name.name}\` is ${attachment.size} bytes, over the ${MAX_FILE_BYTES}-byte limit (MAX_FILE_BYTES). Split it into smaller files.`,
      }),
    );
    return;
  }
  // Downloading and validating the whole folder can outlast Discord's 3 s window.
  await interaction.deferReply({ flags: 'Ephemeral' });
  const bytes = await downloadAttachment(attachment.url, MAX_FILE_BYTES);
  if (!bytes.ok) {
    await interaction.editReply(edited({ content: `❌ Not added: \`${name.name}\`: ${bytes.error}.` }));
    return;
  }
  const preview = await previewInWorker(
    KNOWLEDGE_DIR,
    { kind: 'write', path: name.name, bytes: bytes.value },
    MAX_FILE_BYTES,
  );
  if (!preview.ok) {
    await interaction.editReply(
      edited(
        errorsReply(
          `❌ Dry run: with \`${name.name}\` the case file would not load, so nothing was written. Fix these and upload it again:`,
          preview.error,
        ),
      ),
    );
    return;
  }
  const current = context.knowledge.current();
  const replaces = current.documents().some((d) => d.path === name.name);
  const summary = preview.value;
  const pendingId = await savePending(
    DATA_DIR,
    { kind: 'add', path: name.name, userId: interaction.user.id, guildId, createdAt: Date.now() },
    bytes.value,
  );
  const headline = `🔍 Dry run: ${replaces ? 'replacing' : 'adding'} \`${name.name}\`. The case file stays valid:`;
  await interaction.editReply({
    ...edited({ content: previewText(headline, summary, 'Confirm to write it and reload, or Cancel.') }),
    components: [confirmButtons(pendingId, replaces ? 'Replace it' : 'Add it')],
  });
}

/** The dry run as a moderator reads it: totals with the passage diff, then each document by title. */
export function previewText(headline: string, s: ChangeSummary, ask: string): string {
  const lines = [
    headline,
    `**${s.documents}** documents, **${s.passages}** passages (+${s.passagesAdded} / −${s.passagesRemoved} passages).`,
    ...s.added.map((d) => `➕ ${documentName(d)}`),
    ...s.changed.map((d) => `✏️ ${documentName(d)}`),
    ...s.removed.map((d) => `➖ ${documentName(d)}`),
  ];
  if (s.added.length + s.changed.length + s.removed.length === 0) lines.push('No document changes.');
  const text = `${lines.join('\n')}\n${ask}`;
  return text.length <= 2000 ? text : `${text.slice(0, 1990 - ask.length)}…\n${ask}`;
}
