'use strict';
// fs.watch(dir, { recursive: true }) on Linux, where libuv (inotify) watches one
// directory at a time: one non-recursive watcher per directory of the tree. A directory
// that appears later is watched as soon as its 'rename' arrives, and what it already
// holds is reported as 'rename' events (it may have filled before the watch began).
// File names are relative to the watched root, as Node reports them.
// Differs from Node 20: Node 20.11 polls files with watchFile here; inotify per directory
// reports changes at once and the event kinds of the native watcher.

const EventEmitter = require('events');
const path = require('path');
const { lstatSync, readdirSync } = require('fs');

function encode(name, encoding) {
  if (encoding === undefined || encoding === 'utf8' || encoding === 'utf-8') return name;
  const bytes = Buffer.from(name);
  return encoding === 'buffer' ? bytes : bytes.toString(encoding);
}

function isDirectory(file) {
  try {
    return lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}

class RecursiveWatcher extends EventEmitter {
  #options;
  #makeWatcher;
  #kStart;
  #root = '';
  #watchers = new Map();  // Directory (or the single watched file) -> FSWatcher.
  #closed = false;
  #unref = false;

  constructor(options, makeWatcher, kStart) {
    super();
    this.#options = options;
    this.#makeWatcher = makeWatcher;
    this.#kStart = kStart;
    // Started through the same private key as FSWatcher, so users cannot call it.
    Object.defineProperty(this, kStart, { value: (filename) => this.#start(filename) });
  }

  #start(filename) {
    const name = typeof filename === 'string' ? filename : Buffer.from(filename).toString();
    this.#root = path.resolve(name);
    let stats;
    try {
      stats = lstatSync(this.#root);
    } catch (error) {
      error.filename = filename;
      throw error;
    }
    if (!stats.isDirectory()) {
      this.#watch(this.#root, (eventType) => {
        this.emit('change', eventType, encode(path.basename(this.#root), this.#options.encoding));
      });
      return;
    }
    this.#watchDirectory(this.#root, false);
  }

  #watch(target, onChange) {
    const watcher = this.#makeWatcher(undefined);
    watcher[this.#kStart](target, this.#options.persistent);
    if (this.#unref) watcher.unref();
    watcher.on('change', onChange);
    watcher.on('error', (error) => {
      this.#watchers.delete(target);
      // A watched subdirectory that vanished is routine; anything else is reported.
      if (target === this.#root || error.code !== 'ENOENT') this.emit('error', error);
    });
    this.#watchers.set(target, watcher);
  }

  #watchDirectory(dir, announce) {
    if (this.#closed || this.#watchers.has(dir)) return;
    try {
      this.#watch(dir, (eventType, name) => this.#onChange(dir, eventType, name));
    } catch (error) {
      if (dir === this.#root) throw error;
      return;  // Removed again before we got to it.
    }
    let entries = [];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      // Gone or unreadable: its parent's watcher reports what happens next.
    }
    for (const entry of entries) {
      const child = path.join(dir, entry.name);
      if (announce) this.#emit('rename', child);
      if (entry.isDirectory()) this.#watchDirectory(child, announce);
    }
  }

  #onChange(dir, eventType, name) {
    if (name === null) return;
    const file = path.join(dir, name);
    this.#emit(eventType, file);
    if (this.#closed || eventType !== 'rename') return;
    if (isDirectory(file)) {
      this.#watchDirectory(file, true);
    } else {
      this.#unwatchTree(file);
    }
  }

  #emit(eventType, file) {
    if (this.#closed) return;
    this.emit('change', eventType, encode(path.relative(this.#root, file), this.#options.encoding));
  }

  #unwatchTree(dir) {
    const prefix = dir + path.sep;
    for (const [target, watcher] of this.#watchers) {
      if (target === dir || target.startsWith(prefix)) {
        watcher.close();
        this.#watchers.delete(target);
      }
    }
  }

  close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const watcher of this.#watchers.values()) watcher.close();
    this.#watchers.clear();
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this.#unref = false;
    for (const watcher of this.#watchers.values()) watcher.ref();
    return this;
  }

  unref() {
    this.#unref = true;
    for (const watcher of this.#watchers.values()) watcher.unref();
    return this;
  }
}

module.exports = { RecursiveWatcher };
