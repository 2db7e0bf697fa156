// ESLint's flat config: a few core rules, no plugins.
module.exports = [
  {
    files: ['**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs', globals: { console: 'readonly', require: 'readonly', module: 'writable' } },
    rules: { 'no-unused-vars': 'error', 'no-undef': 'error', eqeqeq: 'warn', 'prefer-const': 'error' },
  },
];
