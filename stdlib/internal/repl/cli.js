'use strict';
// The interactive `skua` (no script and stdin a TTY, or -i): a banner, a REPL on
// stdin/stdout in the real global, history in ~/.node_repl_history, and errors thrown
// later (timers, rejected promises) printed as "Uncaught ..." instead of ending the
// process. Ctrl+D or .exit ends the process.

const { defaultHistoryPath } = require('internal/repl/history');

function startCliRepl() {
  const repl = require('repl');
  const { log } = require('console');
  log(`Welcome to skua ${process.versions.skua} (Node.js ${process.version} API).`);
  log('Type ".help" for more information.');
  const server = repl.start({
    prompt: '> ',
    useGlobal: true,
    ignoreUndefined: false,
    terminal: process.env.NODE_NO_READLINE ? false : undefined,
    replMode: process.env.NODE_REPL_MODE === 'strict' ? repl.REPL_MODE_STRICT :
      repl.REPL_MODE_SLOPPY,
  });
  const size = Number(process.env.NODE_REPL_HISTORY_SIZE);
  server.historySize = Number.isInteger(size) && size >= 0 ? size : 1000;
  server.setupHistory(defaultHistoryPath(), () => {});
  process.on('uncaughtException', (error) => {
    if (server.terminal) server.clearLine();
    server.handleError(error);
    server.displayPrompt();
  });
  server.on('exit', () => {
    if (server.terminal) process.stdout.write('\n');
    process.exit();
  });
  return server;
}

module.exports = { startCliRepl };
