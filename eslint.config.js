// Lint: typescript-eslint strict + type-checked, and the layer rules (README, "Code map").
//
// Layers are kept with ESLint's own `no-restricted-imports` rather than a plugin: every import in this
// repo is a relative path ending in `.js`, so a glob on the specifier names the folder it reaches, and
// the rules need no resolver, no extra dependency and no second copy of the module graph.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** What the plain `.mjs` scripts use from Node's globals (TypeScript files get theirs from @types/node). */
const NODE_GLOBALS = Object.fromEntries(
  [
    'process',
    'console',
    'URL',
    'performance',
    'setTimeout',
    'clearTimeout',
    'setInterval',
    'clearInterval',
  ].map((name) => [name, 'readonly']),
);

/** One restricted-import group per boundary, so each folder's rule lists exactly what it may not reach. */
const reach = {
  discordLibrary: {
    group: ['discord.js', '@discordjs/*'],
    message: 'only src/discord speaks to Discord; the core and the other adapters are Discord-free.',
  },
  adapterDiscord: {
    group: ['**/discord', '**/discord/**'],
    message: 'only src/discord may import the Discord adapter.',
  },
  adapterCli: { group: ['**/cli', '**/cli/**'], message: 'only src/cli may import the CLI adapter.' },
  config: {
    group: ['**/config', '**/config/**'],
    message:
      'only the adapters read src/config; the core and the adapter helpers take settings as arguments.',
  },
  adapterHelpers: {
    group: ['**/feedback', '**/feedback/**', '**/shared', '**/shared/**'],
    message: 'src/core serves the adapters and their helpers; it imports none of them.',
  },
  coreInternals: {
    group: ['**/core/**', '!**/core/index.js'],
    message: 'import the core through src/core/index.js, its whole public surface.',
  },
  configInternals: {
    group: ['**/config/**', '!**/config/index.js'],
    message: 'read settings through src/config/index.js, the whole surface of the configuration.',
  },
  feedbackInternals: {
    group: ['**/feedback/**', '!**/feedback/index.js'],
    message: 'reach the feedback store through src/feedback/index.js, its whole surface.',
  },
  indexData: {
    group: ['**/search/search-index.js'],
    importNames: ['indexData', 'searchIndexOf', 'IndexData'],
    message:
      'read an index through SearchIndex (passage(i), terms(i), postings(), documents()...); only src/core/search builds or takes apart its data.',
  },
};

/** `no-restricted-imports` with the given groups; a later config object replaces, not merges, the option. */
const forbid = (...groups) => ['error', { patterns: groups }];

export default defineConfig(
  {
    ignores: ['dist/', 'node_modules/', 'coverage/', '.cache/', 'scratch/', 'knowledge/', 'knowledge-data/'],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Counts, sizes and milliseconds are the usual thing in a message; objects and undefined still are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `(x) => resolve(x)` is the idiom for forwarding a callback; returning void from a body is still caught.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      // A variable that a closure reads before its one assignment stays `let` (a `const` would be in its TDZ).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // A leading underscore marks a parameter or element kept for its position (callbacks, tuples).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // The text pipeline matches control characters on purpose: it strips them from untrusted input.
      'no-control-regex': 'off',
    },
  },
  {
    // With noUncheckedIndexedAccess every array read is `T | undefined`; the core's loops index parallel
    // arrays within bounds they just checked, and `!` says so at no cost. Adapters (untrusted input) keep it.
    files: ['src/core/**', 'tests/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    // Tests read JSON payloads from the fake Discord and the bot's logs as `any`: a wrong field fails the
    // test itself, so typing every payload would add code without adding a check.
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // The fake Discord speaks the wire format: raw numbers for flags and enums, and the fields Discord
      // still sends though discord-api-types marks them deprecated.
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      '@typescript-eslint/no-deprecated': 'off',
      // afterEach hooks guard against a beforeEach that failed half-way, which the types cannot show.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Fakes implement async interfaces (IPC ports, handlers) without anything to await.
      '@typescript-eslint/require-await': 'off',
    },
  },

  // The layers: core <- config, feedback, shared <- cli / discord; each is reached through its one entry
  // point (core/index.ts, config/index.ts, feedback/index.ts, shared/adapter.ts), never past it.
  // Tests may import any module they test; the tools below say why they need more than the surface.
  //
  // Inside the core, an index is read through SearchIndex: its data (IndexData) is built, saved and
  // sent only by src/core/search, so how it is stored can change without touching a reader. The
  // TypeScript type keeps the fields out of reach; this rule keeps the way round it (`indexData`) shut.
  {
    files: ['src/core/**'],
    ignores: ['src/core/search/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.discordLibrary,
        reach.adapterDiscord,
        reach.adapterCli,
        reach.config,
        reach.adapterHelpers,
        reach.indexData,
      ),
    },
  },
  {
    files: ['src/core/search/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.discordLibrary,
        reach.adapterDiscord,
        reach.adapterCli,
        reach.config,
        reach.adapterHelpers,
      ),
    },
  },
  {
    files: ['src/config/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.discordLibrary,
        reach.adapterDiscord,
        reach.adapterCli,
        reach.coreInternals,
      ),
    },
  },
  {
    files: ['src/feedback/**', 'src/shared/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.discordLibrary,
        reach.adapterDiscord,
        reach.adapterCli,
        reach.config,
        reach.coreInternals,
      ),
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.discordLibrary,
        reach.adapterDiscord,
        reach.coreInternals,
        reach.configInternals,
        reach.feedbackInternals,
      ),
    },
  },
  {
    files: ['src/discord/**'],
    rules: {
      'no-restricted-imports': forbid(
        reach.adapterCli,
        reach.coreInternals,
        reach.configInternals,
        reach.feedbackInternals,
      ),
    },
  },
  {
    files: ['bench/**', 'scripts/**'],
    // bench/engines.ts times the answerer's stages one by one; scripts/lexicon builds and tunes the core's
    // own lexicon table. Both are the core's development tools, so they may open it up. So is
    // bench/packed-index.ts, which searches one index's data through two storages (rule below).
    ignores: ['bench/engines.ts', 'bench/packed-index.ts', 'scripts/lexicon/**'],
    rules: { 'no-restricted-imports': forbid(reach.coreInternals) },
  },
  {
    files: ['bench/engines.ts', 'scripts/lexicon/**'],
    rules: { 'no-restricted-imports': forbid(reach.indexData) },
  },
  // bench/packed-index.ts alone may take an index apart outside src/core/search: it measures the packed
  // storage against MiniSearch's own tree over the very same data, which needs the data.
);
