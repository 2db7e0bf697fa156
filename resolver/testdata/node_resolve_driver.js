// Driver for differential_test: resolves each "mode\tparent\tspecifier" line of the file
// named by argv[2] with Node itself and prints one result line per case:
//   OK\t<resolved>            or   ERR\t<code>\t<JSON message>
// ESM cases print the import.meta.resolve result, then (when that succeeded) a second
// line with import()'s resolution error if it failed with one, or "-".
'use strict';
const fs = require('fs');
const { createRequire, builtinModules, globalPaths } = require('module');
const { pathToFileURL } = require('url');
const path = require('path');

const resolutionErrors = new Set(['ERR_MODULE_NOT_FOUND', 'ERR_UNSUPPORTED_DIR_IMPORT',
  'ERR_UNKNOWN_BUILTIN_MODULE', 'ERR_UNSUPPORTED_ESM_URL_SCHEME']);
const fmt = (e) => `ERR\t${e.code}\t${JSON.stringify(e.message)}`;

async function main() {
  if (process.argv[2] === '--env') {
    const schemeOnly = ['test', 'test/reporters', 'sea', 'sqlite'].filter((id) => {
      try { require.resolve('node:' + id); return true; } catch { return false; }
    });
    console.log(JSON.stringify({ builtins: builtinModules, schemeOnly, globalPaths }));
    return;
  }
  const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean);
  const out = [];
  for (const line of lines) {
    const [mode, parent, spec] = line.split('\t');
    if (mode === 'cjs') {
      try { out.push('OK\t' + createRequire(parent).resolve(spec)); } catch (e) { out.push(fmt(e)); }
      continue;
    }
    // Each parent directory holds a probe module so import.meta.resolve runs with the
    // right parent URL.
    const probe = await import(pathToFileURL(parent).href);
    let resolved;
    try { resolved = probe.r(spec); out.push('OK\t' + resolved); } catch (e) { out.push(fmt(e)); }
    if (resolved === undefined) { out.push('-'); continue; }
    try { await probe.i(spec); out.push('-'); } catch (e) {
      out.push(resolutionErrors.has(e.code) ? fmt(e) : '-');
    }
  }
  process.stdout.write(out.join('\n') + '\n');
}
main();
