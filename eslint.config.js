// The import rules of ARCHITECTURE.md §2, enforced here rather than remembered
// (as VS Code does for its layers). tests/unit/lint-rules.test.ts proves they bite.
import { builtinModules } from 'node:module';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const msg = {
  electron: "Only src-main/electron may import 'electron' (ARCHITECTURE.md §2).",
  main: 'src-renderer and src-server never import src-main; go through src-shared/rpc.ts.',
  server: 'Only the hub itself imports src-server.',
  renderer: 'Nothing imports the renderer.',
  node: 'src-shared is pure: no Node APIs, no I/O (ARCHITECTURE.md §2).',
  hosts: 'core never imports its hosts (electron/, web/, cli.ts).',
};

function restrict(...rules) {
  const paths = [];
  const patterns = [];
  for (const r of rules) {
    if (r.paths) paths.push(...r.paths);
    if (r.patterns) patterns.push(...r.patterns);
  }
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

const noElectron = { paths: [{ name: 'electron', message: msg.electron }] };
const noMain = { patterns: [{ group: ['**/src-main', '**/src-main/**'], message: msg.main }] };
const noServer = { patterns: [{ group: ['**/src-server', '**/src-server/**'], message: msg.server }] };
const noRenderer = { patterns: [{ group: ['**/src-renderer', '**/src-renderer/**'], message: msg.renderer }] };
const noNode = {
  paths: NODE_BUILTINS.map((name) => ({ name, message: msg.node })),
  patterns: [{ group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/**', 'fastify', 'pdfmake', 'react', 'react-dom'], message: msg.node }],
};
const noHosts = { patterns: [{ group: ['**/electron/**', '**/web/**', '**/cli', '**/cli.ts'], message: msg.hosts }] };

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
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  { files: ['src-shared/**/*.ts'], rules: restrict(noElectron, noMain, noServer, noRenderer, noNode) },
  { files: ['src-main/core/**/*.ts'], rules: restrict(noElectron, noServer, noRenderer, noHosts) },
  { files: ['src-main/web/**/*.ts', 'src-main/cli.ts'], rules: restrict(noElectron, noServer, noRenderer) },
  { files: ['src-main/electron/**/*.ts'], rules: restrict(noServer, noRenderer) },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(noElectron, noMain, noServer, { paths: NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a browser: no Node APIs.' })) }),
  },
  { files: ['src-server/**/*.{ts,tsx}'], rules: restrict(noElectron, noMain, noRenderer) },
  // The hub's admin page runs in a browser, like the counter's renderer.
  { files: ['src-server/admin-ui/**/*.{ts,tsx}'], languageOptions: { globals: { ...globals.browser } } },
  {
    files: ['src-shared/**/*.ts', 'src-main/**/*.ts', 'src-server/**/*.{ts,tsx}', 'src-renderer/**/*.{ts,tsx}'],
    ignores: CLOCK_MODULES,
    rules: noWallClock,
  },
);
