'use strict';
// V8's promise hooks (init, before, after, settled), shared by v8.promiseHooks and
// node:async_hooks: a context has one slot per kind, so this keeps a list of hooks per
// kind and installs a dispatcher while any list is non-empty. A hook that throws
// reaches 'uncaughtException', as in Node.

const { setPromiseHooks } = internalBinding('async_wrap');
const { triggerUncaughtException } = internalBinding('errors');
const { validatePlainFunction, validateObject } = require('internal/validators');

const kinds = ['init', 'before', 'after', 'settled'];
const lists = { init: [], before: [], after: [], settled: [] };
let installed = false;

function dispatcher(kind) {
  return function(promise, parent) {
    for (const hook of lists[kind]) {
      try {
        hook(promise, parent);
      } catch (err) {
        triggerUncaughtException(err, false);
      }
    }
  };
}

const dispatchers = kinds.map(dispatcher);

function update() {
  const want = kinds.some((kind) => lists[kind].length > 0);
  // Reinstalled on every change: V8 skips kinds whose slot is empty.
  if (want) {
    setPromiseHooks(...kinds.map((kind, i) => (lists[kind].length > 0 ? dispatchers[i] :
      undefined)));
  } else if (installed) {
    setPromiseHooks();
  }
  installed = want;
}

// Adds `hook` to the `kind` list; returns the function that removes it (once).
function addHook(kind, hook) {
  lists[kind] = [...lists[kind], hook];
  update();
  let stopped = false;
  return function stop() {
    if (stopped) return;
    stopped = true;
    const index = lists[kind].indexOf(hook);
    if (index !== -1) lists[kind] = lists[kind].filter((_, i) => i !== index);
    update();
  };
}

function makeUseHook(kind) {
  return (hook) => {
    validatePlainFunction(hook, `${kind}Hook`);
    return addHook(kind, hook);
  };
}

function createHook(hooks) {
  validateObject(hooks, 'hooks');
  for (const kind of kinds) {
    if (hooks[kind] !== undefined) validatePlainFunction(hooks[kind], `${kind}Hook`);
  }
  const stops = [];
  for (const kind of kinds) if (hooks[kind] !== undefined) stops.push(addHook(kind, hooks[kind]));
  return function stop() {
    for (const s of stops) s();
  };
}

module.exports = {
  addHook,
  promiseHooks: {
    createHook,
    onInit: makeUseHook('init'),
    onBefore: makeUseHook('before'),
    onAfter: makeUseHook('after'),
    onSettled: makeUseHook('settled'),
  },
};
