'use strict';
// A persistent REPL history: one entry a line, newest first, as Node writes
// ~/.node_repl_history. The file is read once and rewritten after each new entry.

const fs = require('fs');
const path = require('path');
const os = require('os');

/**
 * The history file the interactive `skua` uses: $NODE_REPL_HISTORY (empty disables it)
 * or ~/.node_repl_history.
 * @returns {string|null}
 */
function defaultHistoryPath() {
  const fromEnv = process.env.NODE_REPL_HISTORY;
  if (fromEnv !== undefined) return fromEnv.trim() === '' ? null : fromEnv;
  try {
    return path.join(os.homedir(), '.node_repl_history');
  } catch {
    return null;
  }
}

/**
 * Loads the history at `historyPath` into `repl` and saves every new entry there.
 * @param {REPLServer} repl
 * @param {string|null} historyPath
 * @param {Function} callback (err, repl)
 */
function setupHistory(repl, historyPath, callback) {
  if (typeof callback !== 'function') callback = () => {};
  if (!historyPath || !repl.terminal) {
    process.nextTick(callback, null, repl);
    return;
  }
  try {
    const text = fs.readFileSync(historyPath, 'utf8');
    repl.history = text.split(/\r?\n/).filter((line) => line !== '').slice(0, repl.historySize);
  } catch (error) {
    if (error.code !== 'ENOENT') {
      repl.output.write(`\nError: Could not open history file.\nREPL session history will not be persisted.\n`);
      process.nextTick(callback, error, repl);
      return;
    }
  }
  repl.on('history', (history) => {
    try {
      fs.writeFileSync(historyPath, history.join('\n'), { mode: 0o600 });
    } catch {
      // History is a convenience: a full disk must not end the session.
    }
  });
  process.nextTick(callback, null, repl);
}

module.exports = { defaultHistoryPath, setupHistory };
