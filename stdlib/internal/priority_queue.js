'use strict';
// A binary min-heap. `compare(a, b)` orders items; `setPosition(item, index)` (optional)
// is told each item's index so it can be removed in O(log n).

class PriorityQueue {
  #heap = [];
  #compare;
  #setPosition;

  constructor(compare, setPosition = () => {}) {
    this.#compare = compare;
    this.#setPosition = setPosition;
  }

  get size() { return this.#heap.length; }

  peek() { return this.#heap[0]; }

  insert(item) {
    this.#heap.push(item);
    this.#setPosition(item, this.#heap.length - 1);
    this.#percolateUp(this.#heap.length - 1);
  }

  shift() {
    const top = this.#heap[0];
    if (top !== undefined) this.removeAt(0);
    return top;
  }

  removeAt(index) {
    const heap = this.#heap;
    const last = heap.pop();
    if (index < heap.length) {
      heap[index] = last;
      this.#setPosition(last, index);
      if (index > 0 && this.#compare(heap[index], heap[(index - 1) >> 1]) < 0) {
        this.#percolateUp(index);
      } else {
        this.percolateDown(index);
      }
    }
  }

  // Restores order after the item at `index` got a larger key.
  percolateDown(index) {
    const heap = this.#heap;
    const item = heap[index];
    for (;;) {
      let child = 2 * index + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && this.#compare(heap[child + 1], heap[child]) < 0) child++;
      if (this.#compare(heap[child], item) >= 0) break;
      heap[index] = heap[child];
      this.#setPosition(heap[index], index);
      index = child;
    }
    heap[index] = item;
    this.#setPosition(item, index);
  }

  #percolateUp(index) {
    const heap = this.#heap;
    const item = heap[index];
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.#compare(heap[parent], item) <= 0) break;
      heap[index] = heap[parent];
      this.#setPosition(heap[index], index);
      index = parent;
    }
    heap[index] = item;
    this.#setPosition(item, index);
  }
}

module.exports = PriorityQueue;
