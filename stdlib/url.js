'use strict';
// node:url — the WHATWG URL API (internal/url) and the legacy Url API
// (internal/url/legacy).

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateObject } = require('internal/validators');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  formatURL,
  isURL,
  pathToFileURL,
  urlToHttpOptions,
} = require('internal/url');
const {
  Url,
  urlParse,
  urlResolve,
  urlResolveObject,
} = require('internal/url/legacy');

/**
 * Formats a legacy Url object, a string (parsed first) or a WHATWG URL.
 * @param {object|string} urlObject
 * @param {{auth?: boolean, fragment?: boolean, search?: boolean, unicode?: boolean}} [options]
 * @returns {string}
 */
function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatURL(urlObject.href, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

module.exports = {
  // Legacy API.
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API.
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities.
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
