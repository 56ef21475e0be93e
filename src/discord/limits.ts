/** Discord's hard limits, as literals like @discordjs/builders keeps them. */
export const MESSAGE_CONTENT_MAX = 2_000;
export const EMBED_TITLE_MAX = 256;
export const EMBED_DESCRIPTION_MAX = 4_096;
export const EMBED_FIELD_NAME_MAX = 256;
export const EMBED_FIELD_VALUE_MAX = 1_024;
export const EMBED_FIELDS_MAX = 25;
export const EMBED_FOOTER_MAX = 2_048;
/** Sum of title, description, field names and values, footer and author over all embeds of a message. */
export const EMBEDS_TOTAL_MAX = 6_000;
export const AUTOCOMPLETE_CHOICES_MAX = 25;
export const AUTOCOMPLETE_CHOICE_MAX = 100;
