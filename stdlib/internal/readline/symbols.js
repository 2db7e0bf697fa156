'use strict';
// Symbols shared by the readline Interface and its terminal-mode editing.

module.exports = {
  kOnLine: Symbol('kOnLine'),
  kSawReturnAt: Symbol('kSawReturnAt'),
};
