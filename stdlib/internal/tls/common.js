'use strict';
// Pieces of node:tls without state: checkServerIdentity (RFC 6125 name matching, as
// Node 20 does it), ALPN list encoding and the shaping of native certificate objects.

const { Buffer } = require('buffer');
const { isIP } = require('internal/net/is_ip');
const {
  codes: { ERR_TLS_CERT_ALTNAME_FORMAT, ERR_TLS_CERT_ALTNAME_INVALID, ERR_OUT_OF_RANGE },
} = require('internal/errors');

// A JSON string literal, exactly as the JSON grammar allows one.
const kJsonString = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/;

function unfqdn(host) { return host.replace(/[.]$/, ''); }

function splitHost(host) {
  return unfqdn(host).toLowerCase().split('.');
}

function check(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (patternParts.includes('')) return false;
  const isBad = (s) => /[^\u0021-\u007F]/u.test(s);
  if (patternParts.some(isBad)) return false;
  for (let i = hostParts.length - 1; i > 0; i -= 1) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const hostSubdomain = hostParts[0];
  const patternSubdomain = patternParts[0];
  const patternSubdomainParts = patternSubdomain.split('*');
  if (patternSubdomainParts.length === 1 || patternSubdomain.includes('xn--')) {
    return hostSubdomain === patternSubdomain;
  }
  if (!wildcards) return false;
  if (patternSubdomainParts.length > 2) return false;
  if (patternParts.length <= 2) return false;
  const [prefix, suffix] = patternSubdomainParts;
  if (prefix.length + suffix.length > hostSubdomain.length) return false;
  if (!hostSubdomain.startsWith(prefix)) return false;
  if (!hostSubdomain.endsWith(suffix)) return false;
  return true;
}

function splitEscapedAltNames(altNames) {
  // Node quotes names containing commas as JSON strings; plain names split on ", ". A
  // quoted name that is not a valid JSON string is a format error, not a mismatch.
  const result = [];
  let current = '';
  let offset = 0;
  while (offset !== altNames.length) {
    const nextSep = altNames.indexOf(', ', offset);
    const nextQuote = altNames.indexOf('"', offset);
    if (nextQuote !== -1 && (nextSep === -1 || nextQuote < nextSep)) {
      current += altNames.substring(offset, nextQuote);
      const match = kJsonString.exec(altNames.substring(nextQuote));
      if (!match) throw new ERR_TLS_CERT_ALTNAME_FORMAT();
      current += JSON.parse(match[0]);
      offset = nextQuote + match[0].length;
    } else if (nextSep !== -1) {
      current += altNames.substring(offset, nextSep);
      result.push(current);
      current = '';
      offset = nextSep + 2;
    } else {
      current += altNames.substring(offset);
      offset = altNames.length;
    }
  }
  result.push(current);
  return result;
}

function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    for (const name of splitEscapedAltNames(altNames)) {
      if (name.startsWith('DNS:')) dnsNames.push(name.slice(4));
      else if (name.startsWith('IP Address:')) ips.push(canonicalizeIP(name.slice(11)));
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  hostname = unfqdn(hostname);
  if (isIP(hostname)) {
    valid = ips.includes(canonicalizeIP(hostname));
    if (!valid) reason = `IP: ${hostname} is not in the cert's list: ` + ips.join(', ');
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    const wildcard = (pattern) => check(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = dnsNames.some(wildcard);
      if (!valid) reason = `Host: ${hostname}. is not in the cert's altnames: ${altNames}`;
    } else {
      const cn = subject.CN;
      if (Array.isArray(cn)) valid = cn.some(wildcard);
      else if (cn) valid = wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) {
    const err = new ERR_TLS_CERT_ALTNAME_INVALID(reason);
    err.reason = reason;
    err.host = hostname;
    err.cert = cert;
    return err;
  }
}

function canonicalizeIP(ip) {
  if (isIP(ip) !== 6) return ip;
  // Expand and re-compress so that "::1" and "0:0:0:0:0:0:0:1" compare equal.
  try {
    return new URL(`http://[${ip}]/`).hostname.slice(1, -1);
  } catch {
    return ip;
  }
}

// ['h2', 'http/1.1'] (or a Buffer already in wire format) -> length-prefixed bytes.
function convertALPNProtocols(protocols, out) {
  if (Array.isArray(protocols)) {
    const parts = [];
    for (const p of protocols) {
      const b = Buffer.from(p);
      if (b.length > 255) {
        const err = new ERR_OUT_OF_RANGE('protocol', '<= 255', b.length);
        // Node words this one without the 'The value of "..."' frame.
        err.message = 'The byte length of the protocol at index ' +
          `${protocols.indexOf(p)} exceeds the maximum length. It must be <= 255. ` +
          `Received ${b.length}`;
        throw err;
      }
      parts.push(Buffer.from([b.length]), b);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

function shapeCert(c) {
  if (c.raw) c.raw = Buffer.from(c.raw);
  if (c.pubkey) c.pubkey = Buffer.from(c.pubkey);
  return c;
}

// [leaf, ...chain] from the binding -> Node's object, issuerCertificate linked when
// `detailed` (a self-issued certificate is its own issuer).
function linkCertificates(list, detailed) {
  const certs = list.map(shapeCert);
  const leaf = certs[0];
  if (!detailed) return leaf;
  let cur = leaf;
  const used = new Set([leaf]);
  for (;;) {
    const issuer = certs.find((c) => !used.has(c) &&
      JSON.stringify(c.subject) === JSON.stringify(cur.issuer));
    if (!issuer) {
      if (JSON.stringify(cur.subject) === JSON.stringify(cur.issuer)) cur.issuerCertificate = cur;
      break;
    }
    used.add(issuer);
    cur.issuerCertificate = issuer;
    cur = issuer;
  }
  return leaf;
}

module.exports = { checkServerIdentity, convertALPNProtocols, linkCertificates };
