'use strict';
// Node-shaped errors: each `ERR_*` code is a class whose instances carry `code`, print as
// `Name [CODE]: message` in their stack, and use Node's message text.

const messages = new Map();
const codes = {};

function formatMessage(key, args) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return msg(...args);
  // String templates are util.format() templates, as in Node (%s inspects objects).
  if (args.length === 0) return msg;
  const { format } = require('internal/util/inspect');
  return format(msg, ...args);
}

// Marks errors made by these classes, so that prepareStackTrace puts the code in the
// stack's header: "TypeError [ERR_X]: message", while `name` stays "TypeError".
const kIsNodeError = Symbol('kIsNodeError');

// As in Node, the "class" is a plain function returning an instance of Base itself, so
// `err.constructor === TypeError` and `Object.getPrototypeOf(err) === TypeError.prototype`.
function makeNodeErrorClass(Base, key) {
  return function NodeError(...args) {
    // `new.target` frames are hidden too, so the stack starts where the error was raised.
    const error = makeNodeError(Base, key, formatMessage(key, args), new.target || NodeError);
    Object.defineProperty(error, 'toString', {
      value() { return `${this.name} [${key}]: ${this.message}`; },
      enumerable: false, writable: true, configurable: true,
    });
    return error;
  };
}

// V8's header of a stack: "name: message", either part alone when the other is empty.
function errorHeader(error) {
  let name = 'Error';
  let message = '';
  try {
    if (error.name !== undefined) name = `${error.name}`;
    if (error.message !== undefined) message = `${error.message}`;
  } catch {
    return '<error>';
  }
  if (error[kIsNodeError] === true && typeof error.code === 'string') {
    name = `${name} [${error.code}]`;
  }
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// Formats `error.stack` (installed as V8's PrepareStackTraceCallback by the bootstrap).
function prepareStackTrace(globalThis, error, callSites) {
  const { Error: GlobalError } = globalThis;
  if (GlobalError !== undefined && typeof GlobalError.prepareStackTrace === 'function') {
    return GlobalError.prepareStackTrace(error, callSites);
  }
  const header = errorHeader(error);
  if (callSites.length === 0) return header;
  return `${header}\n    at ${callSites.join('\n    at ')}`;
}

// A Node error: an instance of Base carrying `code`. The ERR_* functions and errors whose
// message was composed elsewhere (the C++ resolver) both come from here.
function makeNodeError(Base, code, message, hideFrom = makeNodeError) {
  const error = new Base(message);
  Object.defineProperty(error, 'code', {
    value: code, enumerable: true, writable: true, configurable: true,
  });
  Object.defineProperty(error, kIsNodeError, { value: true });
  // Leave this function's frame (and `hideFrom`'s) out of the stack.
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(error, hideFrom);
  return error;
}

// Registers an error code. `message` is a %s template or a function of the arguments;
// each extra Base gets the code as a static property (e.g. codes.X.RangeError).
function E(key, message, Base, ...otherBases) {
  messages.set(key, message);
  const Cls = makeNodeErrorClass(Base, key);
  for (const Other of otherBases) Cls[Other.name] = makeNodeErrorClass(Other, key);
  codes[key] = Cls;
}

const classRegExp = /^([A-Z][a-z0-9]*)+$/;

// Describes a received value the way Node's ERR_INVALID_ARG_TYPE message does.
function describeReceived(value) {
  if (value == null) return ` Received ${value}`;
  if (typeof value === 'function') return ` Received function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return ` Received an instance of ${value.constructor.name}`;
    }
    const { inspect } = require('internal/util/inspect');
    return ` Received ${inspect(value, { depth: -1 })}`;
  }
  const { inspect } = require('internal/util/inspect');
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof value} (${shown})`;
}

function joinWithOr(list) {
  if (list.length <= 2) return list.join(' or ');
  return `${list.slice(0, -1).join(', ')}, or ${list[list.length - 1]}`;
}

function invalidArgType(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    msg += `${name} `;
  } else {
    msg += `"${name}" ${name.includes('.') ? 'property' : 'argument'} `;
  }
  msg += 'must be ';
  const types = [];
  const instances = [];
  const other = [];
  const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object', 'boolean',
    'bigint', 'symbol'];
  for (const value of expected) {
    if (kTypes.includes(value)) types.push(value.toLowerCase());
    else if (classRegExp.test(value)) instances.push(value);
    else other.push(value);
  }
  // "object" is implied by an instance list, as Node prints it.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  const parts = [];
  if (types.length > 0) {
    parts.push(`${types.length > 1 ? 'one of type' : 'of type'} ${joinWithOr(types)}`);
  }
  if (instances.length > 0) {
    parts.push(`an instance of ${joinWithOr(instances)}`);
  }
  if (other.length > 0) {
    // A single capitalised description reads "an Array-like Object", as in Node.
    const article = other.length === 1 && other[0].toLowerCase() !== other[0] ? 'an ' : '';
    parts.push((other.length > 1 ? 'one of ' : article) + joinWithOr(other));
  }
  msg += parts.join(' or ');
  return msg + '.' + describeReceived(actual);
}

