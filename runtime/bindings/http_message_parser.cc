// HttpMessageParser: llhttp plus header accumulation and the header-size limit.
#include "runtime/bindings/http_message_parser.h"

namespace skua::http_parser {

void HttpMessageParser::Init(Type type, uint32_t max_header_size, uint32_t lenient) {
  // The settings hold our static callbacks; filled here because they are private.
  static const llhttp_settings_t settings = [] {
    llhttp_settings_t s;
    llhttp_settings_init(&s);
    s.on_message_begin = OnMessageBeginCb;
    s.on_url = OnUrl;
    s.on_status = OnStatus;
    s.on_header_field = OnHeaderField;
    s.on_header_field_complete = OnHeaderFieldComplete;
    s.on_header_value = OnHeaderValue;
    s.on_headers_complete = OnHeadersCompleteCb;
    s.on_body = OnBodyCb;
    s.on_message_complete = OnMessageCompleteCb;
    s.on_chunk_header = OnChunkHeader;
    s.on_chunk_extension_name = OnChunkExtension;
    s.on_chunk_extension_value = OnChunkExtension;
    return s;
  }();
  llhttp_init(&parser_, static_cast<llhttp_type_t>(type), &settings);
  parser_.data = this;
  if (lenient & kLenientHeaders) llhttp_set_lenient_headers(&parser_, 1);
  if (lenient & kLenientChunkedLength) llhttp_set_lenient_chunked_length(&parser_, 1);
  if (lenient & kLenientKeepAlive) llhttp_set_lenient_keep_alive(&parser_, 1);
  if (lenient & kLenientTransferEncoding) llhttp_set_lenient_transfer_encoding(&parser_, 1);
  max_header_size_ = max_header_size != 0 ? max_header_size : 16 * 1024;
  url_.clear();
  status_message_.clear();
  fields_.clear();
  values_.clear();
  in_field_ = false;
  callback_error_ = false;
  header_overflow_ = false;
  chunk_extensions_overflow_ = false;
  chunk_extensions_nread_ = 0;
  header_nread_ = 0;
}

HttpMessageParser::Result HttpMessageParser::Execute(const char* data, size_t length) {
  callback_error_ = false;
  llhttp_errno_t err = llhttp_execute(&parser_, data, length);
  return MakeResult(err, data, length);
}

HttpMessageParser::Result HttpMessageParser::Finish() {
  callback_error_ = false;
  return MakeResult(llhttp_finish(&parser_), nullptr, 0);
}

HttpMessageParser::Result HttpMessageParser::MakeResult(llhttp_errno_t err, const char* data,
                                                        size_t length) {
  Result result;
  result.nread = length;
  if (err == HPE_PAUSED_UPGRADE) {
    // The bytes after the upgrade request belong to the new protocol.
    if (data != nullptr) result.nread = llhttp_get_error_pos(&parser_) - data;
    llhttp_resume_after_upgrade(&parser_);
    return result;
  }
  if (err == HPE_OK) return result;
  if (data != nullptr) result.nread = llhttp_get_error_pos(&parser_) - data;
  if (err == HPE_PAUSED) {
    // pause() from a callback: consumed up to here, resumable later.
    return result;
  }
  result.ok = false;
  if (callback_error_) {
    result.callback_error = true;
    return result;
  }
  if (chunk_extensions_overflow_) {
    result.code = "HPE_CHUNK_EXTENSIONS_OVERFLOW";
    result.reason = "Chunk extensions overflow";
  } else if (header_overflow_) {
    result.code = "HPE_HEADER_OVERFLOW";
    result.reason = "Header overflow";
  } else {
    result.code = llhttp_errno_name(err);
    const char* reason = llhttp_get_error_reason(&parser_);
    result.reason = reason != nullptr ? reason : "";
  }
  return result;
}

bool HttpMessageParser::TrackHeader(size_t length) {
  header_nread_ += length;
  if (header_nread_ < max_header_size_) return true;
  header_overflow_ = true;
  llhttp_set_error_reason(&parser_, "Header overflow");
  return false;
}

int HttpMessageParser::OnMessageBeginCb(llhttp_t* p) {
  HttpMessageParser* self = From(p);
  self->url_.clear();
  self->status_message_.clear();
  self->fields_.clear();
  self->values_.clear();
  self->in_field_ = false;
  self->header_nread_ = 0;
  if (self->delegate_->OnMessageBegin() != 0) {
    self->callback_error_ = true;
    return HPE_USER;
  }
  return 0;
}

int HttpMessageParser::OnUrl(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  if (!self->TrackHeader(length)) return HPE_USER;
  self->url_.append(at, length);
  return 0;
}

int HttpMessageParser::OnStatus(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  if (!self->TrackHeader(length)) return HPE_USER;
  self->status_message_.append(at, length);
  return 0;
}

int HttpMessageParser::OnHeaderField(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  if (!self->TrackHeader(length)) return HPE_USER;
  // A field may arrive in pieces across reads; it is complete at on_header_field_complete.
  if (!self->in_field_) {
    self->fields_.emplace_back();
    self->in_field_ = true;
  }
  self->fields_.back().append(at, length);
  return 0;
}

int HttpMessageParser::OnHeaderFieldComplete(llhttp_t* p) {
  HttpMessageParser* self = From(p);
  self->in_field_ = false;
  self->values_.emplace_back();  // Filled by on_header_value, empty if it never comes.
  return 0;
}

int HttpMessageParser::OnHeaderValue(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  if (!self->TrackHeader(length)) return HPE_USER;
  self->values_.back().append(at, length);
  return 0;
}

int HttpMessageParser::OnHeadersCompleteCb(llhttp_t* p) {
  HttpMessageParser* self = From(p);
  int ret = self->delegate_->OnHeadersComplete();
  self->fields_.clear();
  self->values_.clear();
  self->in_field_ = false;
  self->header_nread_ = 0;
  if (ret < 0) {
    self->callback_error_ = true;
    return -1;
  }
  return ret;
}

int HttpMessageParser::OnChunkHeader(llhttp_t* p) {
  From(p)->chunk_extensions_nread_ = 0;
  return 0;
}

int HttpMessageParser::OnChunkExtension(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  self->chunk_extensions_nread_ += length;
  if (self->chunk_extensions_nread_ <= kMaxChunkExtensionsSize) return 0;
  self->chunk_extensions_overflow_ = true;
  llhttp_set_error_reason(p, "Chunk extensions overflow");
  return HPE_USER;
}

int HttpMessageParser::OnBodyCb(llhttp_t* p, const char* at, size_t length) {
  HttpMessageParser* self = From(p);
  if (self->delegate_->OnBody(at, length) != 0) {
    self->callback_error_ = true;
    return HPE_USER;
  }
  return 0;
}

int HttpMessageParser::OnMessageCompleteCb(llhttp_t* p) {
  HttpMessageParser* self = From(p);
  int ret = self->delegate_->OnMessageComplete();
  self->fields_.clear();
  self->values_.clear();
  self->in_field_ = false;
  if (ret != 0) {
    self->callback_error_ = true;
    return HPE_USER;
  }
  return 0;
}

}  // namespace skua::http_parser
