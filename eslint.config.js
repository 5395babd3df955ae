import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import importPlugin from 'eslint-plugin-import'
import tseslint from 'typescript-eslint'

const FEATURES = ['environments', 'http-log', 'session', 'tokens', 'presentation', 'guide', 'sharing', 'flows/client-credentials', 'flows/external-api', 'flows/device']

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'coverage'] },
  {
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    files: ['**/*.{ts,tsx}'],
    languageOptions: { ecmaVersion: 2022, globals: { ...globals.browser, ...globals.node } },
    plugins: { import: importPlugin },
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // protocol -> features -> app: the protocol layer stays free of React and app state.
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            // src/lib: small plain helpers any layer may use; they use none of the app.
            { target: './src/lib', from: ['./src/protocol', './src/state', './src/components', './src/features', './src/app'] },
            { target: './src/protocol', from: './src/features' },
            { target: './src/protocol', from: './src/app' },
            { target: './src/protocol', from: './src/components' },
            { target: './src/components', from: './src/features' },
            { target: './src/components', from: './src/app' },
            { target: './src/features', from: './src/app' },
            { target: './src/state', from: ['./src/components', './src/features', './src/app'] },
            // Features do not import each other: the app composes them.
            ...FEATURES.map((feature) => ({
              target: `./src/features/${feature}`,
              from: './src/features',
              except: [`./${feature}`],
            })),
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'zustand', 'zustand/*', '@tanstack/*'], message: 'src/protocol and src/lib must stay plain TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    // React lives in src, outside src/protocol. The hooks rules compile each file they check with the React
    // Compiler (most of lint's time), so the protocol layer, sandbox, relay, scripts and journeys, which may
    // hold no component or hook, skip them.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/protocol/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Only src/protocol and src/lib are barred from UI libraries.
    files: ['src/**/*.{ts,tsx}', 'sandbox/**/*.ts', 'e2e/**/*.ts', 'scripts/**/*.ts', '*.ts'],
    ignores: ['src/protocol/**', 'src/lib/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['sandbox/**/*.ts', 'scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
)
