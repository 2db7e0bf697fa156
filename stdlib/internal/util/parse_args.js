'use strict';
// util.parseArgs (nodejs.org/api/util.html#utilparseargsconfig): command-line parsing
// in two passes, as Node does it: the arguments become tokens (options, positionals,
// the `--` terminator), then the tokens are checked (strict mode) and stored.

const {
  ERR_INVALID_ARG_VALUE, ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
  ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL, ERR_PARSE_ARGS_UNKNOWN_OPTION,
} = require('internal/errors').codes;
const {
  validateArray, validateBoolean, validateBooleanArray, validateObject, validateString,
  validateStringArray, validateUnion,
} = require('internal/validators');

function defaultArgs() {
  const execArgv = process.execArgv || [];
  const evaluating = execArgv.some((a) => a === '-e' || a === '--eval' || a === '-p' ||
    a === '--print' || a.startsWith('--eval=') || a.startsWith('--print='));
  return process.argv.slice(evaluating ? 1 : 2);
}

// The long name whose `short` is `letter`, else the letter itself.
function longForShort(letter, options) {
  for (const name of Object.keys(options)) {
    if (options[name].short === letter) return name;
  }
  return letter;
}

const isStringOption = (name, options) =>
  Object.prototype.hasOwnProperty.call(options, name) && options[name].type === 'string';

function tokenize(args, options) {
  const tokens = [];
  // [argument, index in args]; an expanded short-option group keeps its index.
  const queue = args.map((arg, i) => [arg, i]);
  // The next argument as the value of a string option, if there is one.
  const takeValue = (name) => {
    if (!isStringOption(name, options) || queue.length === 0) return [undefined, undefined];
    return [queue.shift()[0], false];
  };
  while (queue.length > 0) {
    const [arg, index] = queue.shift();
    if (arg === '--') {
      tokens.push({ kind: 'option-terminator', index });
      for (const [value, i] of queue) tokens.push({ kind: 'positional', index: i, value });
      break;
    }
    const isShort = arg.length >= 2 && arg[0] === '-' && arg[1] !== '-';
    if (isShort && arg.length === 2) {
      const name = longForShort(arg[1], options);
      const [value, inlineValue] = takeValue(name);
      tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
    } else if (isShort && !isStringOption(longForShort(arg[1], options), options)) {
      // -abc is -a -b -c; a string option takes the rest as its value (-abfVALUE).
      const expanded = [];
      for (let i = 1; i < arg.length; i++) {
        const letter = arg[i];
        if (!isStringOption(longForShort(letter, options), options) || i === arg.length - 1) {
          expanded.push([`-${letter}`, index]);
        } else {
          expanded.push([`-${letter}${arg.slice(i + 1)}`, index]);
          break;
        }
      }
      queue.unshift(...expanded);
    } else if (isShort) {
      // -fVALUE for a string option.
      tokens.push({ kind: 'option', name: longForShort(arg[1], options), rawName: `-${arg[1]}`,
                    index, value: arg.slice(2), inlineValue: true });
    } else if (arg.length > 2 && arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq === -1) {
        const name = arg.slice(2);
        const [value, inlineValue] = takeValue(name);
        tokens.push({ kind: 'option', name, rawName: arg, index, value, inlineValue });
      } else {
        tokens.push({ kind: 'option', name: arg.slice(2, eq), rawName: arg.slice(0, eq), index,
                      value: arg.slice(eq + 1), inlineValue: true });
      }
    } else {
      tokens.push({ kind: 'positional', index, value: arg });
    }
  }
  return tokens;
}

function optionUsage(name, options) {
  const short = options[name]?.short;
  return short ? `-${short}, --${name}` : `--${name}`;
}

function checkOption(token, options, allowPositionals) {
  const { name, rawName, value, inlineValue } = token;
  if (!Object.prototype.hasOwnProperty.call(options, name)) {
    throw new ERR_PARSE_ARGS_UNKNOWN_OPTION(rawName, allowPositionals);
  }
  const usage = optionUsage(name, options);
  if (options[name].type === 'string') {
    if (typeof value !== 'string') {
      throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${usage} <value>' argument missing`);
    }
    if (!inlineValue && value.length > 1 && value[0] === '-') {
      const example = rawName.startsWith('--') ? `'--${name}=-XYZ'` :
        `'--${name}=-XYZ' or '${rawName}-XYZ'`;
      throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
        `Option '${usage}' argument is ambiguous.\n` +
        `Did you forget to specify the option argument for '${rawName}'?\n` +
        `To specify an option argument starting with a dash use ${example}.`);
    }
  } else if (value !== undefined) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(`Option '${usage}' does not take an argument`);
  }
}

function store(values, name, value, options) {
  if (name === '__proto__') return;
  const stored = value === undefined ? true : value;
  if (options[name]?.multiple) {
    if (values[name] === undefined) values[name] = [];
    values[name].push(stored);
  } else {
    values[name] = stored;
  }
}

function validateOptions(options) {
  validateObject(options, 'options');
  for (const name of Object.keys(options)) {
    const config = options[name];
    validateObject(config, `options.${name}`);
    validateUnion(config.type, `options.${name}.type`, ['string', 'boolean']);
    if (Object.prototype.hasOwnProperty.call(config, 'short')) {
      validateString(config.short, `options.${name}.short`);
      if (config.short.length !== 1) {
        throw new ERR_INVALID_ARG_VALUE(`options.${name}.short`, config.short,
                                        'must be a single character');
      }
    }
    const multiple = Object.prototype.hasOwnProperty.call(config, 'multiple') && config.multiple;
    if (Object.prototype.hasOwnProperty.call(config, 'multiple')) {
      validateBoolean(config.multiple, `options.${name}.multiple`);
    }
    if (Object.prototype.hasOwnProperty.call(config, 'default')) {
      const where = `options.${name}.default`;
      if (config.type === 'string') {
        if (multiple) validateStringArray(config.default, where);
        else validateString(config.default, where);
      } else if (multiple) {
        validateBooleanArray(config.default, where);
      } else {
        validateBoolean(config.default, where);
      }
    }
  }
}

/**
 * @param {{ args?: string[], options?: object, strict?: boolean,
 *           allowPositionals?: boolean, tokens?: boolean }} [config]
 * @returns {{ values: object, positionals: string[], tokens?: object[] }}
 */
function parseArgs(config = {}) {
  validateObject(config, 'config');
  const args = config.args ?? defaultArgs();
  const strict = config.strict ?? true;
  const allowPositionals = config.allowPositionals ?? !strict;
  const returnTokens = config.tokens ?? false;
  const options = config.options ?? {};
  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateOptions(options);

  const tokens = tokenize(args, options);
  const values = { __proto__: null };
  const positionals = [];
  for (const token of tokens) {
    if (token.kind === 'option') {
      if (strict) checkOption(token, options, allowPositionals);
      store(values, token.name, token.value, options);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      positionals.push(token.value);
    }
  }
  for (const name of Object.keys(options)) {
    if (values[name] === undefined && options[name].default !== undefined) {
      values[name] = options[name].default;
    }
  }
  const result = { values, positionals };
  if (returnTokens) result.tokens = tokens;
  return result;
}

module.exports = { parseArgs };
