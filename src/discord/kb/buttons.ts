import { MessageFlags } from 'discord.js';
import type { ComponentHandler } from '../components/router.js';
import { NO_MENTIONS } from '../replies.js';
import { kbAccess } from './access.js';
import { describeActor } from './actor.js';
import { CANCEL, CONFIRM, KB_PREFIX } from './confirm-buttons.js';
import { removeKnowledgeFile, writeKnowledgeFile } from './folder.js';
import { postModLog } from './mod-log.js';
import { dropPending, loadPending } from './pending.js';
import { previewInWorker } from './preview-in-worker.js';
import { reloadEverywhere } from './reload.js';
import { edited, errorsReply } from './reply.js';

const GONE = {
  unknown: 'This request is no longer pending (already confirmed or cancelled); nothing was changed now.',
  expired: 'This request expired after 15 minutes; nothing was changed. Run the command again.',
} as const;

/**
 * Confirm / Cancel under a `/kb add` or `/kb remove` dry run. The moderator check runs again here:
 * a button is just another way in. Confirm validates the folder once more (it may have changed since
 * the dry run), writes or deletes atomically, reloads every shard and reports what changed.
 */
export const kbButtonsHandler: ComponentHandler = {
  prefix: KB_PREFIX,
  async handle(interaction, [action, pendingId = ''], context) {
    const access = kbAccess(interaction, context);
    if (!access.ok) {
      await interaction.reply({
        content: access.reason,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    if (!interaction.isButton() || (action !== CONFIRM && action !== CANCEL)) {
      await interaction.reply({
        content: GONE.unknown,
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const { DATA_DIR, KNOWLEDGE_DIR, MAX_FILE_BYTES } = context.config;
    const pending = await loadPending(DATA_DIR, pendingId);
    if (!pending.ok) {
      await interaction.update(edited({ content: GONE[pending.reason] }));
      return;
    }
    const { change } = pending;
    if (change.userId !== interaction.user.id) {
      await interaction.reply({
        content: 'Only the moderator who asked for this change can confirm or cancel it.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    // Claimed before acting, so a double click (or two shards) applies the change once.
    if (!(await dropPending(DATA_DIR, pendingId))) {
      await interaction.update(edited({ content: GONE.unknown }));
      return;
    }
    if (action === CANCEL) {
      await interaction.update(
        edited({
          content: `Cancelled: \`${change.path}\` was not ${change.kind === 'add' ? 'added' : 'removed'}.`,
        }),
      );
      return;
    }
    await interaction.update(
      edited({
        content: `⏳ ${change.kind === 'add' ? 'Writing' : 'Removing'} \`${change.path}\` and reloading…`,
      }),
    );
    const folderChange =
      change.kind === 'add'
        ? { kind: 'write' as const, path: change.path, bytes: pending.bytes ?? new Uint8Array() }
        : { kind: 'remove' as const, path: change.path };
    const still = await previewInWorker(KNOWLEDGE_DIR, folderChange, MAX_FILE_BYTES);
    if (!still.ok) {
      await interaction.editReply(
        edited(
          errorsReply(
            '❌ The folder changed since the dry run and this change would now break it; nothing was written:',
            still.error,
          ),
        ),
      );
      return;
    }
    if (folderChange.kind === 'write')
      await writeKnowledgeFile(KNOWLEDGE_DIR, folderChange.path, folderChange.bytes);
    else await removeKnowledgeFile(KNOWLEDGE_DIR, folderChange.path);
    const by = describeActor(interaction.user, access.guildId);
    context.logger.info({ by, change: change.kind, path: change.path }, 'case file changed from Discord');
    const done = change.kind === 'add' ? `✅ Added \`${change.path}\`.` : `✅ Removed \`${change.path}\`.`;
    const reloaded = await reloadEverywhere(context, by);
    await interaction.editReply(
      edited({ ...reloaded, content: `${done}\n${reloaded.content}`.slice(0, 2000) }),
    );
    await postModLog(
      context,
      interaction.client,
      `📝 <@${interaction.user.id}> ${change.kind === 'add' ? 'added' : 'removed'} \`${change.path}\` ${change.kind === 'add' ? 'to' : 'from'} the case file.`,
    );
  },
};
