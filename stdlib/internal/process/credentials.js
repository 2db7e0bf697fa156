'use strict';
// process.getuid/geteuid/getgid/getegid/getgroups and the set* functions, which take a
// numeric id or a user/group name as Node's do.

const binding = internalBinding('credentials');
const { codes: { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_CREDENTIAL } } = require('internal/errors');
const { validateUint32 } = require('internal/validators');

// A name is looked up in /etc/passwd or /etc/group (what getpwnam/getgrnam read here).
function idFromName(name, file, kind) {
  const { readFileSync } = require('fs');
  for (const line of readFileSync(file, 'latin1').split('\n')) {
    const fields = line.split(':');
    if (fields[0] === name && fields.length > 2) return Number(fields[2]);
  }
  throw new ERR_UNKNOWN_CREDENTIAL(kind, name);
}

function makeSetter(method, argName, file, kind) {
  return function setId(id) {
    if (typeof id === 'string') {
      id = idFromName(id, file, kind);
    } else if (typeof id === 'number') {
      validateUint32(id, argName);
    } else {
      throw new ERR_INVALID_ARG_TYPE(argName, ['number', 'string'], id);
    }
    const err = binding[method](id);
    if (err !== 0) {
      const uv = internalBinding('uv');
      const code = uv.errname(err);
      // Node's errno-style message: "EPERM, Operation not permitted".
      const error = new Error(`${code}, ${uv.strerror(err)}`);
      Object.assign(error, { errno: err, code, syscall: method });
      throw error;
    }
  };
}

function setupCredentials() {
  Object.assign(process, {
    getuid: binding.getuid,
    geteuid: binding.geteuid,
    getgid: binding.getgid,
    getegid: binding.getegid,
    getgroups: binding.getgroups,
    setuid: makeSetter('setuid', 'id', '/etc/passwd', 'User'),
    seteuid: makeSetter('seteuid', 'id', '/etc/passwd', 'User'),
    setgid: makeSetter('setgid', 'id', '/etc/group', 'Group'),
    setegid: makeSetter('setegid', 'id', '/etc/group', 'Group'),
  });
}

module.exports = { setupCredentials };
