// The import rules of ARCHITECTURE.md §2, enforced here rather than remembered (as VS Code does
// for its layers): each layer imports only what eslint/layers.js allows it, the PDF engine has one
// door, and no catch is silent (rules in eslint/plugin.js). tests/unit/lint-rules.test.ts proves
// they bite.
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
);
