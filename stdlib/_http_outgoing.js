'use strict';
// Node's legacy module id for http.OutgoingMessage (internal/http/outgoing).
const { kHighWaterMark, kUniqueHeaders, OutgoingMessage, validateHeaderName, validateHeaderValue } =
  require('internal/http/outgoing');

module.exports = {
  kHighWaterMark, kUniqueHeaders, OutgoingMessage, validateHeaderName, validateHeaderValue,
};