function outOfRange(name, range, input) {
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    const { inspect } = require('internal/util/inspect');
    received = inspect(input);
  }
  return `The value of "${name}" is out of range. It must be ${range}. Received ${received}`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

function invalidArgValue(name, value, reason = 'is invalid') {
  const { inspect } = require('internal/util/inspect');
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const kind = name.includes('.') ? 'property' : 'argument';
  return `The ${kind} '${name}' ${reason}. Received ${shown}`;
}

E('ERR_ASSERTION', '%s', Error);
E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_CONSOLE_WRITABLE_STREAM', 'Console expects a writable stream instance for %s', TypeError);
E('ERR_DNS_SET_SERVERS_FAILED', 'c-ares failed to set servers: "%s" [%s]', Error);
E('ERR_INVALID_ARG_TYPE', invalidArgType, TypeError);
E('ERR_INVALID_ARG_VALUE', invalidArgValue, TypeError, RangeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got` +
    `${describeReceived(value).replace(/^ Received/, '')}.`;
}, TypeError, RangeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_INVALID_REPL_EVAL_CONFIG',
  'Cannot specify both "breakEvalOnSigint" and "eval" for REPL', TypeError);
E('ERR_INVALID_REPL_INPUT', '%s', TypeError);
E('ERR_SCRIPT_EXECUTION_INTERRUPTED', 'Script execution was interrupted by `SIGINT`', Error);
E('ERR_ASYNC_CALLBACK', '%s must be a function', TypeError);
E('ERR_ASYNC_TYPE', 'Invalid name for async "type": %s', TypeError);
E('ERR_INVALID_ADDRESS', 'Invalid socket address', TypeError);
E('ERR_INVALID_ASYNC_ID', 'Invalid %s value: %s', RangeError);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_MISSING_ARGS', (...args) => {
  const names = args.map((a) => (Array.isArray(a) ? a.map((x) => `"${x}"`).join(' or ') : `"${a}"`));
  let msg = 'The ';
  if (names.length === 1) msg += `${names[0]} argument`;
  else if (names.length === 2) msg += `${names[0]} and ${names[1]} arguments`;
  else msg += `${names.slice(0, -1).join(', ')}, and ${names[names.length - 1]} arguments`;
  return `${msg} must be specified`;
}, TypeError);
E('ERR_OUT_OF_RANGE', outOfRange, RangeError);
E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => (name ?
  `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds'),
RangeError);
E('ERR_BUFFER_TOO_LARGE', 'Cannot create a Buffer larger than %s bytes', RangeError);
E('ERR_BROTLI_INVALID_PARAM', '%s is not a valid Brotli parameter', RangeError);
E('ERR_ZLIB_INITIALIZATION_FAILED', 'Initialization failed', Error);
E('ERR_INVALID_BUFFER_SIZE', 'Buffer size must be a multiple of %s', RangeError);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_STRING_TOO_LONG', 'Cannot create a string longer than 0x1fffffe8 characters', Error);
E('ERR_UNKNOWN_ENCODING', 'Unknown encoding: %s', TypeError);
E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  const { inspect } = require('internal/util/inspect');
  return `${msg} (${inspect(err)})`;
}, Error);
E('ERR_UNHANDLED_REJECTION', 'This error originated either by throwing inside of an async ' +
  'function without a catch block, or by rejecting a promise which was not handled with ' +
  '.catch(). The promise rejected with the reason "%s".', Error);
