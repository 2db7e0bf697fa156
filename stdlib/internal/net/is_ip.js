'use strict';
// net.isIP / isIPv4 / isIPv6 with Node's grammar: dotted-quad IPv4 without leading zeros,
// IPv6 with "::" compression, an embedded IPv4 tail and an optional %zone.

const kIPv4Segment = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const kIPv4 = `(?:${kIPv4Segment}\\.){3}${kIPv4Segment}`;
const kIPv6Segment = '(?:[0-9a-fA-F]{1,4})';
const kIPv6 = '(?:' +
  `(?:${kIPv6Segment}:){7}(?:${kIPv6Segment}|:)|` +
  `(?:${kIPv6Segment}:){6}(?:${kIPv4}|:${kIPv6Segment}|:)|` +
  `(?:${kIPv6Segment}:){5}(?::${kIPv4}|(?::${kIPv6Segment}){1,2}|:)|` +
  `(?:${kIPv6Segment}:){4}(?:(?::${kIPv6Segment}){0,1}:${kIPv4}|(?::${kIPv6Segment}){1,3}|:)|` +
  `(?:${kIPv6Segment}:){3}(?:(?::${kIPv6Segment}){0,2}:${kIPv4}|(?::${kIPv6Segment}){1,4}|:)|` +
  `(?:${kIPv6Segment}:){2}(?:(?::${kIPv6Segment}){0,3}:${kIPv4}|(?::${kIPv6Segment}){1,5}|:)|` +
  `(?:${kIPv6Segment}:){1}(?:(?::${kIPv6Segment}){0,4}:${kIPv4}|(?::${kIPv6Segment}){1,6}|:)|` +
  `(?::(?:(?::${kIPv6Segment}){0,5}:${kIPv4}|(?::${kIPv6Segment}){1,7}|:))` +
  ')(?:%[0-9a-zA-Z-.:]{1,})?';

const IPv4Reg = new RegExp(`^${kIPv4}$`);
const IPv6Reg = new RegExp(`^${kIPv6}$`);

function isIPv4(input) {
  return IPv4Reg.test(`${input}`);
}

function isIPv6(input) {
  return IPv6Reg.test(`${input}`);
}

function isIP(input) {
  if (isIPv4(input)) return 4;
  if (isIPv6(input)) return 6;
  return 0;
}

module.exports = { isIP, isIPv4, isIPv6 };
