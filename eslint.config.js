// The import rules of ARCHITECTURE.md §2, enforced here rather than remembered (as VS Code does
// for its layers): each layer imports only what eslint/layers.js allows it, the PDF engine has one
// door, no catch is silent (rules in eslint/plugin.js), and time is read only through a clock
// module. tests/unit/lint-rules.test.ts proves they bite.
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { LAYERS, ONE_DOOR_FOLDERS } from './eslint/layers.js';
import motcua from './eslint/plugin.js';

/** One block per layer: its files may import only what its allow-list names. */
const layerBlocks = LAYERS.map((layer) => ({
  files: layer.files,
  ...(layer.ignores ? { ignores: layer.ignores } : {}),
  ...(layer.node ? {} : { languageOptions: { globals: { ...globals.browser } } }),
  rules: { 'motcua/layer-imports': ['error', layer] },
}));

// Time is read only through a clock module, so every test can set the clock and no rule
// depends on the day it runs (issue #12). Durations use performance.now(), which is not a date.
const CLOCK_MESSAGE =
  'Read the time through the clock (core: ctx.clock / clock.now(); hub: clock.now(); src-shared: take `now` as a parameter; ' +
  'UI: ui/clock.ts). Measure durations with performance.now().';
const CLOCK_MODULES = ['src-main/core/clock.ts', 'src-server/clock.ts', 'src-renderer/ui/clock.ts', 'src-server/admin-ui/ui/clock.ts'];
const noWallClock = {
  'no-restricted-syntax': [
    'error',
    { selector: "MemberExpression[object.name='Date'][property.name='now']", message: `Date.now: ${CLOCK_MESSAGE}` },
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: `new Date() without an argument: ${CLOCK_MESSAGE}` },
    { selector: "CallExpression[callee.name='dayjs'][arguments.length=0]", message: `dayjs() without an argument: ${CLOCK_MESSAGE}` },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', '.tools/**', 'tests/artifacts/**', 'migrations/**', 'bench/results/**'] },
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { motcua },
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      'motcua/no-silent-catch': 'error',
    },
  },
  ...layerBlocks,
  { files: ['src-*/**'], rules: { 'motcua/one-door': ['error', ONE_DOOR_FOLDERS] } },
  { files: ['src-*/**/*.tsx'], rules: { 'motcua/icon-says-how-read': 'error' } },
  {
    files: ['src-shared/**/*.ts', 'src-main/**/*.ts', 'src-server/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}', 'src-ui/**/*.{ts,tsx}'],
    ignores: CLOCK_MODULES,
    rules: noWallClock,
  },
);
