// Code under test: a tiny queue and an async fetcher.
exports.Queue = class Queue {
  #items = [];
  push(x) { this.#items.push(x); return this; }
  shift() { return this.#items.shift(); }
  get length() { return this.#items.length; }
};
exports.later = (v, ms) => new Promise((resolve) => setTimeout(resolve, ms, v));
