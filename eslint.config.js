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
    files: ['packages/natverkskarta/src/{model,layout,store,i18n,export}/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['lit', 'lit/*', '../elements/*', '../controllers/*'] }] },
  },
  {
    files: ['demo/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/packages/**', '../../packages/*'] }] },
  },
);