E('ERR_UNKNOWN_BUILTIN_MODULE', 'No such built-in module: %s', Error);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET',
  '`process.setupUncaughtExceptionCapture()` was called while a capture callback was ' +
  'already active', Error);
E('ERR_INVALID_FILE_URL_PATH', 'File URL path %s', TypeError);
E('ERR_REQUIRE_ESM', 'require() of ES Module %s not supported.', Error);
E('ERR_INVALID_PACKAGE_CONFIG', 'Invalid package config %s.', Error);
E('ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value', Error);
E('ERR_EVAL_ESM_CANNOT_PRINT', '--print cannot be used with ESM input', Error);
E('ERR_SYSTEM_ERROR', 'A system error occurred', Error);
E('ERR_UNKNOWN_CREDENTIAL', '%s identifier does not exist: %s', Error);
E('ERR_IMPORT_ASSERTION_TYPE_FAILED', 'Module "%s" is not of type "%s"', TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_MISSING', 'Module "%s" needs an import attribute of type "%s"',
  TypeError);
E('ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED', 'Import attribute type "%s" is unsupported',
  TypeError);
E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` : `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);
E('ERR_INVALID_URL', 'Invalid URL', TypeError);
E('ERR_INVALID_FILE_URL_HOST', 'File URL host must be "localhost" or empty on %s', TypeError);
E('ERR_ARG_NOT_ITERABLE', '%s must be iterable', TypeError);
E('ERR_INVALID_TUPLE', '%s must be an iterable %s tuple', TypeError);
E('ERR_MODULE_NOT_FOUND', (path, base, exactUrl) => {
  if (exactUrl) return `Cannot find module '${path}' imported from ${base}`;
  return `Cannot find package '${path}' imported from ${base}`;
}, Error);
E('ERR_REQUIRE_ASYNC_MODULE', 'require() cannot be used on an ESM graph with top-level ' +
  'await. Use import() instead. To see where the top-level await comes from, use ' +
  '--experimental-print-required-tla.', Error);
E('ERR_UNKNOWN_MODULE_FORMAT', 'Unknown module format: %s for URL %s', RangeError);
E('ERR_UNKNOWN_FILE_EXTENSION', 'Unknown file extension "%s" for %s', TypeError);
E('ERR_UNSUPPORTED_DIR_IMPORT', "Directory import '%s' is not supported resolving ES " +
  'modules imported from %s', Error);
E('ERR_UNSUPPORTED_ESM_URL_SCHEME', (url) => 'Only URLs with a scheme in: file, data, and ' +
  `node are supported by the default ESM loader. Received protocol '${url.protocol}'`, Error);
E('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times', Error);
E('ERR_STREAM_ALREADY_FINISHED', 'Cannot call %s after a stream was finished', Error);
E('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable', Error);
E('ERR_STREAM_DESTROYED', 'Cannot call %s after a stream was destroyed', Error);
E('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
E('ERR_STREAM_PREMATURE_CLOSE', 'Premature close', Error);
E('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF', Error);
E('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event', Error);
E('ERR_STREAM_WRITE_AFTER_END', 'write after end', Error);

// net, dns, tty.
E('ERR_INVALID_ADDRESS_FAMILY', 'Invalid address family: %s %s:%s', RangeError);
E('ERR_INVALID_FD', '"fd" must be a positive integer: %s', RangeError);
E('ERR_INVALID_FD_TYPE', 'Unsupported fd type: %s', TypeError);
E('ERR_INVALID_IP_ADDRESS', 'Invalid IP address: %s', TypeError);
E('ERR_SERVER_ALREADY_LISTEN',
  'Listen method has been called more than once without closing.', Error);
E('ERR_SERVER_NOT_RUNNING', 'Server is not running.', Error);
E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) =>
  `${name} should be ${allowZero ? '>=' : '>'} 0 and < 65536.${describeReceived(port)}.`,
