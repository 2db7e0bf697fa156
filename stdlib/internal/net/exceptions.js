'use strict';
// Node-shaped errors from negative libuv codes, as net, dns and stream handles report
// them: `connect ECONNREFUSED 127.0.0.1:80`, `listen EADDRINUSE: address already in use
// :::80`, `getaddrinfo ENOTFOUND example.invalid`.

const { errname, strerror } = internalBinding('uv');

// getaddrinfo's "no such name" codes; Node reports both as ENOTFOUND.
const UV_EAI_NODATA = -3007;
const UV_EAI_NONAME = -3008;

function decorate(err, errno, code, syscall) {
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  return err;
}

function errnoException(err, syscall, original) {
  const code = errname(err);
  const message = original ? `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  const ex = decorate(new Error(message), err, code, syscall);
  Error.captureStackTrace(ex, errnoException);
  return ex;
}

function hostPort(address, port) {
  if (port && port > 0) return `${address}:${port}`;
  return address || '';
}

function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = errname(err);
  let message = `${syscall} ${code}`;
  const details = hostPort(address, port);
  if (details) message += ` ${details}`;
  if (additional) message += ` - Local (${additional})`;
  const ex = decorate(new Error(message), err, code, syscall);
  ex.address = address;
  if (port) ex.port = port;
  Error.captureStackTrace(ex, exceptionWithHostPort);
  return ex;
}

function uvExceptionWithHostPort(err, syscall, address, port) {
  const code = errname(err);
  let message = `${syscall} ${code}: ${strerror(err)}`;
  const details = hostPort(address, port);
  if (details) message += ` ${details}`;
  const ex = decorate(new Error(message), err, code, syscall);
  ex.address = address;
  if (port) ex.port = port;
  Error.captureStackTrace(ex, uvExceptionWithHostPort);
  return ex;
}

function dnsException(err, syscall, hostname) {
  let code = err;
  if (typeof err === 'number') {
    code = err === UV_EAI_NODATA || err === UV_EAI_NONAME ? 'ENOTFOUND' : errname(err);
  }
  const message = `${syscall} ${code}${hostname ? ` ${hostname}` : ''}`;
  const ex = decorate(new Error(message), typeof err === 'number' ? err : undefined, code, syscall);
  if (hostname) ex.hostname = hostname;
  Error.captureStackTrace(ex, dnsException);
  return ex;
}

module.exports = {
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
  dnsException,
};
