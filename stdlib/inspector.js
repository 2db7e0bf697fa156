'use strict';
// node:inspector — skua has no inspector protocol server, so it behaves as a Node built
// without the inspector: the name is a builtin (listed in builtinModules) but loading it
// throws ERR_INSPECTOR_NOT_AVAILABLE, and process.features.inspector is false.
// Differs from Node 20: Node's release builds include the inspector.

const { codes, E } = require('internal/errors');

if (codes.ERR_INSPECTOR_NOT_AVAILABLE === undefined) {
  E('ERR_INSPECTOR_NOT_AVAILABLE', 'Inspector is not available', Error);
}

throw new codes.ERR_INSPECTOR_NOT_AVAILABLE();
