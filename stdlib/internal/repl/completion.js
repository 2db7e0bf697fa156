'use strict';
// Tab completion for the REPL: dot-commands, global names and keywords, and the
// properties of `a.b.` chains (evaluated in the REPL's context; only plain property
// chains are evaluated, so completion never calls a function).
// Differs from Node 20: no side-effect-free evaluation of arbitrary expressions, no
// completion of require() paths, and candidates are not grouped by prototype level.

const vm = require('vm');

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'extends', 'false', 'finally', 'for',
  'function', 'if', 'import', 'in', 'instanceof', 'let', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'undefined', 'var', 'void', 'while',
  'with', 'yield',
];
const kIdentifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const kChain = /([\p{ID_Start}$_][\p{ID_Continue}$]*(?:\??\.[\p{ID_Start}$_][\p{ID_Continue}$]*)*\??\.)?([\p{ID_Continue}$]*)$/u;

// A property of a string literal: `'abc'.toUpp`.
const kStringProperty = /((["'])(?:(?!\2)[^\\]|\\.)*\2\.)([\p{ID_Continue}$]*)$/u;

function propertyNames(value) {
  const names = new Set();
  let object = value;
  if (object === null || object === undefined) return names;
  if (typeof object !== 'object' && typeof object !== 'function') object = Object(object);
  for (let depth = 0; object !== null && depth < 64; depth++) {
    for (const name of Object.getOwnPropertyNames(object)) {
      if (kIdentifier.test(name)) names.add(name);
    }
    object = Object.getPrototypeOf(object);
  }
  return names;
}

function evaluateChain(repl, chain) {
  const code = chain.replace(/\??\.$/, '');
  const options = { displayErrors: false, timeout: 100 };
  return repl.context === globalThis ? vm.runInThisContext(code, options) :
    vm.runInContext(code, repl.context, options);
}

/**
 * The completer of `repl`: (line, callback(err, [completions, substring])).
 */
function makeCompleter(repl) {
  return function complete(line, callback) {
    let result;
    try {
      result = completeLine(repl, line);
    } catch {
      result = [[], line];
    }
    // Outside the try: an error of the callback is the caller's.
    callback(null, result);
  };
}

function completeLine(repl, line) {
  if (repl.bufferedCommand === '' && /^\s*\.[\w$]*$/.test(line)) {
    const partial = line.trim().slice(1);
    const names = Object.keys(repl.commands).filter((name) => name.startsWith(partial));
    return [names.sort(), partial];
  }
  const literal = kStringProperty.exec(line);
  if (literal !== null) {
    const found = [...propertyNames('')].filter((name) => name.startsWith(literal[3])).sort();
    return [found.map((name) => literal[1] + name), literal[1] + literal[3]];
  }
  const match = kChain.exec(line);
  if (match === null) return [[], line];
  const before = line[match.index - 1];
  if (before === '.' || /[0-9]/.test(line[match.index] || '')) return [[], line];
  const chain = match[1] || '';
  const prefix = match[2];
  let names;
  if (chain === '') {
    names = propertyNames(repl.context);
    for (const keyword of kKeywords) names.add(keyword);
    for (const name of repl.lexicalNames) names.add(name);
  } else {
    names = propertyNames(evaluateChain(repl, chain));
  }
  const found = [...names].filter((name) => name.startsWith(prefix)).sort();
  return [found.map((name) => chain + name), chain + prefix];
}

module.exports = { makeCompleter };
