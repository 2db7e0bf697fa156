'use strict';
// The TLS and OpenSSL command-line switches, read as Node 20 reads them: NODE_OPTIONS
// first, then the command line (process.execArgv), so for a switch with a value the last
// one given wins. The runtime's option parser (runtime/core/cli_options.cc) has already
// accepted them and rejected the conflicting pairs.
//   --tls-min-v1.0 .. v1.3, --tls-max-v1.2, --tls-max-v1.3: tls.DEFAULT_MIN/MAX_VERSION
//   --tls-cipher-list=LIST: tls.DEFAULT_CIPHERS and crypto.constants.defaultCipherList
//   --tls-keylog=FILE: every TLSSocket appends its NSS key log lines to FILE
//   --use-openssl-ca, --use-bundled-ca: accepted (not both, runtime/core/cli_options.cc).
//     Differs from Node 20: skua has no bundled copy of Mozilla's CA list and always
//     trusts the system's store (OpenSSL's default paths, as --use-openssl-ca does in
//     Node), so --use-bundled-ca selects that same store; Node's default is the bundled list.
//   --secure-heap=N, --secure-heap-min=N: see secureHeapOptions()
//   --openssl-config=FILE, --openssl-shared-config, --openssl-legacy-provider: initOpenSSL()

let argv;

// NODE_OPTIONS split as Node splits it: on spaces, with "double quotes" and \ escapes.
function splitNodeOptions(text) {
  const out = [];
  let current = null;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quoted && i + 1 < text.length) {
      current = (current ?? '') + text[++i];
    } else if (c === '"') {
      quoted = !quoted;
      current ??= '';
    } else if (!quoted && /\s/.test(c)) {
      if (current !== null) out.push(current);
      current = null;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== null) out.push(current);
  return out;
}

function options() {
  argv ??= [...splitNodeOptions(process.env.NODE_OPTIONS || ''), ...process.execArgv];
  return argv;
}

function hasFlag(name) {
  return options().includes(name);
}

// The last value given for `name` (as "--name=value" or "--name value"), or undefined.
function flagValue(name) {
  const list = options();
  let value;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === name && i + 1 < list.length) {
      value = list[++i];
    } else if (list[i].startsWith(`${name}=`)) {
      value = list[i].slice(name.length + 1);
    }
  }
  return value;
}

// The first matching switch wins, lowest version first, as in Node.
function defaultMinVersion() {
  if (hasFlag('--tls-min-v1.0')) return 'TLSv1';
  if (hasFlag('--tls-min-v1.1')) return 'TLSv1.1';
  if (hasFlag('--tls-min-v1.2')) return 'TLSv1.2';
  if (hasFlag('--tls-min-v1.3')) return 'TLSv1.3';
  return 'TLSv1.2';
}

function defaultMaxVersion() {
  if (hasFlag('--tls-max-v1.3')) return 'TLSv1.3';
  if (hasFlag('--tls-max-v1.2')) return 'TLSv1.2';
  return 'TLSv1.3';
}

function cipherList(builtIn) {
  return flagValue('--tls-cipher-list') ?? builtIn;
}

function keylogFile() {
  return flagValue('--tls-keylog') || undefined;
}

// { size, min } from --secure-heap / --secure-heap-min, clamped as Node clamps them, or
// null when there is no secure heap (a size below 2).
function secureHeapOptions() {
  const size = Number.parseInt(flagValue('--secure-heap') ?? '0', 10) || 0;
  if (size < 2) return null;
  const min = Number.parseInt(flagValue('--secure-heap-min') ?? '2', 10) || 0;
  return { size, min: Math.max(2, Math.min(size, min, 2 ** 31 - 1)) };
}

let openSSLReady = false;

// Applies --openssl-config, --openssl-legacy-provider and --secure-heap, once, before
// crypto or tls makes anything.
// Differs from Node 20: without --openssl-config, OpenSSL reads its default file's
// `openssl_conf` section by itself, as Node does only with --openssl-shared-config.
function initOpenSSL() {
  if (openSSLReady) return;
  openSSLReady = true;
  const binding = internalBinding('crypto');
  const heap = secureHeapOptions();
  if (heap) binding.secureHeapInit(heap.size, heap.min);
  const config = flagValue('--openssl-config');
  if (config) {
    binding.loadConfig(config,
                       hasFlag('--openssl-shared-config') ? 'openssl_conf' : 'nodejs_conf');
  }
  if (hasFlag('--openssl-legacy-provider')) binding.loadLegacyProvider();
}

module.exports = {
  initOpenSSL,
  cipherList,
  defaultMaxVersion,
  defaultMinVersion,
  flagValue,
  hasFlag,
  keylogFile,
  secureHeapOptions,
  splitNodeOptions,
};
