'use strict';
// Top-level `await` in the REPL, as Node's REPL does it: the input becomes the body of an
// async arrow function that is called at once. Declarations move out of the function so
// the names stay defined for later inputs (`var` stays var; let, const and class become
// `let`; functions become `var`), and the value of the last expression statement is
// returned as `{ value }` so a promise it yields is not awaited.
// Statements are split with internal/repl/tokens.js, not a full parser: unusual input
// may not rewrite, and then the caller reports the original SyntaxError.

const { tokenize } = require('internal/repl/tokens');

const kNotExpression = new Set([
  'if', 'for', 'while', 'do', 'try', 'switch', 'return', 'throw', 'break', 'continue',
  'var', 'let', 'const', 'function', 'class', 'import', 'export', 'debugger', 'with',
]);
const kBlockStarts = new Set(['function', 'class', 'if', 'for', 'while', 'try', 'switch']);
const kContinuesAfterBlock = new Set(['else', 'catch', 'finally', 'while']);
const kBinaryWords = new Set(['in', 'instanceof', 'of']);

function isOpen(t) {
  return (t.type === 'punct' && (t.value === '(' || t.value === '[' || t.value === '{')) ||
    (t.type === 'template' && t.value.endsWith('${'));
}

function isClose(t) {
  return (t.type === 'punct' && (t.value === ')' || t.value === ']' || t.value === '}')) ||
    (t.type === 'template' && t.value.startsWith('}'));
}

function endsStatement(t) {
  if (t.type === 'punct') return [')', ']', '}', '++', '--'].includes(t.value);
  if (t.type === 'template') return t.value.endsWith('`');
  return true;
}

function beginsStatement(t) {
  if (t.type === 'name') return !kBinaryWords.has(t.value);
  if (t.type === 'punct') return t.value === '++' || t.value === '--' || t.value === '{';
  return t.type !== 'template';
}

function startsBlockStatement(tokens, i) {
  const t = tokens[i];
  if (t.type === 'punct') return t.value === '{';
  if (t.type !== 'name') return false;
  if (t.value === 'async') return tokens[i + 1]?.value === 'function';
  return kBlockStarts.has(t.value);
}

// [[from, to), ...] token ranges of the top-level statements.
function splitStatements(tokens) {
  const ranges = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (i > from && depth === 0 && t.nl && endsStatement(tokens[i - 1]) &&
        beginsStatement(t) && !kContinuesAfterBlock.has(t.value)) {
      ranges.push([from, i]);
      from = i;
    }
    if (isClose(t)) depth--;
    if (isOpen(t)) depth++;
    const next = tokens[i + 1];
    if (depth !== 0) continue;
    if (t.type === 'punct' && t.value === ';' && next?.value !== 'else') {
      ranges.push([from, i + 1]);
      from = i + 1;
    } else if (t.type === 'punct' && t.value === '}' && startsBlockStatement(tokens, from) &&
               !(next && (kContinuesAfterBlock.has(next.value) || !next.nl && next.type === 'punct'))) {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < tokens.length) ranges.push([from, tokens.length]);
  return ranges;
}

// The names a declaration target (a name or a destructuring pattern) binds.
function boundNames(tokens, from, to) {
  const names = [];
  let skipDepth = -1; // inside a default value
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (isOpen(t)) depth++;
    if (isClose(t)) {
      depth--;
      if (skipDepth > depth) skipDepth = -1;
    }
    if (skipDepth !== -1) {
      if (depth === skipDepth && t.value === ',') skipDepth = -1;
      continue;
    }
    if (t.type === 'punct' && t.value === '=') skipDepth = depth;
    else if (t.type === 'name' && tokens[i + 1]?.value !== ':') names.push(t.value);
  }
  return names;
}

function rewriteDeclaration(code, tokens, from, to, hoisted) {
  const kind = tokens[from].value === 'var' ? 'var' : 'let';
  if (tokens[to - 1].value === ';') to--;
  const parts = [];
  let start = from + 1;
  let depth = 0;
  const finish = (end) => {
    let eq = -1;
    for (let i = start, d = 0; i < end; i++) {
      if (isOpen(tokens[i])) d++;
      if (isClose(tokens[i])) d--;
      if (d === 0 && tokens[i].type === 'punct' && tokens[i].value === '=') { eq = i; break; }
    }
    const targetEnd = eq === -1 ? end : eq;
    hoisted.push(`${kind} ${boundNames(tokens, start, targetEnd).join(', ')};`);
    if (eq !== -1) {
      const target = code.slice(tokens[start].start, tokens[eq - 1].end);
      const value = code.slice(tokens[eq + 1].start, tokens[end - 1].end);
      parts.push(`(${target} = ${value})`);
    }
    start = end + 1;
  };
  for (let i = from + 1; i < to; i++) {
    if (isOpen(tokens[i])) depth++;
    if (isClose(tokens[i])) depth--;
    if (depth === 0 && tokens[i].value === ',' && tokens[i].type === 'punct') finish(i);
  }
  if (start < to) finish(to);
  return parts.length ? `void (${parts.join(', ')});` : '';
}

/**
 * Rewrites REPL input that uses top-level await.
 * @param {string} code
 * @returns {string|null} the rewritten script, or null when the input has no top-level
 *   await or cannot be split into statements
 */
function processTopLevelAwait(code) {
  const { tokens, open, unterminated } = tokenize(code);
  if (open.length > 0 || unterminated !== null) return null;
  if (!tokens.some((t) => t.type === 'name' && t.value === 'await')) return null;
  const ranges = splitStatements(tokens);
  const hoisted = [];
  const body = [];
  ranges.forEach(([from, to], index) => {
    const first = tokens[from];
    const text = code.slice(first.start, tokens[to - 1].end);
    const isAsyncFunction = first.value === 'async' && tokens[from + 1]?.value === 'function';
    if (first.type === 'name' && (first.value === 'var' || first.value === 'const' ||
        (first.value === 'let' && tokens[from + 1] &&
         (tokens[from + 1].type === 'name' || '[{'.includes(tokens[from + 1].value))))) {
      body.push(rewriteDeclaration(code, tokens, from, to, hoisted));
      return;
    }
    if (first.value === 'function' || isAsyncFunction || first.value === 'class') {
      let at = from + (isAsyncFunction ? 2 : 1);
      if (tokens[at]?.value === '*') at++;
      const name = tokens[at];
      if (name?.type === 'name' && name.value !== 'extends') {
        hoisted.push(`${first.value === 'class' ? 'let' : 'var'} ${name.value};`);
        body.push(`${name.value} = ${text};`);
        return;
      }
    }
    const last = index === ranges.length - 1;
    if (last && !(first.type === 'punct' && (first.value === '{' || first.value === ';')) &&
        !(first.type === 'name' && kNotExpression.has(first.value)) &&
        !(first.type === 'name' && tokens[from + 1]?.value === ':')) {
      const expression = text.endsWith(';') ? text.slice(0, -1) : text;
      body.push(`return { value: (${expression}\n) };`);
      return;
    }
    body.push(text);
  });
  return `${hoisted.join(' ')}(async () => {\n${body.join('\n')}\n})()`;
}

module.exports = { processTopLevelAwait };
