'use strict';
// A small JavaScript tokenizer for the REPL: enough to tell whether input is still open
// (an unclosed bracket, template or comment) and to split top-level statements for the
// top-level-await rewrite (internal/repl/await.js). It is not a parser: regular
// expressions are told from division by the previous token, as most tools do.

const kIdStart = /[\p{ID_Start}$_\\]/u;
const kIdPart = /[\p{ID_Continue}$\u200c\u200d\\]/u;
const kPunctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=', '??=',
  '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--', '+=', '-=', '*=', '/=',
  '%=', '&=', '|=', '^=', '<<', '>>', '**',
];
// After these words an expression starts, so a '/' begins a regular expression.
const kExpressionKeywords = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case',
  'do', 'else', 'yield', 'await',
]);
const kOpen = { '(': ')', '[': ']', '{': '}' };

function regexAllowed(prev) {
  if (prev === undefined) return true;
  if (prev.type === 'name') return kExpressionKeywords.has(prev.value);
  if (prev.type === 'punct') return !(prev.value === ')' || prev.value === ']' || prev.value === '}');
  return false;
}

/**
 * Splits `code` into tokens { type, value, start, end, nl } (nl: a line break precedes it).
 * @returns {{ tokens: object[], open: string[], unterminated: string|null }}
 *   open: the brackets still open at the end; unterminated: 'template', 'comment',
 *   'string' or 'regexp' when the input ends inside one.
 */
function tokenize(code) {
  const tokens = [];
  const stack = []; // open brackets; '${' marks a template substitution
  let i = 0;
  let nl = false;
  let unterminated = null;
  const push = (type, value, start) => {
    tokens.push({ type, value, start, end: i, nl });
    nl = false;
  };
  // Reads template characters from i (just after '`' or '}') to '`' or '${'.
  const readTemplate = (start) => {
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') { i += 2; continue; }
      if (c === '`') { i++; push('template', code.slice(start, i), start); return; }
      if (c === '$' && code[i + 1] === '{') {
        i += 2;
        push('template', code.slice(start, i), start);
        stack.push('${');
        return;
      }
      i++;
    }
    unterminated = 'template';
  };
  while (i < code.length && unterminated === null) {
    const c = code[i];
    const start = i;
    if (c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029') { nl = true; i++; continue; }
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && code[i + 1] === '*') {
      const endAt = code.indexOf('*/', i + 2);
      if (endAt === -1) { unterminated = 'comment'; break; }
      if (/[\n\r]/.test(code.slice(i, endAt))) nl = true;
      i = endAt + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      while (i < code.length && code[i] !== c) {
        if (code[i] === '\\') i++;
        else if (code[i] === '\n') break;
        i++;
      }
      if (i >= code.length || code[i] !== c) {
        // A backslash before the line break continues the string.
        unterminated = code[code.length - 2] === '\\' || code.endsWith('\\') ? 'string' : 'bad';
        break;
      }
      i++;
      push('string', code.slice(start, i), start);
      continue;
    }
    if (c === '`') { i++; readTemplate(start); continue; }
    if (c === '}' && stack[stack.length - 1] === '${') {
      stack.pop();
      i++;
      readTemplate(start);
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(code[i + 1] || ''))) {
      i++;
      while (i < code.length && /[\w.]/.test(code[i])) {
        if ((code[i] === 'e' || code[i] === 'E') && /[+-]/.test(code[i + 1])) i++;
        i++;
      }
      push('number', code.slice(start, i), start);
      continue;
    }
    if (kIdStart.test(c) || c === '#') {
      i++;
      while (i < code.length && kIdPart.test(code[i])) i++;
      push('name', code.slice(start, i), start);
      continue;
    }
    if (c === '/' && regexAllowed(tokens[tokens.length - 1])) {
      i++;
      let inClass = false;
      while (i < code.length && (code[i] !== '/' || inClass)) {
        if (code[i] === '\n') break;
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        i++;
      }
      if (code[i] !== '/') { unterminated = 'regexp'; break; }
      i++;
      while (i < code.length && kIdPart.test(code[i])) i++;
      push('regexp', code.slice(start, i), start);
      continue;
    }
    const punct = kPunctuators.find((p) => code.startsWith(p, i)) || c;
    i += punct.length;
    if (kOpen[punct]) stack.push(punct);
    else if (punct === ')' || punct === ']' || punct === '}') {
      if (stack.length > 0 && kOpen[stack[stack.length - 1]] === punct) stack.pop();
    }
    push('punct', punct, start);
  }
  return { tokens, open: stack, unterminated };
}

module.exports = { tokenize };