RangeError);
E('ERR_SOCKET_CLOSED', 'Socket is closed', Error);
E('ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
  'Socket closed before the connection was established', Error);
E('ERR_SOCKET_CONNECTION_TIMEOUT', 'Socket connection timeout', Error);
E('ERR_TTY_INIT_FAILED', 'TTY initialization failed', Error);

// tls and https.
E('ERR_TLS_CERT_ALTNAME_FORMAT', 'Invalid subject alternative name string', SyntaxError);
E('ERR_TLS_CERT_ALTNAME_INVALID',
  (reason) => `Hostname/IP does not match certificate's altnames: ${reason}`, Error);
E('ERR_TLS_HANDSHAKE_TIMEOUT', 'TLS handshake timeout', Error);
E('ERR_TLS_INVALID_CONTEXT', '%s must be a SecureContext', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_METHOD', '%s', TypeError);
E('ERR_TLS_INVALID_PROTOCOL_VERSION',
  (v, which) => `${JSON.stringify(v)} is not a valid ${which} TLS protocol version`, TypeError);
E('ERR_TLS_INVALID_STATE', 'TLS socket connection must be securely established', Error);
E('ERR_TLS_PROTOCOL_VERSION_CONFLICT', (v, p) =>
  `TLS protocol version ${JSON.stringify(v)} conflicts with secureProtocol ${JSON.stringify(p)}`,
TypeError);
E('ERR_TLS_REQUIRED_SERVER_NAME',
  '"servername" is required parameter for Server.addContext', Error);
E('ERR_TLS_SNI_FROM_SERVER', 'Cannot issue SNI from a TLS server-side socket', Error);
E('ERR_TLS_DH_PARAM_SIZE', 'DH parameter size %s is less than 2048', Error);
E('ERR_TLS_RENEGOTIATION_DISABLED', 'TLS session renegotiation disabled for this socket', Error);
E('ERR_TLS_SESSION_ATTACK', 'TLS session renegotiation attack detected', Error);
E('ERR_TLS_PSK_SET_IDENTIY_HINT_FAILED', 'Failed to set PSK identity hint', Error);
E('ERR_CRYPTO_CUSTOM_ENGINE_NOT_SUPPORTED', 'Custom engines not supported by this OpenSSL', Error);

// child_process and readline.
E('ERR_CHILD_PROCESS_IPC_REQUIRED',
  "Forked processes must have an IPC channel, missing value 'ipc' in %s", Error);
E('ERR_CHILD_PROCESS_STDIO_MAXBUFFER', '%s maxBuffer length exceeded', RangeError);
E('ERR_INVALID_CURSOR_POS', 'Cannot set cursor row without setting its column', TypeError);
E('ERR_INVALID_HANDLE_TYPE', 'This handle type cannot be sent', TypeError);
E('ERR_INVALID_SYNC_FORK_INPUT',
  'Asynchronous forks do not support Buffer, TypedArray, DataView or string input: %s',
  TypeError);
E('ERR_IPC_CHANNEL_CLOSED', 'Channel closed', Error);
E('ERR_IPC_DISCONNECTED', 'IPC channel is already disconnected', Error);
E('ERR_IPC_ONE_PIPE', 'Child process can have only one IPC pipe', Error);
E('ERR_IPC_SYNC_FORK', 'IPC cannot be used with synchronous forks', Error);
E('ERR_USE_AFTER_CLOSE', '%s was closed', Error);

// http.
E('ERR_HTTP_BODY_NOT_ALLOWED',
  'Adding content for this request method or response status is not allowed.', Error);
E('ERR_HTTP_CONTENT_LENGTH_MISMATCH',
  'Response body\'s content-length of %s byte(s) does not match the content-length of %s byte(s) set in header', Error);
E('ERR_HTTP_HEADERS_SENT', 'Cannot %s headers after they are sent to the client', Error);
E('ERR_HTTP_INVALID_HEADER_VALUE', 'Invalid value "%s" for header "%s"', TypeError);
E('ERR_HTTP_INVALID_STATUS_CODE', 'Invalid status code: %s', RangeError);
E('ERR_HTTP_REQUEST_TIMEOUT', 'Request timeout', Error);
E('ERR_HTTP_SOCKET_ASSIGNED', 'ServerResponse has an already assigned socket', Error);
E('ERR_HTTP_SOCKET_ENCODING', 'Changing the socket encoding is not allowed per RFC7230 Section 3.', Error);
E('ERR_HTTP_TRAILER_INVALID', 'Trailers are invalid with this transfer encoding', Error);
E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);
E('ERR_INVALID_HTTP_TOKEN', '%s must be a valid HTTP token ["%s"]', TypeError);
E('ERR_INVALID_PROTOCOL', 'Protocol "%s" not supported. Expected "%s"', TypeError);
E('ERR_UNESCAPED_CHARACTERS', '%s contains unescaped characters', TypeError);

