/** sysexits EX_CONFIG: the environment is wrong, not the program. */
export const EXIT_BAD_CONFIG = 78;
/** The knowledge folder does not load; the errors are on stderr. */
export const EXIT_BAD_KNOWLEDGE = 2;
