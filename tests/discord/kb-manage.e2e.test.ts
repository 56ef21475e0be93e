import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ApplicationCommandOptionType,
  InteractionResponseType,
  MessageFlags,
  type APIApplicationCommandInteractionDataOption,
  type APIAttachment,
  type APIMessage,
  type InteractionType,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type SentInteraction } from '../support/fake-discord/index.js';
import { DEFAULT_PERMISSIONS } from '../support/fake-discord/index.js';
import {
  MODERATOR_PERMISSIONS,
  callbackRoute,
  channelMessageRoute,
  originalEditRoute,
  payloadOf,
  startHarness,
  type Harness,
} from './bot-harness.js';

type Option = APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;

const KELIHOS = `---
title: Kelihos takedown timeline
---
The Kelihos botnet was dismantled by the FBI with help from CrowdStrike in April 2017.

Investigators sinkholed the Kelihos command servers on the same weekend.
`;
const BROKEN = `---
title: [unclosed
---
Text.
`;
const QUESTION = 'who helped the FBI dismantle the Kelihos botnet?';
/** Dry runs start a worker thread; on a loaded machine that alone can take seconds. */
const WAIT_MS = 20_000;

/** Starting the bot loads the knowledge on a worker thread: slow on a busy machine. */
const HOOK_MS = 60_000;

