'use strict';
// A small module for jest to test: amounts in cents, formatted and split fairly.
function format(cents) {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function split(cents, parts) {
  if (!Number.isInteger(parts) || parts <= 0) throw new RangeError('parts must be a positive integer');
  const base = Math.floor(cents / parts);
  const rest = cents - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < rest ? 1 : 0));
}

async function convert(cents, rate) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  return Math.round(cents * rate);
}

module.exports = { format, split, convert };
