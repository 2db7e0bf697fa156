'use strict';
// The deprecated object-timer API of node:timers: enroll() an object with a duration,
// then active() / _unrefActive() arm it (its _onTimeout method fires) and unenroll()
// disarms it. Such objects share the lists of internal/timers with Timeout objects.

const { insert, unlink, incRefCount, decRefCount, kRefed, TIMEOUT_MAX } =
  require('internal/timers');
const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
const { validateNumber } = require('internal/validators');

function getTimerDuration(msecs, name) {
  validateNumber(msecs, name);
  if (msecs < 0 || !Number.isFinite(msecs)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  unlink(item);
  if (item[kRefed]) decRefCount();
  item[kRefed] = null;
  item._idleTimeout = -1;
}

function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleTimeout !== undefined) unenroll(item);
  item._idleTimeout = msecs;
  item._idleNext = null;
  item._idlePrev = null;
}

// Arms an enrolled object, counted as keeping the loop alive when `refed`.
function insertGuarded(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs === undefined || msecs < 0) return;
  const counted = item._destroyed === false && item[kRefed] === true;
  unlink(item);
  insert(item, msecs);
  item._destroyed = false;
  if (counted && !refed) decRefCount();
  else if (!counted && refed) incRefCount();
  item[kRefed] = refed;
}

module.exports = {
  enroll,
  getTimerDuration,
  unenroll,
  active: (item) => insertGuarded(item, true),
  _unrefActive: (item) => insertGuarded(item, false),
};
