'use strict';
// Turning terminal input into 'keypress' events: emitKeypressEvents(stream) decodes the
// stream's data as UTF-8 and feeds it, one character at a time, to a parser of escape
// sequences (xterm, rxvt, the Linux console, VT220 function keys). Each key is emitted
// as (sequence, { sequence, name, ctrl, meta, shift, code? }), the shape Node gives it.
// A lone ESC is flushed as 'escape' after escapeCodeTimeout (500 ms by default).

const { StringDecoder } = require('string_decoder');

const kEscape = '\x1b';
const kDecoder = Symbol('keypress-decoder');
const kParser = Symbol('escape-decoder');
const kSawKeyPress = Symbol('_sawKeyPress');
const kEscapeCodeTimeout = 500;

// Names of CSI/SS3 codes (without modifiers).
const kKeyNames = {
  // xterm/gnome ESC O letter, ESC [ letter.
  OP: 'f1', OQ: 'f2', OR: 'f3', OS: 'f4', '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8', '[20~': 'f9', '[21~': 'f10',
  '[23~': 'f11', '[24~': 'f12',
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left', '[E': 'clear', '[F': 'end',
  '[H': 'home',
  OA: 'up', OB: 'down', OC: 'right', OD: 'left', OE: 'clear', OF: 'end', OH: 'home',
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end', '[5~': 'pageup',
  '[6~': 'pagedown', '[[5~': 'pageup', '[[6~': 'pagedown', '[7~': 'home', '[8~': 'end',
  // rxvt: shift and ctrl variants.
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown', '[7$': 'home',
  '[8$': 'end',
  Oa: 'up', Ob: 'down', Oc: 'right', Od: 'left', Oe: 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown', '[7^': 'home',
  '[8^': 'end',
  '[Z': 'tab',
};
const kShiftCodes = new Set(['[a', '[b', '[c', '[d', '[e', '[2$', '[3$', '[5$', '[6$', '[7$',
  '[8$', '[Z']);
const kCtrlCodes = new Set(['Oa', 'Ob', 'Oc', 'Od', 'Oe', '[2^', '[3^', '[5^', '[6^', '[7^',
  '[8^']);

// The UTF-16 length of the character at `i` (2 for a surrogate pair).
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return str.codePointAt(i) >= 0x10000 ? 2 : 1;
}

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

// Reads the rest of an escape sequence after ESC [ or ESC O; returns { code, modifier }
// with code as Node spells it ('[A', '[3~', 'OP', '[[5~', '[31m') and modifier the
// xterm modifier minus one (bit 0 shift, bit 1 alt, bit 2 ctrl, bit 3 meta).
function* readCode(first) {
  let ch = yield;
  if (first === 'O') {
    // ESC O letter, or ESC O modifier letter.
    let modifier = 0;
    if (isDigit(ch)) {
      modifier = (ch | 0) - 1;
      ch = yield;
    }
    return { code: `O${ch}`, modifier };
  }
  let code = '[';
  if (ch === '[') {
    // Linux console ESC [ [ letter, PuTTY ESC [ [ digits ~.
    code += ch;
    ch = yield;
  }
  let cmd = '';
  while (isDigit(ch) || ch === ';') {
    cmd += ch;
    ch = yield;
  }
  cmd += ch;
  let match = /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/.exec(cmd);
  if (match) {
    if (match[4]) return { code: code + match[4], modifier: 0 };
    return { code: code + match[1] + match[3], modifier: (match[2] || 1) - 1 };
  }
  match = /^((\d;)?(\d))?([A-Za-z])$/.exec(cmd);
  if (match) return { code: code + match[4], modifier: (match[3] || 1) - 1 };
  return { code: code + cmd, modifier: 0 };
}

// The parser: a generator that receives characters and emits 'keypress' on `stream`.
function* emitKeys(stream) {
  while (true) {
    let ch = yield;
    let s = ch;
    let escaped = false;
    const key = { sequence: null, name: undefined, ctrl: false, meta: false, shift: false };

    if (ch === kEscape) {
      escaped = true;
      s += (ch = yield);
      if (ch === kEscape) s += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      const reader = readCode(ch);
      reader.next();
      let result;
      for (;;) {
        const next = yield;
        s += next;
        const step = reader.next(next);
        if (step.done) {
          result = step.value;
          break;
        }
      }
      const { code, modifier } = result;
      key.ctrl = !!(modifier & 4);
      key.meta = !!(modifier & 10);
      key.shift = !!(modifier & 1);
      key.code = code;
      key.name = kKeyNames[code] ?? 'undefined';
      if (kShiftCodes.has(code)) key.shift = true;
      if (kCtrlCodes.has(code)) key.ctrl = true;
    } else if (ch === '\r') {
      key.name = 'return';
      key.meta = escaped;
    } else if (ch === '\n') {
      key.name = 'enter';
      key.meta = escaped;
    } else if (ch === '\t') {
      key.name = 'tab';
      key.meta = escaped;
    } else if (ch === '\b' || ch === '\x7f') {
      key.name = 'backspace';
      key.meta = escaped;
    } else if (ch === kEscape) {
      key.name = 'escape';
      key.meta = escaped;
    } else if (ch === ' ') {
      key.name = 'space';
      key.meta = escaped;
    } else if (ch.length === 1 && ch <= '\x1a') {
      // Ctrl+letter (Alt+Ctrl+letter when escaped).
      key.name = String.fromCharCode(ch.charCodeAt(0) + 'a'.charCodeAt(0) - 1);
      key.ctrl = true;
      key.meta = escaped;
    } else if (/^[0-9A-Za-z]$/.test(ch)) {
      key.name = ch.toLowerCase();
      key.shift = /^[A-Z]$/.test(ch);
      key.meta = escaped;
    } else if (escaped) {
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      stream.emit('keypress', s, key);
    }
  }
}

/**
 * Makes `stream` emit 'keypress' events for its data while it has 'keypress' listeners.
 * @param {import('stream').Readable} stream
 * @param {object} [iface] the readline Interface using it (for escapeCodeTimeout)
 */
function emitKeypressEvents(stream, iface = {}) {
  if (stream[kDecoder]) return;
  stream[kDecoder] = new StringDecoder('utf8');
  stream[kParser] = emitKeys(stream);
  stream[kParser].next();
  const triggerEscape = () => stream[kParser].next('');
  const { escapeCodeTimeout = kEscapeCodeTimeout } = iface;
  let timer;

  function onData(input) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens: stop decoding until someone does.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const string = stream[kDecoder].write(input);
    if (!string) return;
    clearTimeout(timer);
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    iface.isCompletionEnabled = false;
    let length = 0;
    for (const character of string) {
      length += character.length;
      if (length === string.length) iface.isCompletionEnabled = true;
      try {
        stream[kParser].next(character);
        if (length === string.length && character === kEscape) {
          timer = setTimeout(triggerEscape, escapeCodeTimeout);
        }
      } catch (err) {
        // A throwing 'keypress' listener must not leave the parser dead.
        stream[kParser] = emitKeys(stream);
        stream[kParser].next();
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) stream.on('data', onData);
  else stream.on('newListener', onNewListener);
}

module.exports = { charLengthAt, emitKeypressEvents, kSawKeyPress, kEscapeCodeTimeout };
