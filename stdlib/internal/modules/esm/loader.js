'use strict';
// The ES module loader. Loading is synchronous (skua's file reads are): a graph is
// resolved, read, compiled and linked in one pass, then instantiated and evaluated by
// V8. That also gives require() of an ES module whose graph has no top-level await.

const binding = internalBinding('module_wrap');
const { readFileUtf8 } = internalBinding('fs');
const path = require('path');
const { requireBuiltin } = require('internal/bootstrap/realm');
const { resolve } = require('internal/modules/esm/resolve');
const { pathToFileURL, fileURLToPath } = require('internal/url');

function pathToFileURLString(filepath) {
  return pathToFileURL(filepath).href;
}
const { cjsExports } = require('internal/modules/esm/cjs_exports');
const {
  uvException,
  codes: {
    ERR_IMPORT_ASSERTION_TYPE_FAILED,
    ERR_IMPORT_ASSERTION_TYPE_MISSING,
    ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED,
    ERR_REQUIRE_ASYNC_MODULE,
    ERR_UNKNOWN_FILE_EXTENSION,
  },
} = require('internal/errors');

const kEvaluated = 4;  // v8::Module::kEvaluated.

// url -> { id, url, format }.
const records = new Map();

function readSource(filename) {
  const ctx = {};
  const text = readFileUtf8(filename, ctx);
  if (ctx.code !== undefined) throw uvException(ctx);
  return text;
}

// Node requires `with { type: 'json' }` for JSON and rejects it for anything else.
function checkAttributes(url, format, attributes) {
  const type = attributes && attributes.type;
  if (type !== undefined && type !== 'json') throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  if (format === 'json' && type !== 'json') throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(url, 'json');
  if (format !== 'json' && type === 'json') throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(url, 'json');
}

// The names a CommonJS file exports as found without running it, following its
// reexports (resolved as its require() would) into other .js/.cjs files; a specifier
// that does not resolve is skipped, as in Node.
function preparseCommonJS(Module, filename, names, seen) {
  if (seen.has(filename)) return;
  seen.add(filename);
  let source;
  try {
    source = readSource(filename);
  } catch {
    return;
  }
  const found = cjsExports(source);
  for (const name of found.names) names.add(name);
  for (const specifier of found.reexports) {
    let resolved;
    try {
      resolved = Module._resolveFilename(specifier, { filename, id: filename }, false);
    } catch {
      continue;
    }
    const ext = path.extname(resolved);
    if (!path.isAbsolute(resolved) || (ext !== '.js' && ext !== '.cjs' && ext !== '')) continue;
    const cached = Module._cache[resolved];
    if (cached !== undefined && cached.loaded) {
      for (const name of Object.keys(Object(cached.exports))) names.add(name);
    } else {
      preparseCommonJS(Module, resolved, names, seen);
    }
  }
}

function createCommonJSRecord(url) {
  const filename = fileURLToPath(url);
  const Module = require('internal/modules/cjs/loader');
  const cached = Module._cache[filename];
  let names;
  if (cached !== undefined && cached.loaded) {
    // A primitive module.exports (a string, say) has no named exports.
    const value = cached.exports;
    const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
    names = isObject ? Object.keys(value) : [];
  } else {
    const found = new Set();
    preparseCommonJS(Module, filename, found, new Set());
    found.delete('default');
    names = [...found];
  }
  const exportNames = ['default', ...names.filter((n) => n !== 'default')];
  return binding.createSyntheticModule(url, exportNames, () => {
    const exports = Module._load(filename, null, false);
    const namespace = { default: exports };
    for (const name of names) {
      if (exports !== null && exports !== undefined && name in Object(exports)) {
        namespace[name] = exports[name];
      }
    }
    return namespace;
  });
}

