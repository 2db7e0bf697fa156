'use strict';
// The legacy url.parse / url.format / url.resolve API (Node's `Url` objects), written
// from Node's documentation and tests: lenient, not the WHATWG algorithm.

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_URL },
} = require('internal/errors');
const { validateString } = require('internal/validators');

let querystring;
function qs() {
  querystring ??= require('querystring');
  return querystring;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const hostlessProtocol = new Set(['javascript', 'javascript:']);
const slashedProtocol = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:',
  'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);
const unsafeProtocol = new Set(['javascript', 'javascript:']);

const protocolPattern = /^[a-z0-9.+-]+:/i;
const portPattern = /:[0-9]*$/;
const hostPattern = /^\/\/[^@/]+@[^@/]+/;
const simplePathPattern = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnameMaxLen = 255;
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

// What url.parse trims from both ends: C0 controls, space, DEL, NBSP and BOM.
function isWs(code) {
  return code <= 0x20 || code === 0x7f || code === 0xa0 || code === 0xfeff;
}

// Characters that never appear in a hostname (RFC 2396); they end it.
const kNonHostChars = new Set([0x20, 0x22, 0x25, 0x27, 0x3b, 0x3c, 0x3e,
  0x5c, 0x5e, 0x60, 0x7b, 0x7c, 0x7d]);

// Escaped in the rest of the URL even where encodeURIComponent would not.
const kAutoEscape = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22', "'": '%27', '<': '%3C',
  '>': '%3E', '\\': '%5C', '^': '%5E', '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const kAutoEscapeRe = /[\t\n\r "'<>\\^`{|}]/g;

function isIpv6Hostname(hostname) {
  return hostname.charCodeAt(0) === 0x5b && hostname.charCodeAt(hostname.length - 1) === 0x5d;
}

let warnInvalidPort = true;

// Cuts the hostname at the first character that cannot be in one; the remainder joins
// the path.
function getHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; ++i) {
    const code = hostname.charCodeAt(i);
    if (code === 0x2f || code === 0x5c || code === 0x23 || code === 0x3f || code === 0x3a) {
      if (warnInvalidPort && code === 0x3a) {
        process.emitWarning(`The URL ${url} is invalid. Future versions of Node.js will ` +
          'throw an error.', 'DeprecationWarning', 'DEP0170');
        warnInvalidPort = false;
      }
      self.hostname = hostname.slice(0, i);
      return `/${hostname.slice(i)}${rest}`;
    }
  }
  return rest;
}

// Trims whitespace and turns backslashes before the query or hash into slashes. Returns
// [rest, hasHash, hasAt].
function normalizeInput(url) {
  let hasHash = false;
  let hasAt = false;
  let out = '';
  let start = -1;
  let end = url.length;
  while (start + 1 < end && isWs(url.charCodeAt(start + 1))) start++;
  start++;
  while (end > start && isWs(url.charCodeAt(end - 1))) end--;
  let split = false;
  let lastPos = start;
  for (let i = start; i < end; i++) {
    const code = url.charCodeAt(i);
    if (!split) {
      if (code === 0x40) hasAt = true;
      else if (code === 0x23) { hasHash = true; split = true; }
      else if (code === 0x3f) split = true;
      else if (code === 0x5c) {
        out += url.slice(lastPos, i) + '/';
        lastPos = i + 1;
      }
    } else if (code === 0x23) {
      hasHash = true;
    }
  }
  out += url.slice(lastPos, end);
  return [out, hasHash, hasAt];
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  validateString(url, 'url');
  let [rest, hasHash, hasAt] = normalizeInput(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simplePath = simplePathPattern.exec(rest);
    if (simplePath) {
      this.path = rest;
      this.href = rest;
      this.pathname = simplePath[1];
      if (simplePath[2]) {
        this.search = simplePath[2];
        this.query = parseQueryString ? qs().parse(this.search.slice(1)) :
          this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = protocolPattern.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  // user@server is always a host, and //foo/bar is host=foo with path /bar, as browsers
  // resolve relative URLs.
  let slashes;
  if (slashesDenoteHost || proto || hostPattern.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    // The host ends at the first / ? #; an '@' before that makes everything before the
    // last such '@' the auth part, unless a non-host character came first.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length && hostEnd === -1; ++i) {
      const code = rest.charCodeAt(i);
      if (code === 0x09 || code === 0x0a || code === 0x0d) {
        continue;  // Dropped from the auth and host below, as the WHATWG parser does.
      } else if (kNonHostChars.has(code)) {
        if (nonHost === -1) nonHost = i;
      } else if (code === 0x23 || code === 0x2f || code === 0x3f) {
        if (nonHost === -1) nonHost = i;
        hostEnd = i;
      } else if (code === 0x40) {
        atSign = i;
        nonHost = -1;
      }
    }
    let start = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign).replace(/[\t\n\r]/g, ''));
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }
    this.host = this.host.replace(/[\t\n\r]/g, '');

    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6Hostname = isIpv6Hostname(hostname);
    if (!ipv6Hostname) rest = getHostname(this, rest, hostname, url);

    if (this.hostname.length > hostnameMaxLen) {
      this.hostname = '';
    } else {
      this.hostname = this.hostname.toLowerCase();
    }

    if (this.hostname !== '') {
      if (ipv6Hostname) {
        if (forbiddenHostCharsIpv6.test(this.hostname)) throw invalidUrl(url);
      } else {
        // Punycode only the labels that need it; an empty or forbidden result can only
        // come from IDNA mapping, which would be host spoofing.
        this.hostname = toASCII(this.hostname);
        if (this.hostname === '' || forbiddenHostChars.test(this.hostname)) {
          throw invalidUrl(url);
        }
      }
    }

    const p = this.port ? `:${this.port}` : '';
    this.host = (this.hostname || '') + p;

    // The host keeps the brackets of an IPv6 address; the hostname does not.
    if (ipv6Hostname) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = `/${rest}`;
    }
  }

  if (!unsafeProtocol.has(lowerProto)) {
    rest = rest.replace(kAutoEscapeRe, (c) => kAutoEscape[c]);
  }

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; ++i) {
    const code = rest.charCodeAt(i);
    if (code === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (code === 0x3f && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    const end = hashIdx === -1 ? rest.length : hashIdx;
    this.search = rest.slice(questionIdx, end);
    this.query = rest.slice(questionIdx + 1, end);
    if (parseQueryString) this.query = qs().parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ?
    questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  if (this.pathname || this.search) this.path = (this.pathname || '') + (this.search || '');
  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  let port = portPattern.exec(host);
  if (port) {
    port = port[0];
    if (port !== ':') this.port = port.slice(1);
    host = host.slice(0, host.length - port.length);
  }
  if (host) this.hostname = host;
};

function invalidUrl(url) {
  const err = new ERR_INVALID_URL();
  err.input = url;
  return err;
}

// IDNA for url.parse. ASCII hostnames stay as they are; one that IDNA rejects comes back
// empty, which the caller turns into ERR_INVALID_URL.
// Differs from Node 20: Node maps leniently and rejects only results with forbidden
// characters, so a few invalid labels (bad punycode) parse there and throw here.
function toASCII(hostname) {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(hostname) && !/(^|\.)xn--/i.test(hostname)) return hostname;
  return require('internal/url').domainToASCII(hostname);
}

// Auth keeps A-Z a-z 0-9 ! ' ( ) * - . _ ~ and ':'; the rest is percent-encoded.
const kAuthEscapeRe = /[^A-Za-z0-9!'()*\-._~:]/g;
function encodeAuth(auth) {
  return auth.replace(kAuthEscapeRe, (c) => (c.charCodeAt(0) < 0x80 ?
    `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` :
    encodeURIComponent(c)));
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = `${encodeAuth(auth)}@`;
  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !isIpv6Hostname(this.hostname) ?
      `[${this.hostname}]` : this.hostname);
    if (this.port) host += `:${this.port}`;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = qs().stringify(this.query);
  }
  let search = this.search || (query && `?${query}`) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';

  pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));

  // Only the slashed protocols get "//" (not mailto:, xmpp:), unless they had it.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = `/${pathname}`;
      host = `//${host}`;
    } else if (protocol.startsWith('file')) {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = `#${hash}`;
  if (search && search.charCodeAt(0) !== 0x3f) search = `?${search}`;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

Url.prototype.resolveObject = require('internal/url/legacy_resolve').makeResolveObject(
  Url, urlParse, { hostlessProtocol, slashedProtocol });

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const urlObject = new Url();
  urlObject.parse(url, parseQueryString, slashesDenoteHost);
  return urlObject;
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = {
  Url,
  urlParse,
  urlResolve,
  urlResolveObject,
  ERR_INVALID_ARG_TYPE,
};
