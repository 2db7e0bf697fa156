'use strict';
// ChildProcess: an EventEmitter over a Process handle (process_wrap). spawn() starts the
// child with stdio pipes that become net.Sockets; events come in Node 20's order:
// 'spawn' (next tick), 'exit' when the child ends, 'close' once it has exited and every
// stdio stream (and the IPC channel, if its other end went away) has closed. Start-up
// failures such as ENOENT are reported as an asynchronous 'error', as Node does.

const EventEmitter = require('events');
const { Process } = internalBinding('process_wrap');
const { validateArray, validateObject, validateOneOf, validateString } =
  require('internal/validators');
const { errnoException } = require('internal/net/exceptions');
const { signalNumber } = require('internal/child_process/normalize');
const { getValidStdio } = require('internal/child_process/stdio');

const UV_EACCES = -13;
const UV_EAGAIN = -11;
const UV_EINVAL = -22;
const UV_EMFILE = -24;
const UV_ENFILE = -23;
const UV_ENOENT = -2;
const UV_ENOSYS = -38;
const UV_ESRCH = -3;

const kIsUsedInChildProcess = Symbol('kIsUsedInChildProcess');
const kOwner = Symbol('owner');

// Errors of the child's start-up that are reported as 'error' rather than thrown.
const kRuntimeSpawnErrors = new Set([UV_EACCES, UV_EAGAIN, UV_EMFILE, UV_ENFILE, UV_ENOENT]);

function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

// After 'exit', stdout/stderr nobody reads are drained so that they can close.
function flushStdio(subprocess) {
  const { stdio } = subprocess;
  if (stdio == null) return;
  for (const stream of stdio) {
    if (!stream || !stream.readable || stream[kIsUsedInChildProcess]) continue;
    if (stream._readableState.readableListening) continue;
    stream.resume();
  }
}

function createSocket(pipe, readable) {
  const { Socket } = require('net');
  return new Socket({ handle: pipe, readable });
}

class ChildProcess extends EventEmitter {
  constructor() {
    super();
    this._closesNeeded = 1;
    this._closesGot = 0;
    this.connected = false;
    this.signalCode = null;
    this.exitCode = null;
    this.killed = false;
    this.spawnfile = null;
    this._handle = new Process();
    this._handle[kOwner] = this;
    this._handle.onexit = (exitCode, signalCode) => this.#onExit(exitCode, signalCode);
    const childProcessChannel = require('diagnostics_channel').channel('child_process');
    if (childProcessChannel.hasSubscribers) childProcessChannel.publish({ process: this });
  }

  #onExit(exitCode, signalCode) {
    if (signalCode) this.signalCode = signalCode;
    else this.exitCode = exitCode;
    if (this.stdin) this.stdin.destroy();
    if (this._handle) this._handle.close();
    this._handle = null;
    if (exitCode < 0) {
      const syscall = this.spawnfile ? `spawn ${this.spawnfile}` : 'spawn';
      const err = errnoException(exitCode, syscall);
      if (this.spawnfile) err.path = this.spawnfile;
      err.spawnargs = this.spawnargs.slice(1);
      this.emit('error', err);
    } else {
      this.emit('exit', this.exitCode, this.signalCode);
    }
    // Data still buffered in stdout/stderr is delivered before 'close'.
    process.nextTick(flushStdio, this);
    maybeClose(this);
  }

  spawn(options) {
    validateObject(options, 'options');
    const { stdio, ipc, ipcFd } = getValidStdio(options.stdio || 'pipe', false);
    validateOneOf(options.serialization, 'options.serialization',
                  [undefined, 'json', 'advanced']);
    const serialization = options.serialization || 'json';
    if (options.envPairs === undefined) options.envPairs = [];
    else validateArray(options.envPairs, 'options.envPairs');
    if (ipc !== undefined) {
      options.envPairs.push(`NODE_CHANNEL_FD=${ipcFd}`);
      options.envPairs.push(`NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
    }
    validateString(options.file, 'options.file');
    this.spawnfile = options.file;
    if (options.args === undefined) this.spawnargs = [];
    else {
      validateArray(options.args, 'options.args');
      this.spawnargs = options.args;
    }

    const err = this._handle.spawn({
      file: options.file,
      args: this.spawnargs.map(String),
      cwd: options.cwd,
      envPairs: options.envPairs.map(String),
      stdio,
      detached: !!options.detached,
      uid: options.uid,
      gid: options.gid,
    });
    if (kRuntimeSpawnErrors.has(err)) {
      process.nextTick(onErrorNT, this, err);
      // Without descriptors there is no point in setting up stdio.
      if (err === UV_EMFILE || err === UV_ENFILE) return err;
    } else if (err) {
      this._handle.close();
      this._handle = null;
      for (const entry of stdio) {
        if (entry.type === 'pipe' && entry.handle) entry.handle.close();
      }
      throw errnoException(err, 'spawn');
    } else {
      process.nextTick(onSpawnNT, this);
    }
    this.pid = this._handle.pid;

    for (let i = 0; i < stdio.length; i++) {
      const stream = stdio[i];
      if (stream.type === 'ignore') continue;
      if (stream.ipc) {
        this._closesNeeded++;
        continue;
      }
      if (stream.type === 'wrap') {
        // The parent stops reading a stream it gave to the child.
        const source = stream._stdio;
        stream.handle.reading = false;
        stream.handle.readStop();
        if (source && source._readableState) {
          source.pause();
          source._readableState.reading = false;
          source.readableFlowing = false;
          source[kIsUsedInChildProcess] = true;
        }
        continue;
      }
      if (stream.handle) {
        stream.socket = createSocket(this.pid !== 0 ? stream.handle : null, i > 0);
        if (i > 0 && this.pid !== 0) {
          this._closesNeeded++;
          stream.socket.on('close', () => maybeClose(this));
        }
      }
    }
    this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ? stdio[0].socket : null;
    this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ? stdio[1].socket : null;
    this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ? stdio[2].socket : null;
    this.stdio = stdio.map((entry) => (entry.socket === undefined ? null : entry.socket));
    if (ipc !== undefined) {
      require('internal/child_process/ipc').setupChannel(this, ipc, serialization);
    }
    return err;
  }

  kill(sig) {
    const signal = sig === 0 ? 0 : signalNumber(sig === undefined ? 'SIGTERM' : sig);
    if (this._handle) {
      const err = this._handle.kill(signal);
      if (err === 0) {
        this.killed = true;
        return true;
      }
      if (err === UV_EINVAL || err === UV_ENOSYS) throw errnoException(err, 'kill');
      if (err !== UV_ESRCH) this.emit('error', errnoException(err, 'kill'));
    }
    return false;
  }

  [Symbol.dispose]() {
    if (!this.killed) this.kill();
  }

  ref() {
    if (this._handle) this._handle.ref();
  }

  unref() {
    if (this._handle) this._handle.unref();
  }
}

function onSpawnNT(self) {
  self.emit('spawn');
}

// A start-up failure is reported as the child's 'error' and counts as its exit.
function onErrorNT(self, err) {
  self._handle.onexit(err, null);
}

module.exports = { ChildProcess, kIsUsedInChildProcess, maybeClose };