// Web APIs (EventTarget, encoding, MIME, perf_hooks) and util.parseArgs.
E('ERR_EVENT_RECURSION', 'The event "%s" is already being dispatched', Error);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_CONSTRUCT_CALL_INVALID', 'Constructor cannot be called', TypeError);
E('ERR_CONSTRUCT_CALL_REQUIRED', 'Class constructor %s cannot be invoked without `new`',
  TypeError);
E('ERR_WORKER_INVALID_EXEC_ARGV', (errors, msg = 'invalid execArgv flags') =>
  `Initiated Worker with ${msg}: ${errors.join(', ')}`, Error);
E('ERR_WORKER_OUT_OF_MEMORY', 'Worker terminated due to reaching memory limit: %s', Error);
E('ERR_WORKER_PATH', (filename) => 'The worker script or module filename must be an absolute ' +
  'path or a relative path starting with \'./\' or \'../\'.' +
  (filename.startsWith('file://') ? ' Wrap file:// URLs with `new URL`.' : '') +
  (filename.startsWith('data:text/javascript') ? ' Wrap data: URLs with `new URL`.' : '') +
  ` Received "${filename}"`, TypeError);
E('ERR_WORKER_UNSERIALIZABLE_ERROR', 'Serializing an uncaught exception failed', Error);
E('ERR_WORKER_UNSUPPORTED_OPERATION', '%s is not supported in workers', TypeError);
E('ERR_ENCODING_NOT_SUPPORTED', 'The "%s" encoding is not supported', RangeError);
E('ERR_ENCODING_INVALID_ENCODED_DATA', 'The encoded data was not valid for encoding %s',
  TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);
E('ERR_INVALID_MIME_SYNTAX', (production, str, invalidIndex) => {
  const at = invalidIndex !== -1 ? ` at ${invalidIndex}` : '';
  return `The MIME syntax for a ${production} in "${str}" is invalid${at}`;
}, TypeError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This command does not " +
  'take positional arguments', TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const hint = allowPositionals ? '. To specify a positional argument starting with a \'-\', ' +
    `place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${hint}`;
}, TypeError);

