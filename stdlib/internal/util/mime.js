'use strict';
// util.MIMEType and util.MIMEParams: the WHATWG MIME type parser and serializer
// (mimesniff.spec.whatwg.org) with Node's error for an invalid type or subtype.

const { ERR_INVALID_MIME_SYNTAX } = require('internal/errors').codes;

const kHttpToken = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const kQuotedStringChar = /^[\t\u0020-\u007E\u0080-\u00FF]*$/;
const kWhitespace = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function trimHttpWhitespace(s) {
  return s.replace(kWhitespace, '');
}

class MIMEParams {
  #data = new Map();

  delete(name) { this.#data.delete(name); }
  get(name) { return this.#data.has(name) ? this.#data.get(name) : null; }
  has(name) { return this.#data.has(name); }

  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    if (!kHttpToken.test(name)) throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, -1);
    if (!kQuotedStringChar.test(value)) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, -1);
    }
    this.#data.set(name, value);
  }

  *entries() { yield* this.#data.entries(); }
  *keys() { yield* this.#data.keys(); }
  *values() { yield* this.#data.values(); }
  [Symbol.iterator]() { return this.entries(); }

  toString() {
    let out = '';
    for (const [name, value] of this.#data) {
      const shown = value === '' || !kHttpToken.test(value) ?
        `"${value.replace(/["\\]/g, '\\$&')}"` : value;
      out += `${out ? ';' : ''}${name}=${shown}`;
    }
    return out;
  }

  toJSON() { return this.toString(); }

  // Parses the parameters after the subtype, keeping the first of a repeated name.
  static parseInto(params, text) {
    let pos = 0;
    while (pos < text.length) {
      pos++;  // The ';'.
      while (pos < text.length && /[\t\n\r ]/.test(text[pos])) pos++;
      let nameEnd = pos;
      while (nameEnd < text.length && text[nameEnd] !== ';' && text[nameEnd] !== '=') nameEnd++;
      const name = text.slice(pos, nameEnd).toLowerCase();
      pos = nameEnd;
      if (pos >= text.length) break;
      if (text[pos] === ';') continue;
      pos++;  // The '='.
      let value;
      if (text[pos] === '"') {
        value = '';
        pos++;
        while (pos < text.length && text[pos] !== '"') {
          if (text[pos] === '\\' && pos + 1 < text.length) pos++;
          value += text[pos++];
        }
        while (pos < text.length && text[pos] !== ';') pos++;
      } else {
        let end = text.indexOf(';', pos);
        if (end === -1) end = text.length;
        value = trimHttpWhitespace(text.slice(pos, end));
        pos = end;
        if (value === '') continue;
      }
      if (name !== '' && kHttpToken.test(name) && kQuotedStringChar.test(value) &&
          !params.has(name)) {
        params.#data.set(name, value);
      }
    }
  }
}

class MIMEType {
  #type;
  #subtype;
  #params = new MIMEParams();

  /**
   * @param {string} input e.g. 'text/html; charset=utf-8'
   */
  constructor(input) {
    const text = trimHttpWhitespace(`${input}`);
    const slash = text.indexOf('/');
    const type = slash === -1 ? text : text.slice(0, slash);
    if (slash === -1 || !kHttpToken.test(type)) {
      throw new ERR_INVALID_MIME_SYNTAX('type', text, slash === -1 ? -1 : 0);
    }
    let semi = text.indexOf(';', slash + 1);
    if (semi === -1) semi = text.length;
    const subtype = trimHttpWhitespace(text.slice(slash + 1, semi));
    if (!kHttpToken.test(subtype)) throw new ERR_INVALID_MIME_SYNTAX('subtype', text, slash + 1);
    this.#type = type.toLowerCase();
    this.#subtype = subtype.toLowerCase();
    MIMEParams.parseInto(this.#params, text.slice(semi));
  }

  get type() { return this.#type; }
  set type(value) {
    value = `${value}`;
    if (!kHttpToken.test(value)) throw new ERR_INVALID_MIME_SYNTAX('type', value, -1);
    this.#type = value.toLowerCase();
  }

  get subtype() { return this.#subtype; }
  set subtype(value) {
    value = `${value}`;
    if (!kHttpToken.test(value)) throw new ERR_INVALID_MIME_SYNTAX('subtype', value, -1);
    this.#subtype = value.toLowerCase();
  }

  get essence() { return `${this.#type}/${this.#subtype}`; }
  get params() { return this.#params; }

  toString() {
    const params = this.#params.toString();
    return params ? `${this.essence};${params}` : this.essence;
  }

  toJSON() { return this.toString(); }
}

module.exports = { MIMEType, MIMEParams };