describe(
  'E2E: moderators manage the case file from Discord (/kb add, remove, list, get)',
  { timeout: 90_000 },
  () => {
    let h: Harness;
    let dataDir: string;
    beforeEach(async () => {
      dataDir = await mkdtemp(join(tmpdir(), 'casefile-data-'));
      h = await startHarness((fake) => ({ DATA_DIR: dataDir, MOD_LOG_CHANNEL_ID: fake.channelId }));
    }, HOOK_MS);
    afterEach(async () => {
      await h?.close();
      await rm(dataDir, { recursive: true, force: true });
    }, HOOK_MS);

    /** Runs /kb <sub> and resolves with what the moderator finally sees (callback or deferred edit). */
    async function kb(
      sub: string,
      options: Option[] = [],
      extra: { permissions?: string; attachment?: APIAttachment } = {},
    ): Promise<{ sent: SentInteraction; message: APIMessage; body: Record<string, any> }> {
      const sent = h.fake.sendInteraction({
        commandName: 'kb',
        permissions: extra.permissions ?? MODERATOR_PERMISSIONS,
        options: [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options } as Option],
        ...(extra.attachment
          ? { resolved: { attachments: { [extra.attachment.id]: extra.attachment } } }
          : {}),
      });
      const callback = await h.fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(sent.id),
        WAIT_MS,
      );
      expect(callback.status).toBe(204);
      let body = payloadOf(callback);
      if (
        (callback.body as { type: number }).type === InteractionResponseType.DeferredChannelMessageWithSource
      ) {
        const edit = await h.fake.waitForRequest(
          (r) => originalEditRoute(r) && r.path.includes(sent.token),
          WAIT_MS,
        );
        body = payloadOf(edit);
      }
      const message = h.fake.world.interactions.get(sent.token)!.original!;
      return { sent, message, body };
    }

    const add = (filename: string, text: string, permissions?: string) => {
      const attachment = h.fake.addAttachment(filename, text);
      return kb(
        'add',
        [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        {
          attachment,
          ...(permissions ? { permissions } : {}),
        },
      );
    };
    const byId = (id: string): Option[] => [
      { name: 'id', type: ApplicationCommandOptionType.String, value: id },
    ];
    const buttons = (message: APIMessage) =>
      (message.components ?? []).flatMap((row) =>
        'components' in row ? row.components.map((c) => ('custom_id' in c ? c.custom_id : '')) : [],
      );

    /** Clicks a button on the dry-run message; resolves with what the message finally says. */
    async function click(message: APIMessage, prefix: string, permissions = MODERATOR_PERMISSIONS) {
      const customId = buttons(message).find((id) => id.startsWith(prefix))!;
      const sent = h.fake.clickButton({ message, customId, permissions });
      const callback = await h.fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(sent.id),
        WAIT_MS,
      );
      expect(callback.status).toBe(204);
      if ((callback.body as { type: number }).type !== InteractionResponseType.UpdateMessage)
        return { callback, content: payloadOf(callback).content as string };
      if (!customId.startsWith('kb:ok:')) return { callback, content: payloadOf(callback).content as string };
      const edit = await h.fake.waitForRequest(
        (r) => originalEditRoute(r) && r.path.includes(sent.token),
        WAIT_MS,
      );
      return { callback, content: payloadOf(edit).content as string };
    }

    it('GIVEN /kb add with a good file THEN a dry run shows the diff, Confirm writes it, every /ask can cite it, and the mod log says who', async () => {
      const { message, body } = await add('kelihos.md', KELIHOS);

      expect(message.flags! & MessageFlags.Ephemeral).toBe(MessageFlags.Ephemeral);
      expect(body.content).toContain('Dry run: adding `kelihos.md`');
      expect(body.content).toMatch(/\*\*2\*\* documents, \*\*\d+\*\* passages \(\+2 \/ −0 passages\)/);
      expect(body.content).toContain('➕ Kelihos takedown timeline (`kelihos`, 2 passages)');
      expect(buttons(message)).toEqual([expect.stringMatching(/^kb:ok:/), expect.stringMatching(/^kb:no:/)]);
      // A dry run writes nothing.
      expect(existsSync(join(h.dir, 'kelihos.md'))).toBe(false);
      expect(payloadOf(await h.ask(QUESTION)).content).not.toContain('CrowdStrike');

      const confirmed = await click(message, 'kb:ok:');

      expect(confirmed.content).toContain('✅ Added `kelihos.md`.');
      expect(confirmed.content).toContain('Added: Kelihos takedown timeline (`kelihos`, 2 passages)');
      expect(await readFile(join(h.dir, 'kelihos.md'), 'utf8')).toBe(KELIHOS);
      const answer = payloadOf(await h.ask(QUESTION));
      expect(answer.content).toContain('CrowdStrike');
      expect(JSON.stringify(answer.embeds)).toContain('Kelihos takedown timeline');
      const log = await h.fake.waitForRequest(
        (r) => channelMessageRoute(r) && r.path.includes(h.fake.channelId),
        WAIT_MS,
      );
      expect(payloadOf(log).content).toBe(`📝 <@${h.fake.user.id}> added \`kelihos.md\` to the case file.`);
      expect(payloadOf(log).allowed_mentions).toEqual({ parse: [] });

      // Confirm took the buttons away: the change cannot be applied twice.
      expect(buttons(h.fake.message(message.id))).toEqual([]);
    });

    it('GIVEN /kb add with a file that breaks the folder THEN every file:line error is listed, no button, nothing written', async () => {
      const { message, body } = await add('broken.md', BROKEN);

      expect(body.content).toContain('would not load, so nothing was written');
      expect(body.content).toMatch(/broken\.md:\d+: /);
      expect(buttons(message)).toEqual([]);
      expect(existsSync(join(h.dir, 'broken.md'))).toBe(false);
    });

    it('GIVEN /kb add of the wrong kind or name THEN it is refused before any download', async () => {
      for (const [name, reason] of [
        ['notes.pdf', /only `\.md` and `\.txt`/],
        ['../../etc/evil.md', /rename the file/],
        ['.hidden.md', /rename the file/],
      ] as const) {
        const { body } = await add(name, KELIHOS);
        expect(body.content).toMatch(reason);
      }
      expect(h.fake.requests.some((r) => r.path.startsWith('/attachments/'))).toBe(false);
    });

    it('GIVEN Cancel THEN nothing is written', async () => {
      const { message } = await add('kelihos.md', KELIHOS);

      const cancelled = await click(message, 'kb:no:');

      expect(cancelled.callback.body).toMatchObject({
        type: InteractionResponseType.UpdateMessage,
        data: { components: [] },
      });
      expect(cancelled.content).toBe('Cancelled: `kelihos.md` was not added.');
      expect(existsSync(join(h.dir, 'kelihos.md'))).toBe(false);
    });

    it('GIVEN /kb remove with autocomplete THEN the id is offered, a dry run and Confirm delete the file and /ask stops citing it', async () => {
      await writeFile(join(h.dir, 'kelihos.md'), KELIHOS);
      await kb('reload');
      const typed = h.fake.sendAutocomplete({
        commandName: 'kb',
        permissions: MODERATOR_PERMISSIONS,
        subcommand: 'remove',
        focused: { name: 'id', value: 'kelih' },
      });
      const offered = await h.fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(typed.id),
        WAIT_MS,
      );
      expect(payloadOf(offered).choices).toEqual([
        { name: 'kelihos · Kelihos takedown timeline', value: 'kelihos' },
      ]);

      const { message, body } = await kb('remove', byId('kelihos'));
      expect(body.content).toContain('Dry run: removing `kelihos.md`');
      expect(body.content).toContain('(+0 / −2 passages)');
      expect(body.content).toContain('➖ Kelihos takedown timeline (`kelihos`, 2 passages)');
      expect(existsSync(join(h.dir, 'kelihos.md'))).toBe(true);

      const confirmed = await click(message, 'kb:ok:');

      expect(confirmed.content).toContain('✅ Removed `kelihos.md`.');
      expect(confirmed.content).toContain('Removed: Kelihos takedown timeline (`kelihos`, 2 passages)');
      expect(existsSync(join(h.dir, 'kelihos.md'))).toBe(false);
      expect(payloadOf(await h.ask(QUESTION)).content).not.toContain('CrowdStrike');
    });

    it('GIVEN /kb remove of the last document THEN the dry run refuses it', async () => {
      const { message, body } = await kb('remove', byId('king-of-spam'));
      expect(body.content).toContain('would not load, so nothing was removed');
      expect(body.content).toContain('holds no .md or .txt documents');
      expect(buttons(message)).toEqual([]);
    });

    it('GIVEN /kb list and /kb get THEN the documents are listed by title and a file comes back byte for byte', async () => {
      const listed = (await kb('list')).body.content as string;
      expect(listed).toContain("Russian programmer detained in Spain was 'King of Spam' (`king-of-spam`, ");
      expect(listed).toContain('king-of-spam.md');

      const { sent } = await kb('get', byId('king-of-spam'));

      const upload = h.fake.requests.find((r) => originalEditRoute(r) && r.path.includes(sent.token))!;
      expect(upload.files.map((f) => f.filename)).toEqual(['king-of-spam.md']);
      expect(upload.files[0]!.bytes.equals(await readFile('knowledge/king-of-spam.md'))).toBe(true);
    });

    it('GIVEN a reload with more errors than a message holds THEN all of them come as reload-errors.txt', async () => {
      for (let i = 0; i < 80; i++)
        await writeFile(join(h.dir, `broken-${String(i).padStart(2, '0')}.md`), BROKEN);

      const { sent, body } = await kb('reload');

      expect(body.content.length).toBeLessThanOrEqual(2000);
      expect(body.content).toContain('All 80 errors are in the attached reload-errors.txt');
      const upload = h.fake.requests.find((r) => originalEditRoute(r) && r.path.includes(sent.token))!;
      expect(upload.files.map((f) => f.filename)).toEqual(['reload-errors.txt']);
      const lines = upload.files[0]!.bytes.toString('utf8').trim().split('\n');
      expect(lines).toHaveLength(80);
      expect(lines[79]).toMatch(/^broken-79\.md:\d+: /);
    });

    it('GIVEN a member who is not a moderator THEN every /kb path is refused, the buttons too, and nothing changes', async () => {
      const refused = /Only moderators/;
      expect((await add('kelihos.md', KELIHOS, DEFAULT_PERMISSIONS)).body.content).toMatch(refused);
      for (const [sub, options] of [
        ['remove', byId('king-of-spam')],
        ['list', []],
        ['get', byId('king-of-spam')],
        ['gaps', []],
        ['status', []],
        ['reload', []],
      ] as const) {
        expect((await kb(sub, [...options], { permissions: DEFAULT_PERMISSIONS })).body.content).toMatch(
          refused,
        );
      }
      const typed = h.fake.sendAutocomplete({
        commandName: 'kb',
        permissions: DEFAULT_PERMISSIONS,
        subcommand: 'get',
        focused: { name: 'id', value: '' },
      });
      const offered = await h.fake.waitForRequest(
        (r) => callbackRoute(r) && r.path.includes(typed.id),
        WAIT_MS,
      );
      expect(payloadOf(offered).choices).toEqual([]);

      // A moderator's dry run, then the same member clicks Confirm after losing the role.
      const { message } = await add('kelihos.md', KELIHOS);
      const click1 = await click(message, 'kb:ok:', DEFAULT_PERMISSIONS);
      expect(payloadOf(click1.callback)).toMatchObject({ flags: MessageFlags.Ephemeral });
      expect(click1.content).toMatch(refused);
      expect(existsSync(join(h.dir, 'kelihos.md'))).toBe(false);
      // Still pending for a moderator.
      expect((await click(message, 'kb:ok:')).content).toContain('✅ Added `kelihos.md`.');
    });

    it('GIVEN the attachment cannot be downloaded THEN the moderator is told and nothing is pending', async () => {
      const attachment = h.fake.addAttachment('kelihos.md', KELIHOS);
      const missing = { ...attachment, url: attachment.url.replace(attachment.id, '1') };
      const { body, message } = await kb(
        'add',
        [{ name: 'file', type: ApplicationCommandOptionType.Attachment, value: attachment.id }],
        { attachment: missing },
      );
      expect(body.content).toMatch(/could not download it \(HTTP 404\)/);
      expect(buttons(message)).toEqual([]);
    });
  },
);