// crypto (messages as Node 20's; some Node raises from C++, skua from stdlib).
E('ERR_CRYPTO_ECDH_INVALID_FORMAT', 'Invalid ECDH format: %s', TypeError);
E('ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY', 'Public key is not valid for specified curve', Error);
E('ERR_CRYPTO_ENGINE_UNKNOWN', 'Engine "%s" was not found', Error);
E('ERR_CRYPTO_HASH_FINALIZED', 'Digest already called', Error);
E('ERR_CRYPTO_HASH_UPDATE_FAILED', 'Hash update failed', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY', 'Incompatible %s: %s', Error);
E('ERR_CRYPTO_INCOMPATIBLE_KEY_OPTIONS', 'The selected key encoding %s %s.', Error);
E('ERR_CRYPTO_INVALID_AUTH_TAG', '%s', TypeError);
E('ERR_CRYPTO_INVALID_COUNTER', 'Counter must be a non-zero integer', TypeError);
E('ERR_CRYPTO_INVALID_CURVE', 'Invalid EC curve name', TypeError);
E('ERR_CRYPTO_INVALID_DIGEST', 'Invalid digest: %s', TypeError);
E('ERR_CRYPTO_INVALID_IV', 'Invalid initialization vector', TypeError);
E('ERR_CRYPTO_INVALID_JWK', 'Invalid JWK data', TypeError);
E('ERR_CRYPTO_INVALID_KEYLEN', 'Invalid key length', RangeError);
E('ERR_CRYPTO_INVALID_KEYPAIR', 'Invalid key pair', RangeError);
E('ERR_CRYPTO_INVALID_KEYTYPE', 'Invalid key type', RangeError);
E('ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE', 'Invalid key object type %s, expected %s.', TypeError);
E('ERR_CRYPTO_INVALID_MESSAGELEN', 'Invalid message length', RangeError);
E('ERR_CRYPTO_INVALID_SCRYPT_PARAMS', 'Invalid scrypt params', RangeError);
E('ERR_CRYPTO_INVALID_STATE', 'Invalid state for operation %s', Error);
E('ERR_CRYPTO_INVALID_TAG_LENGTH', 'Invalid taglength', RangeError);
E('ERR_CRYPTO_JWK_UNSUPPORTED_CURVE', 'Unsupported JWK EC curve: %s.', Error);
E('ERR_CRYPTO_JWK_UNSUPPORTED_KEY_TYPE', 'Unsupported JWK Key Type.', Error);
E('ERR_CRYPTO_OPERATION_FAILED', '%s', Error);
E('ERR_CRYPTO_PBKDF2_ERROR', 'PBKDF2 error', Error);
E('ERR_CRYPTO_SCRYPT_INVALID_PARAMETER', 'Invalid scrypt parameter', Error);
E('ERR_CRYPTO_SCRYPT_NOT_SUPPORTED', 'Scrypt algorithm not supported', Error);
E('ERR_CRYPTO_SIGN_KEY_REQUIRED', 'No key provided to sign', Error);
E('ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH', 'Input buffers must have the same byte length',
  RangeError);
E('ERR_CRYPTO_UNKNOWN_CIPHER', 'Unknown cipher', Error);
E('ERR_CRYPTO_UNKNOWN_DH_GROUP', 'Unknown DH group', Error);
E('ERR_CRYPTO_UNSUPPORTED_OPERATION', 'Unsupported crypto operation', Error);
E('ERR_MISSING_OPTION', '%s is required', TypeError);
E('ERR_INCOMPATIBLE_OPTION_PAIR',
  'Option "%s" cannot be used in combination with option "%s"', TypeError);
E('ERR_MISSING_PASSPHRASE', 'Passphrase required for encrypted key', TypeError);
E('ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
  'The feature %s is unavailable on the current platform, which is being used to run Node.js',
  TypeError);

// An error from a failed system call: `ctx` holds { code, errno, syscall, path?, dest? }
// as the bindings report them (message from uv_strerror), and the message reads like Node's uvException.
function uvException(ctx) {
  const { code, syscall, path, dest } = ctx;
  let message = `${code}: ${ctx.message}, ${syscall}`;
  if (path) message += ` '${path}'`;
  if (dest) message += ` -> '${dest}'`;
  const err = new Error(message);
  err.errno = ctx.errno;
  err.code = code;
  err.syscall = syscall;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  Error.captureStackTrace(err, uvException);
  return err;
}

// Thrown when an operation is cancelled through an AbortSignal (code 'ABORT_ERR').
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

module.exports = {
  makeNodeError,
  prepareStackTrace,
  codes,
  kIsNodeError,
  AbortError,
  E,
  uvException,
  addNumericalSeparator,
};
