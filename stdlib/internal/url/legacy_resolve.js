'use strict';
// Url.prototype.resolveObject for the legacy url API: resolves a relative Url against a
// base the way browsers resolved links before the WHATWG standard, including Node's
// documented quirks for non-slashed protocols (mailto:) and paths above the root.

// Updates `path` and `href` from the other fields, as every exit of resolveObject does.
function finish(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname || '') + (result.search || '');
  }
  result.href = result.format();
  return result;
}

// An "auth@host" that a non-slashed protocol left in the host field.
function splitAuthInHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const parts = result.host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

// Removes '.' segments and resolves '..' against earlier ones; returns how many '..'
// climbed above the first segment.
function removeDotSegments(segments) {
  let up = 0;
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i];
    if (seg === '.') {
      segments.splice(i, 1);
    } else if (seg === '..') {
      segments.splice(i, 1);
      up++;
    } else if (up) {
      segments.splice(i, 1);
      up--;
    }
  }
  return up;
}

function makeResolveObject(Url, urlParse, { hostlessProtocol, slashedProtocol }) {
  return function resolveObject(relative) {
    if (typeof relative === 'string') relative = urlParse(relative, false, true);
    const result = new Url();
    Object.assign(result, this);
    // The hash always comes from the relative URL, even when that is "".
    result.hash = relative.hash;
    if (relative.href === '') {
      result.href = result.format();
      return result;
    }

    // "//host/path" keeps only the base's protocol.
    if (relative.slashes && !relative.protocol) {
      for (const key of Object.keys(relative)) {
        if (key !== 'protocol') result[key] = relative[key];
      }
      if (slashedProtocol.has(result.protocol) && result.hostname && !result.pathname) {
        result.path = result.pathname = '/';
      }
      result.href = result.format();
      return result;
    }

    if (relative.protocol && relative.protocol !== result.protocol) {
      // Another protocol: an unknown one makes the relative URL absolute as it is; a
      // slashed one must have a host (taken from the first path segment if needed).
      if (!slashedProtocol.has(relative.protocol)) {
        Object.assign(result, relative);
        result.href = result.format();
        return result;
      }
      result.protocol = relative.protocol;
      if (!relative.host && !/^file:?$/.test(relative.protocol) &&
          !hostlessProtocol.has(relative.protocol)) {
        const relPath = (relative.pathname || '').split('/');
        while (relPath.length && !(relative.host = relPath.shift()));
        if (!relative.host) relative.host = '';
        if (!relative.hostname) relative.hostname = '';
        if (relPath[0] !== '') relPath.unshift('');
        if (relPath.length < 2) relPath.unshift('');
        result.pathname = relPath.join('/');
      } else {
        result.pathname = relative.pathname;
      }
      result.search = relative.search;
      result.query = relative.query;
      result.host = relative.host || '';
      result.auth = relative.auth;
      result.hostname = relative.hostname || relative.host;
      result.port = relative.port;
      if (result.pathname || result.search) {
        result.path = (result.pathname || '') + (result.search || '');
      }
      result.slashes = result.slashes || relative.slashes;
      result.href = result.format();
      return result;
    }

    const isSourceAbs = Boolean(result.pathname && result.pathname.charAt(0) === '/');
    const isRelAbs = Boolean(relative.host ||
      (relative.pathname && relative.pathname.charAt(0) === '/'));
    let mustEndAbs = Boolean(isRelAbs || isSourceAbs || (result.host && relative.pathname));
    const removeAllDots = mustEndAbs;
    let srcPath = (result.pathname && result.pathname.split('/')) || [];
    const relPath = (relative.pathname && relative.pathname.split('/')) || [];
    const noLeadingSlashes = result.protocol && !slashedProtocol.has(result.protocol);

    // For non-slashed protocols the host is treated as the first path segment, so that
    // "../.." can climb into it; it is put back at the end.
    if (noLeadingSlashes) {
      result.hostname = '';
      result.port = null;
      if (result.host) {
        if (srcPath[0] === '') srcPath[0] = result.host;
        else srcPath.unshift(result.host);
      }
      result.host = '';
      if (relative.protocol) {
        relative.hostname = null;
        relative.port = null;
        result.auth = null;
        if (relative.host) {
          if (relPath[0] === '') relPath[0] = relative.host;
          else relPath.unshift(relative.host);
        }
        relative.host = null;
      }
      mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
    }

    if (isRelAbs) {
      if (relative.host || relative.host === '') {
        if (result.host !== relative.host) result.auth = null;
        result.host = relative.host;
        result.port = relative.port;
      }
      if (relative.hostname || relative.hostname === '') {
        if (result.hostname !== relative.hostname) result.auth = null;
        result.hostname = relative.hostname;
      }
      result.search = relative.search;
      result.query = relative.query;
      srcPath = relPath;
    } else if (relPath.length) {
      srcPath.pop();
      srcPath = srcPath.concat(relPath);
      result.search = relative.search;
      result.query = relative.query;
    } else if (relative.search !== null && relative.search !== undefined) {
      // Only a new query ("?foo").
      if (noLeadingSlashes) {
        result.hostname = result.host = srcPath.shift();
        splitAuthInHost(result);
      }
      result.search = relative.search;
      result.query = relative.query;
      return finish(result);
    }

    if (!srcPath.length) {
      result.pathname = null;
      result.path = result.search ? `/${result.search}` : null;
      result.href = result.format();
      return result;
    }

    // A path ending in "." or ".." (or "") gets a trailing slash.
    let last = srcPath[srcPath.length - 1];
    const hasTrailingSlash = ((result.host || relative.host || srcPath.length > 1) &&
      (last === '.' || last === '..')) || last === '';
    let up = removeDotSegments(srcPath);
    if (!mustEndAbs && !removeAllDots) {
      while (up--) srcPath.unshift('..');
    }
    if (mustEndAbs && srcPath[0] !== '' && (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
      srcPath.unshift('');
    }
    if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');
    const isAbsolute = srcPath[0] === '' || Boolean(srcPath[0] && srcPath[0].charAt(0) === '/');

    if (noLeadingSlashes) {
      last = isAbsolute ? '' : srcPath.length ? srcPath.shift() : '';
      result.hostname = result.host = last;
      splitAuthInHost(result);
    }
    mustEndAbs = mustEndAbs || (result.host && srcPath.length);
    if (mustEndAbs && !isAbsolute) srcPath.unshift('');

    if (srcPath.length > 0) {
      result.pathname = srcPath.join('/');
    } else {
      result.pathname = null;
      result.path = null;
    }
    result.auth = relative.auth || result.auth;
    result.slashes = result.slashes || relative.slashes;
    return finish(result);
  };
}

module.exports = { makeResolveObject };