function createRecord(url, format) {
  switch (format) {
    case 'module':
      return binding.compileSourceTextModule(url, readSource(fileURLToPath(url)));
    case 'commonjs':
      return createCommonJSRecord(url);
    case 'json':
      return binding.createSyntheticModule(url, ['default'], () => {
        const filename = fileURLToPath(url);
        try {
          return { default: JSON.parse(readSource(filename)) };
        } catch (error) {
          if (error instanceof SyntaxError) error.message = `${filename}: ${error.message}`;
          throw error;
        }
      });
    case 'builtin': {
      const exports = requireBuiltin(url.slice(5));
      const names = Object.keys(exports).filter((n) => n !== 'default');
      return binding.createSyntheticModule(url, ['default', ...names], () => {
        const namespace = { default: exports };
        for (const name of names) {
          try {
            namespace[name] = exports[name];
          } catch {
            // A lazy export whose module skua lacks (events' EventEmitterAsyncResource
            // needs async_hooks): left undefined rather than failing every import.
          }
        }
        return namespace;
      });
    }
    default:
      throw new ERR_UNKNOWN_FILE_EXTENSION(path.extname(url), fileURLToPath(url));
  }
}

// The record of `url`, with its whole static import graph loaded and linked.
function getRecord(url, format, attributes) {
  let record = records.get(url);
  if (record === undefined) {
    checkAttributes(url, format, attributes);
    record = { id: createRecord(url, format), url, format };
    records.set(url, record);
    if (format === 'module') linkRequests(record);
  } else {
    checkAttributes(url, record.format, attributes);
  }
  return record;
}

function linkRequests(record) {
  const specifiers = [];
  const ids = [];
  for (const { specifier, attributes } of binding.getModuleRequests(record.id)) {
    const resolved = resolve(specifier, record.url);
    specifiers.push(specifier);
    ids.push(getRecord(resolved.url, resolved.format, attributes).id);
  }
  binding.link(record.id, specifiers, ids);
}

function referrerURL(referrer) {
  if (typeof referrer === 'string') {
    if (/^(?:file|node|data):/.test(referrer)) return referrer;
    if (path.isAbsolute(referrer)) return pathToFileURLString(referrer);
  }
  return pathToFileURLString(path.join(process.cwd(), '[eval]'));
}

// import(): resolves to the module namespace once the graph has evaluated.
async function importModule(specifier, referrer, attributes) {
  const { url, format } = resolve(specifier, referrerURL(referrer));
  const record = getRecord(url, format, attributes);
  binding.instantiate(record.id);
  await binding.evaluate(record.id);
  return binding.getNamespace(record.id);
}

// require() of an ES module: synchronous, so a graph with top-level await is an error.
function requireModule(filename) {
  const record = getRecord(pathToFileURLString(filename), 'module');
  binding.instantiate(record.id);
  if (binding.isGraphAsync(record.id) && binding.getStatus(record.id) !== kEvaluated) {
    throw new ERR_REQUIRE_ASYNC_MODULE();
  }
  const promise = binding.evaluate(record.id);
  const { getPromiseDetails } = internalBinding('util');
  const [state, result] = getPromiseDetails(promise);
  if (state === 2) throw result;
  return binding.getNamespace(record.id);
}

// Runs an ES module entry point; returns its evaluation promise.
function runEntry(filename) {
  const record = getRecord(pathToFileURLString(filename), 'module');
  binding.instantiate(record.id);
  return binding.evaluate(record.id);
}

// Runs `source` as an ES module (--input-type=module with -e or stdin).
function runEntrySource(source, name) {
  const url = pathToFileURLString(path.join(process.cwd(), name));
  const id = binding.compileSourceTextModule(url, source);
  const record = { id, url, format: 'module' };
  records.set(url, record);
  linkRequests(record);
  binding.instantiate(id);
  return binding.evaluate(id);
}

function initializeImportMeta(meta, url) {
  meta.url = url;
  if (url.startsWith('file:')) {
    meta.filename = fileURLToPath(url);
    meta.dirname = path.dirname(meta.filename);
  }
  meta.resolve = (specifier) => resolve(`${specifier}`, url).url;
}

function importModuleDynamically(specifier, referrer, attributes) {
  return importModule(specifier, referrer, attributes);
}

binding.setCallbacks(importModuleDynamically, initializeImportMeta);

module.exports = { importModule, requireModule, runEntry, runEntrySource };
