'use strict';
// The interactive `skua` (no script and stdin a TTY, or -i): a banner, a REPL on
// stdin/stdout in the real global, history in ~/.node_repl_history, and errors thrown
// later (timers, rejected promises) printed as "Uncaught ..." by the REPL's domain
// instead of ending the process, unless the user listens for 'uncaughtException'.
// Ctrl+D or .exit ends the process.

const { defaultHistoryPath } = require('internal/repl/history');

function startCliRepl() {
  const repl = require('repl');
  const { kStandaloneREPL } = require('internal/repl/server');
  const { log } = require('console');
  log(`Welcome to skua ${process.versions.skua} (Node.js ${process.version} API).`);
  log('Type ".help" for more information.');
  const server = repl.start({
    prompt: '> ',
    useGlobal: true,
    ignoreUndefined: false,
    breakEvalOnSigint: true,
    terminal: process.env.NODE_NO_READLINE ? false : undefined,
    replMode: process.env.NODE_REPL_MODE === 'strict' ? repl.REPL_MODE_STRICT :
      repl.REPL_MODE_SLOPPY,
    [kStandaloneREPL]: true,
  });
  const size = Number(process.env.NODE_REPL_HISTORY_SIZE);
  server.historySize = Number.isInteger(size) && size >= 0 ? size : 1000;
  server.setupHistory(defaultHistoryPath(), () => {});
  server.on('exit', () => {
    if (server.terminal) process.stdout.write('\n');
    process.exit();
  });
  return server;
}

module.exports = { startCliRepl };
