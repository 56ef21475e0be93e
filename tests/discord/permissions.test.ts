import { PermissionFlagsBits, PermissionsBitField } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { isModerator } from '../../src/discord/permissions.js';

const perms = (...flags: bigint[]) => new PermissionsBitField(flags);
const MOD_ROLE = '123456789012345678';

describe('isModerator', () => {
  it('GIVEN Manage Server THEN the member is a moderator', () => {
    expect(isModerator({ permissions: perms(PermissionFlagsBits.ManageGuild), roleIds: [] }, [])).toBe(true);
  });

  it('GIVEN Administrator THEN the member is a moderator (it implies every permission)', () => {
    expect(isModerator({ permissions: perms(PermissionFlagsBits.Administrator), roleIds: [] }, [])).toBe(
      true,
    );
  });

  it('GIVEN a configured moderator role THEN the member is a moderator', () => {
    expect(
      isModerator({ permissions: perms(PermissionFlagsBits.SendMessages), roleIds: ['1', MOD_ROLE] }, [
        MOD_ROLE,
      ]),
    ).toBe(true);
  });

  it('GIVEN neither THEN the member is not', () => {
    expect(
      isModerator({ permissions: perms(PermissionFlagsBits.SendMessages), roleIds: ['1'] }, [MOD_ROLE]),
    ).toBe(false);
  });

  it('GIVEN no guild permissions at all (a DM) THEN nobody is', () => {
    expect(isModerator({ permissions: null, roleIds: [] }, [MOD_ROLE])).toBe(false);
  });
});
