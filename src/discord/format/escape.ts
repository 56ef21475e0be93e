/**
 * The one function that makes document and question text literal in a Discord message: whatever a
 * document or a member wrote, it renders as the characters they typed, never as formatting, a link,
 * a mention pill, a timestamp, a command or channel link, a custom emoji or an invite card.
 *
 * Why not discord.js's `escapeMarkdown`: it escapes only the first masked link of each line, leaves
 * block quotes, subtext and every `<…>` form alone, and does nothing about mentions.
 *
 * How: Discord's Markdown treats a backslash before any ASCII punctuation as an escape and hides the
 * backslash, so escaping a punctuation mark is invisible to the reader and removes its meaning.
 * Every pass is one linear regex replacement with no nested quantifiers.
 */
export function escapeDiscord(text: string): string {
  return (
    text
      .replace(INVISIBLE, '')
      .replace(SEGMENT, (_match: string, url: string | undefined, other: string | undefined) =>
        // A bare URL stays a working link: a backslash inside it would become part of the address.
        // Discord's URL rule takes `*`, `_` and `|` in it literally anyway.
        url !== undefined ? defuse(url) : defuse((other ?? '').replace(INLINE, '\\$&')),
      )
      // Line-start syntax: headings, subtext `-#`, lists, block quotes, numbered lists.
      .replace(LINE_START, '$1\\$2')
      .replace(NUMBERED, '$1$2\\.')
  );
}

/** Mentions and invites that Discord finds in the raw text, links included. */
const defuse = (text: string): string =>
  text
    // `@everyone` and `@here` are parsed from the raw text; an escaped `@` is not a mention.
    .replace(EVERYONE, '\\@$1')
    // Invites are detected server-side in the raw text and become a join card.
    .replace(INVITE, '$1\\.');

// Controls (keeping tab and newline), zero-width characters and BiDi overrides/isolates: none can be
// seen, and they can reorder or disguise what a member reads.
const INVISIBLE =
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
/** A bare http(s) URL, as Discord's autolink rule takes it, or a run of anything else. */
const SEGMENT = /(https?:\/\/[^\s<]+)|((?:[^h]|h(?!ttps?:\/\/))+)/g;
// Every character that opens or closes inline syntax, wherever it is on the line: emphasis,
// underline, strike, code, spoilers, masked links (the `(` of `](` is escaped, so a bare `[1]`
// marker stays as it is) and all `<…>` forms (mentions
// `<@id>` `<@&id>` `<#id>`, timestamps `<t:…>`, commands `</x:id>`, emoji `<:x:id>`).
const INLINE = /[\\*_~`|<>]|(?<=\])\(/g;
const LINE_START = /^([ \t]*)([#>\-+*])/gm;
const NUMBERED = /^([ \t]*)(\d+)\./gm;
const EVERYONE = /@(everyone|here)\b/gi;
const INVITE = /\b(discord(?:app)?|dsc)\.(?=(?:gg|com|io|me|li)\b)/gi;
