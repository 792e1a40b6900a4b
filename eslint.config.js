// ESLint flat config: the recommended sets of ESLint, typescript-eslint and eslint-plugin-vue, plus type-only
// imports written as `import type`. Run by `npm run lint` and by `npm test` (a failing stage).
import js from '@eslint/js'
import globals from 'globals'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', 'artifacts/', 'node_modules/', 'web/src/engine/generated/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 'latest',
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      // Formatting is prettier's job; these vue rules only disagree with it.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
    },
  },
  {
    // One owner of engine networks (#11): screens get them from the store, which deletes what it replaces.
    files: ['web/src/**/*.{ts,vue}'],
    ignores: ['web/src/engine/**', 'web/src/composables/useLessonStore.ts', '**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.object.name=/^Engine(Network|Ensemble)$/][callee.property.name='create']",
          message:
            'Get engine networks from the store (composables/useLessonStore: useNetworkStore, withNetwork), which owns their lifetime.',
        },
      ],
    },
  },
)
