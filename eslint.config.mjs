// Lint: type-aware rules that catch real bugs (floating promises, unsafe any),
// type-only imports, file length, and import boundaries between server folders.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const boundary = (group, message) => ({ group, message });

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', '.bench/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
      'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/media/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [boundary(['mediasoup'], 'only server/src/media imports mediasoup')] }],
    },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        boundary(['fastify', 'socket.io', 'mediasoup', '**/gateway/**', '**/http/**', '**/media/**'], 'domain/ holds the rules: no transport or media imports'),
      ] }],
    },
  },
  {
    files: ['signaling/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [boundary(['node:*', '**/server/**', '**/web-common/**'], 'signaling/ is browser-safe and depends on nothing of ours')] }],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': 'off',
    },
  },
);
