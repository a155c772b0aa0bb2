import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'custom-elements.json', 'packages/bench/results/**'] },
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  litA11y.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    // Tests build malformed documents on purpose.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The model is pure: no DOM, no Lit, nothing from the layers above it.
    files: ['packages/natverkskarta/src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', 'idb', 'jspdf', 'd3-*', '../*/**', '!../model/**'] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'],
    },
  },
  {
    // Nothing below the elements imports Lit or reaches up to them; only layout/ runs d3-force. (One entry per
    // folder: flat config lets a later entry's list replace an earlier one's for the same rule.)
    files: ['packages/natverkskarta/src/layout/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '../elements/*', '../controllers/*', '../scene/*'] }],
    },
  },
  {
    files: ['packages/natverkskarta/src/{store,i18n,export}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', 'd3-*', '../elements/*', '../controllers/*'] }] },
  },
  {
    // The scene is what the map shows, as data: no DOM, no Lit, no jsPDF, and d3-force only through layout/.
    files: ['packages/natverkskarta/src/scene/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['lit', 'lit/*', 'jspdf', 'd3-*', '../elements/*', '../controllers/*', '../export/*', '../store/*'] },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'],
    },
  },
  {
    // The session is the editor without a screen: no DOM, no Lit, no IndexedDB (only the store's error type).
    files: ['packages/natverkskarta/src/session/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            'lit',
            'lit/*',
            'idb',
            'jspdf',
            'd3-*',
            '../elements/*',
            '../controllers/*',
            '../export/*',
            '../store/*',
            '!../store/errors.js',
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'indexedDB', 'localStorage'],
    },
  },
  {
    files: ['packages/natverkskarta/src/{elements,controllers}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['d3-*'] }] },
  },
  {
    files: ['demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/packages/**', '../../packages/*'] }] },
  },
);
