'use strict';
// Terminal-mode line editing for the readline Interface: what each keypress does to
// rl.line / rl.cursor, redrawing the prompt and line, history navigation (with prefix
// search, as Node's up/down do), tab completion, and Ctrl+C/Ctrl+D/Ctrl+Z.
// TODO(compat): undo/redo (Ctrl+_ / Ctrl+^), yank (Ctrl+Y), Ctrl+T transpose, and
// grapheme-cluster-aware cursor movement are not implemented.

const { cursorTo, clearScreenDown, moveCursor: moveTerminalCursor } =
  require('internal/readline/callbacks');
const { charLengthAt } = require('internal/readline/keypress');
const { kOnLine, kSawReturnAt } = require('internal/readline/symbols');

const kSubstringSearch = Symbol('kSubstringSearch');
const kPreviousKey = Symbol('kPreviousKey');

// Strips ANSI escape sequences (colours in a prompt) before measuring.
const ansi = /[\u001B\u009B][[\]()#;?]*(?:(?:(?:[a-zA-Z\d]*(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g;

function isFullWidth(code) {
  return code >= 0x1100 && (code <= 0x115f || code === 0x2329 || code === 0x232a ||
    (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
    (code >= 0x3250 && code <= 0x4dbf) || (code >= 0x4e00 && code <= 0xa4c6) ||
    (code >= 0xa960 && code <= 0xa97c) || (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe10 && code <= 0xfe19) ||
    (code >= 0xfe30 && code <= 0xfe6b) || (code >= 0xff01 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1b000 && code <= 0x1b001) ||
    (code >= 0x1f200 && code <= 0x1f251) || (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd));
}

function isZeroWidth(code) {
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) || (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef);
}

// Columns a string takes on a terminal.
function getStringWidth(str) {
  str = str.replace(ansi, '');
  let width = 0;
  for (const char of str) {
    const code = char.codePointAt(0);
    if (isFullWidth(code)) width += 2;
    else if (!isZeroWidth(code)) width++;
  }
  return width;
}

// Rows and columns `str` occupies when printed from column 0 (tabs and newlines included).
function getDisplayPos(rl, str) {
  let offset = 0;
  const col = rl.columns;
  let rows = 0;
  str = str.replace(ansi, '');
  for (const char of str) {
    if (char === '\n') {
      rows += Math.ceil(offset / col) || 1;
      offset = 0;
      continue;
    }
    if (char === '\t') {
      offset += rl.tabSize - (offset % rl.tabSize);
      continue;
    }
    const width = getStringWidth(char);
    if (width === 0 || width === 1) {
      offset += width;
    } else if ((offset + 1) % col === 0) {
      offset += 2;  // A wide character does not fit at the end of a row.
    } else {
      offset += 2;
    }
  }
  const cols = offset % col;
  rows += (offset - cols) / col;
  return { cols, rows };
}

function prompt(rl) {
  return rl.getPrompt();
}

function getCursorPos(rl) {
  const text = prompt(rl) + rl.line.slice(0, rl.cursor);
  return getDisplayPos(rl, text);
}

function refreshLine(rl) {
  if (!rl.output) return;
  const line = prompt(rl) + rl.line;
  const dispPos = getDisplayPos(rl, line);
  const cursorPos = getCursorPos(rl);
  const prevRows = rl.prevRows || 0;
  if (prevRows > 0) moveTerminalCursor(rl.output, 0, -prevRows);
  cursorTo(rl.output, 0);
  clearScreenDown(rl.output);
  rl._writeToOutput(line);
  if (dispPos.cols === 0) rl._writeToOutput(' ');  // Wrap the cursor onto the next row.
  cursorTo(rl.output, cursorPos.cols);
  const diff = dispPos.rows - cursorPos.rows;
  if (diff > 0) moveTerminalCursor(rl.output, 0, -diff);
  rl.prevRows = cursorPos.rows;
}

// Moves rl.cursor by dx characters, redrawing as little as possible.
function moveCursor(rl, dx) {
  if (dx === 0) return;
  const oldPos = getCursorPos(rl);
  rl.cursor = Math.max(0, Math.min(rl.line.length, rl.cursor + dx));
  const newPos = getCursorPos(rl);
  if (oldPos.rows === newPos.rows) {
    const diffWidth = newPos.cols - oldPos.cols;
    moveTerminalCursor(rl.output, diffWidth, 0);
  } else {
    refreshLine(rl);
  }
}

function insertString(rl, c) {
  if (rl.cursor < rl.line.length) {
    rl.line = rl.line.slice(0, rl.cursor) + c + rl.line.slice(rl.cursor);
    rl.cursor += c.length;
    refreshLine(rl);
  } else {
    const oldPos = getCursorPos(rl);
    rl.line += c;
    rl.cursor += c.length;
    const newPos = getCursorPos(rl);
    if (oldPos.rows < newPos.rows) refreshLine(rl);
    else rl._writeToOutput(c);
  }
}

function commonPrefix(strings) {
  if (strings.length === 0) return '';
  const sorted = strings.slice().sort();
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  let i = 0;
  while (i < min.length && min[i] === max[i]) i++;
  return min.slice(0, i);
}

function tabComplete(rl, lastKeypressWasTab) {
  rl.pause();
  const string = rl.line.slice(0, rl.cursor);
  const onResult = (err, value) => {
    rl.resume();
    if (err) {
      rl._writeToOutput(`Tab completion error: ${require('util').inspect(err)}`);
      return;
    }
    showCompletions(rl, lastKeypressWasTab, value);
  };
  if (rl.completer.length === 2) {
    rl.completer(string, onResult);
    return;
  }
  let value;
  try {
    value = rl.completer(string);
  } catch (err) {
    onResult(err);
    return;
  }
  if (value && typeof value.then === 'function') value.then((v) => onResult(null, v), onResult);
  else onResult(null, value);
}

function showCompletions(rl, lastKeypressWasTab, result) {
  if (!result) return;
  const [completions, completeOn] = result;
  if (!completions || completions.length === 0) return;
  // A prefix common to every match is inserted at once.
  const prefix = commonPrefix(completions.filter((e) => e !== ''));
  if (prefix.startsWith(completeOn) && prefix.length > completeOn.length) {
    insertString(rl, prefix.slice(completeOn.length));
    return;
  } else if (!completeOn.startsWith(prefix)) {
    rl.line = rl.line.slice(0, rl.cursor - completeOn.length) + prefix + rl.line.slice(rl.cursor);
    rl.cursor = rl.cursor - completeOn.length + prefix.length;
    refreshLine(rl);
    return;
  }
  if (!lastKeypressWasTab) return;
  // A second Tab lists the matches in columns.
  const widths = completions.map((e) => getStringWidth(e));
  const width = Math.max(...widths) + 2;
  let maxColumns = Math.floor(rl.columns / width) || 1;
  if (maxColumns === Infinity) maxColumns = 1;
  let output = '\r\n';
  let lineIndex = 0;
  let whitespace = 0;
  for (let i = 0; i < completions.length; i++) {
    const completion = completions[i];
    if (completion === '' || lineIndex === maxColumns) {
      output += '\r\n';
      lineIndex = 0;
      whitespace = 0;
    } else {
      output += ' '.repeat(whitespace);
    }
    if (completion !== '') {
      output += completion;
      whitespace = width - widths[i];
      lineIndex++;
    } else {
      output += '\r\n';
    }
  }
  if (lineIndex !== 0) output += '\r\n\r\n';
  rl._writeToOutput(output);
  refreshLine(rl);
}

function addHistory(rl) {
  if (rl.line.length === 0) return '';
  if (rl.historySize === 0) return rl.line;
  if (rl.line.trim().length === 0) return rl.line;
  if (rl.history.length === 0 || rl.history[0] !== rl.line) {
    if (rl.removeHistoryDuplicates) {
      const index = rl.history.indexOf(rl.line);
      if (index !== -1) rl.history.splice(index, 1);
    }
    rl.history.unshift(rl.line);
    if (rl.history.length > rl.historySize) rl.history.pop();
  }
  rl.historyIndex = -1;
  // A 'history' listener may edit the array (drop a password, say).
  const line = rl.history[0];
  rl.emit('history', rl.history);
  return line;
}

function historyMove(rl, direction) {
  const search = rl[kSubstringSearch] || '';
  let index = rl.historyIndex + direction;
  while (index >= 0 && index < rl.history.length &&
         (!rl.history[index].startsWith(search) || rl.line === rl.history[index])) {
    index += direction;
  }
  if (direction < 0) {
    if (rl.historyIndex < 0) return;
    rl.line = index < 0 ? search : rl.history[index];
    rl.historyIndex = Math.max(index, -1);
  } else {
    if (rl.historyIndex >= rl.history.length || rl.history.length === 0) return;
    rl.line = index >= rl.history.length ? search : rl.history[index];
    rl.historyIndex = index;
  }
  rl.cursor = rl.line.length;
  refreshLine(rl);
}

function submitLine(rl) {
  const line = addHistory(rl);
  rl.clearLine();
  rl[kOnLine](line);
}

function deleteLeft(rl) {
  if (rl.cursor > 0 && rl.line.length > 0) {
    const n = charLengthAt(rl.line, rl.cursor - 1) === 2 &&
      rl.line.codePointAt(rl.cursor - 2) >= 0x10000 ? 2 : 1;
    rl.line = rl.line.slice(0, rl.cursor - n) + rl.line.slice(rl.cursor);
    rl.cursor -= n;
    refreshLine(rl);
  }
}

function deleteRight(rl) {
  if (rl.cursor < rl.line.length) {
    const n = charLengthAt(rl.line, rl.cursor);
    rl.line = rl.line.slice(0, rl.cursor) + rl.line.slice(rl.cursor + n);
    refreshLine(rl);
  }
}

function wordLeft(rl) {
  if (rl.cursor > 0) {
    const leading = rl.line.slice(0, rl.cursor).split('').reverse().join('');
    const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(leading);
    moveCursor(rl, -match[0].length);
  }
}

function wordRight(rl) {
  if (rl.cursor < rl.line.length) {
    const trailing = rl.line.slice(rl.cursor);
    const match = /^(?:\s+|[^\w\s]+|\w+)\s*/.exec(trailing);
    moveCursor(rl, match[0].length);
  }
}

function deleteWordLeft(rl) {
  if (rl.cursor > 0) {
    let leading = rl.line.slice(0, rl.cursor);
    const reversed = leading.split('').reverse().join('');
    const match = /^\s*(?:[^\w\s]+|\w+)?/.exec(reversed);
    leading = leading.slice(0, leading.length - match[0].length);
    rl.line = leading + rl.line.slice(rl.cursor);
    rl.cursor = leading.length;
    refreshLine(rl);
  }
}

function deleteWordRight(rl) {
  if (rl.cursor < rl.line.length) {
    const trailing = rl.line.slice(rl.cursor);
    const match = /^(?:\s+|\W+|\w+)\s*/.exec(trailing);
    rl.line = rl.line.slice(0, rl.cursor) + trailing.slice(match[0].length);
    refreshLine(rl);
  }
}

// Handles one keypress (`s` the text, `key` the parsed key) in terminal mode.
function ttyWrite(rl, s, key) {
  const previousKey = rl[kPreviousKey];
  key = key || {};
  rl[kPreviousKey] = key;
  if (key.name !== 'up' && key.name !== 'down') rl[kSubstringSearch] = null;
  else if (rl[kSubstringSearch] === null || rl[kSubstringSearch] === undefined) {
    rl[kSubstringSearch] = rl.line.slice(0, rl.cursor);
  }

  // Escape sequences Node ignores.
  if (key.name === 'escape') return;

  if (key.ctrl && key.shift) {
    // Delete to the start / the end of the line.
    if (key.name === 'backspace') {
      rl.line = rl.line.slice(rl.cursor);
      rl.cursor = 0;
      refreshLine(rl);
    } else if (key.name === 'delete') {
      rl.line = rl.line.slice(0, rl.cursor);
      refreshLine(rl);
    }
    return;
  }
  if (key.ctrl) {
    switch (key.name) {
      case 'c':
        if (rl.listenerCount('SIGINT') > 0) rl.emit('SIGINT');
        else rl.close();
        return;
      case 'h': deleteLeft(rl); return;
      case 'd':
        if (rl.cursor === 0 && rl.line.length === 0) rl.close();
        else deleteRight(rl);
        return;
      case 'u':
        rl.line = rl.line.slice(rl.cursor);
        rl.cursor = 0;
        refreshLine(rl);
        return;
      case 'k':
        rl.line = rl.line.slice(0, rl.cursor);
        refreshLine(rl);
        return;
      case 'a': moveCursor(rl, -Infinity); return;
      case 'e': moveCursor(rl, +Infinity); return;
      case 'b': moveCursor(rl, -charLengthAt(rl.line, rl.cursor - 1)); return;
      case 'f': moveCursor(rl, +charLengthAt(rl.line, rl.cursor)); return;
      case 'l':
        cursorTo(rl.output, 0, 0);
        clearScreenDown(rl.output);
        refreshLine(rl);
        return;
      case 'n': historyMove(rl, -1); return;
      case 'p': historyMove(rl, +1); return;
      case 'z':
        if (process.platform === 'win32') return;
        if (rl.listenerCount('SIGTSTP') > 0) {
          rl.emit('SIGTSTP');
        } else {
          process.once('SIGCONT', () => {
            if (!rl.paused) {
              rl.pause();
              rl.emit('SIGCONT');
            }
            rl.input.setRawMode?.(true);
            refreshLine(rl);
          });
          rl.input.setRawMode?.(false);
          process.kill(process.pid, 'SIGTSTP');
        }
        return;
      case 'w':
      case 'backspace': deleteWordLeft(rl); return;
      case 'delete': deleteWordRight(rl); return;
      case 'left': wordLeft(rl); return;
      case 'right': wordRight(rl); return;
      default: break;
    }
    if (key.name !== 'return' && key.name !== 'enter') return;
  }
  if (key.meta) {
    switch (key.name) {
      case 'b': wordLeft(rl); return;
      case 'f': wordRight(rl); return;
      case 'd':
      case 'delete': deleteWordRight(rl); return;
      case 'backspace': deleteWordLeft(rl); return;
      default: break;
    }
  }
  switch (key.name) {
    case 'return':
      rl[kSawReturnAt] = Date.now();
      submitLine(rl);
      return;
    case 'enter': {
      // '\r\n' within crlfDelay is one line ending.
      if (rl[kSawReturnAt] === 0 || Date.now() - rl[kSawReturnAt] > rl.crlfDelay) {
        submitLine(rl);
      }
      rl[kSawReturnAt] = 0;
      return;
    }
    case 'backspace': deleteLeft(rl); return;
    case 'delete': deleteRight(rl); return;
    case 'left': moveCursor(rl, -charLengthAt(rl.line, rl.cursor - 1)); return;
    case 'right': moveCursor(rl, +charLengthAt(rl.line, rl.cursor)); return;
    case 'home': moveCursor(rl, -Infinity); return;
    case 'end': moveCursor(rl, +Infinity); return;
    case 'up': historyMove(rl, +1); return;
    case 'down': historyMove(rl, -1); return;
    case 'tab':
      if (typeof rl.completer === 'function' && rl.isCompletionEnabled) {
        tabComplete(rl, previousKey && previousKey.name === 'tab');
        return;
      }
      break;
    default: break;
  }
  if (typeof s !== 'string' || !s) return;
  // Text (possibly several lines pasted at once).
  const lines = s.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) submitLine(rl);
    if (lines[i]) insertString(rl, lines[i]);
  }
}

module.exports = { getCursorPos, getStringWidth, moveCursor, refreshLine, ttyWrite };
