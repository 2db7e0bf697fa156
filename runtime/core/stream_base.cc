// LibuvStreamWrap: reading into fresh ArrayBuffers, writing with uv_try_write then
// uv_write, and shutdown, for every uv_stream_t handle.
#include "runtime/core/stream_base.h"

#include <cstdlib>
#include <cstring>
#include <vector>

#include "base/check.h"
#include "runtime/core/v8_helpers.h"

namespace skua {

namespace {

LibuvStreamWrap* UnwrapStream(const v8::FunctionCallbackInfo<v8::Value>& args) {
  return BaseObject::Unwrap<LibuvStreamWrap>(args.This());
}

void FreeBacking(void* data, size_t, void*) { free(data); }

// Strings up to this size are encoded on the stack and only copied when uv_try_write
// cannot take them whole.
constexpr size_t kStackStringBytes = 16 * 1024;

}  // namespace

StreamBaseState::StreamBaseState(Realm* realm) {
  store_ = v8::ArrayBuffer::NewBackingStore(realm->isolate(), kFieldCount * sizeof(double));
  fields_ = static_cast<double*>(store_->Data());
}

v8::Local<v8::Float64Array> StreamBaseState::Array(v8::Isolate* isolate) {
  return v8::Float64Array::New(v8::ArrayBuffer::New(isolate, store_), 0, kFieldCount);
}

LibuvStreamWrap::LibuvStreamWrap(Realm* realm, v8::Local<v8::Object> object,
                                 uv_stream_t* stream)
    : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(stream)), stream_(stream) {}

void LibuvStreamWrap::OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf) {
  // Plain malloc (no zero fill): the bytes become the ArrayBuffer handed to JS.
  buf->base = static_cast<char*>(malloc(suggested));
  buf->len = buf->base == nullptr ? 0 : suggested;
}

void LibuvStreamWrap::OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* wrap = static_cast<LibuvStreamWrap*>(static_cast<HandleWrap*>(stream->data));
  if (nread == 0) {  // EAGAIN: nothing read.
    free(buf->base);
    return;
  }
  Realm* realm = wrap->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> argv[3] = {v8::Number::New(isolate, static_cast<double>(nread)),
                                  v8::Undefined(isolate), v8::Undefined(isolate)};
  int argc = 2;
  if (nread > 0) {
    wrap->bytes_read_ += nread;
    // Shrink in place to what was read, then give the memory to V8 as is.
    void* data = realloc(buf->base, nread);
    if (data == nullptr) data = buf->base;
    std::unique_ptr<v8::BackingStore> store =
        v8::ArrayBuffer::NewBackingStore(data, nread, FreeBacking, nullptr);
    argv[1] = v8::ArrayBuffer::New(isolate, std::move(store));
  } else {
    free(buf->base);
  }
  if (stream->type == UV_NAMED_PIPE && reinterpret_cast<uv_pipe_t*>(stream)->ipc) {
    auto* pipe = reinterpret_cast<uv_pipe_t*>(stream);
    int pending = uv_pipe_pending_count(pipe);
    if (pending > 0) {
      v8::Local<v8::Array> types = v8::Array::New(isolate, pending);
      for (int i = 0; i < pending; i++) {
        uv_handle_type type = uv_pipe_pending_type(pipe);
        const char* name = type == UV_TCP ? "TCP" : type == UV_UDP ? "UDP" : "Pipe";
        if (types->Set(realm->context(), i, OneByteString(isolate, name)).IsNothing()) return;
      }
      argv[2] = types;
      argc = 3;
    }
  }
  v8::Local<v8::Object> obj = wrap->object();
  v8::Local<v8::Value> onread;
  if (!obj->Get(realm->context(), OneByteString(isolate, "onread")).ToLocal(&onread) ||
      !onread->IsFunction()) {
    return;
  }
  (void)realm->MakeCallback(onread.As<v8::Function>(), obj, argc, argv);
}

int LibuvStreamWrap::DoWrite(v8::Local<v8::Object> req_obj, uv_buf_t* bufs, size_t count,
                             std::unique_ptr<char[]> storage, uv_stream_t* send_handle) {
  double* state = realm()->binding_state<StreamBaseState>()->fields();
  size_t total = 0;
  for (size_t i = 0; i < count; i++) total += bufs[i].len;
  state[StreamBaseState::kBytesWritten] = static_cast<double>(total);
  state[StreamBaseState::kLastWriteWasAsync] = 0;
  if (!IsAlive()) return UV_EBADF;

  // Take what the kernel accepts now; queue only the rest.
  size_t first = 0;
  if (send_handle == nullptr && uv_stream_get_write_queue_size(stream_) == 0) {
    int written = uv_try_write(stream_, bufs, count);
    if (written < 0 && written != UV_EAGAIN && written != UV_ENOSYS) return written;
    size_t left = written > 0 ? static_cast<size_t>(written) : 0;
    while (first < count && left >= bufs[first].len) left -= bufs[first++].len;
    if (first < count) {
      bufs[first].base += left;
      bufs[first].len -= left;
    }
  }
  bytes_written_ += total;
  if (first == count) return 0;

  auto* wrap = new WriteWrap(realm(), req_obj, std::move(storage));
  int err = send_handle == nullptr
                ? uv_write(wrap->req(), stream_, bufs + first, count - first, OnWrite)
                : uv_write2(wrap->req(), stream_, bufs + first, count - first, send_handle,
                            OnWrite);
  if (err < 0) {
    delete wrap;
    return err;
  }
  state[StreamBaseState::kLastWriteWasAsync] = 1;
  return 0;
}

void LibuvStreamWrap::OnWrite(uv_write_t* req, int status) {
  auto* wrap = ReqWrap<uv_write_t>::FromReq<WriteWrap>(req);
  auto* stream = static_cast<HandleWrap*>(req->handle->data);
  v8::Isolate* isolate = wrap->realm()->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, status), stream->object(),
                                  v8::Undefined(isolate)};
  wrap->CallOnComplete(3, argv);
  delete wrap;
}

void LibuvStreamWrap::OnShutdown(uv_shutdown_t* req, int status) {
  auto* wrap = ShutdownWrap::FromReq(req);
  auto* stream = static_cast<HandleWrap*>(req->handle->data);
  v8::Isolate* isolate = wrap->realm()->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, status), stream->object(),
                                  v8::Undefined(isolate)};
  wrap->CallOnComplete(3, argv);
  delete wrap;
}

void LibuvStreamWrap::ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
  int err = uv_read_start(wrap->stream_, OnAlloc, OnRead);
  if (err == UV_EALREADY) err = 0;
  args.GetReturnValue().Set(err);
}

void LibuvStreamWrap::ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(uv_read_stop(wrap->stream_));
}

// shutdown(req): 0 or a negative uv error.
void LibuvStreamWrap::Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
  CHECK(args[0]->IsObject());
  auto* req = new ShutdownWrap(wrap->realm(), args[0].As<v8::Object>());
  int err = uv_shutdown(req->req(), wrap->stream_, OnShutdown);
  if (err < 0) delete req;
  args.GetReturnValue().Set(err);
}

// writeBuffer(req, view)
void LibuvStreamWrap::WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  CHECK(args[0]->IsObject() && args[1]->IsArrayBufferView());
  v8::Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  // Lifetime: the view's memory is kept alive by req.buffer (set by stdlib).
  uv_buf_t buf = uv_buf_init(
      static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset(),
      static_cast<unsigned int>(view->ByteLength()));
  bool ok = true;
  uv_stream_t* send_handle = SendHandleArg(args, 2, &ok);
  if (!ok) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(
      wrap->DoWrite(args[0].As<v8::Object>(), &buf, 1, nullptr, send_handle));
}

uv_stream_t* LibuvStreamWrap::SendHandleArg(const v8::FunctionCallbackInfo<v8::Value>& args,
                                            int index, bool* ok) {
  *ok = true;
  if (args.Length() <= index || !args[index]->IsObject()) return nullptr;
  // Stdlib passes only TCP, Pipe and UDP handles (libuv sends a UDP handle's descriptor
  // through the same uv_stream_t* parameter, as Node does).
  auto* handle = Unwrap<HandleWrap>(args[index].As<v8::Object>());
  if (handle == nullptr || !handle->IsAlive()) {
    *ok = false;
    return nullptr;
  }
  return reinterpret_cast<uv_stream_t*>(handle->uv_handle());
}

namespace {

// True for the encodings whose bytes are a string's one-byte units ('latin1', 'binary',
// 'ascii'); stdlib passes only those and 'utf8' with strings.
bool IsOneByteEncoding(v8::Isolate* isolate, v8::Local<v8::Value> encoding) {
  if (!encoding->IsString()) return false;
  v8::Local<v8::String> name = encoding.As<v8::String>();
  int length = name->Length();
  if (length != 5 && length != 6) return false;
  char text[7] = {};
  name->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(text), 0, length,
                     v8::String::NO_NULL_TERMINATION);
  return strcmp(text, "latin1") == 0 || strcmp(text, "binary") == 0 ||
         strcmp(text, "ascii") == 0;
}

}  // namespace

// writev(req, chunks, allBuffers): chunks is an array of views when allBuffers is true
// (or absent), else [chunk0, encoding0, chunk1, encoding1, ...] where a chunk is a view
// or a string to encode as 'utf8' or 'latin1' (Node's layout). String bytes go into one
// heap block that the write owns until it completes.
void LibuvStreamWrap::Writev(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  CHECK(args[0]->IsObject() && args[1]->IsArray());
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Array> chunks = args[1].As<v8::Array>();
  bool all_buffers = args.Length() < 3 || args[2]->IsTrue();
  uint32_t stride = all_buffers ? 1 : 2;
  size_t count = chunks->Length() / stride;
  std::vector<uv_buf_t> bufs(count);
  // One pass over the array (each Get is a slow API call): views are placed at once,
  // strings are measured and placed after the storage for all of them is allocated.
  struct PendingString {
    size_t index;
    v8::Local<v8::String> str;
    bool one_byte;
  };
  std::vector<PendingString> strings;
  size_t storage_size = 0;
  for (size_t i = 0; i < count; i++) {
    v8::Local<v8::Value> chunk;
    if (!chunks->Get(context, static_cast<uint32_t>(stride * i)).ToLocal(&chunk)) return;
    if (chunk->IsArrayBufferView()) {
      v8::Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
      // Lifetime: kept alive by req.chunks (set by stdlib).
      bufs[i] = uv_buf_init(static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset(),
                            static_cast<unsigned int>(view->ByteLength()));
      continue;
    }
    CHECK(!all_buffers && chunk->IsString());
    v8::Local<v8::Value> encoding;
    if (!chunks->Get(context, static_cast<uint32_t>(2 * i + 1)).ToLocal(&encoding)) return;
    v8::Local<v8::String> str = chunk.As<v8::String>();
    bool one_byte = IsOneByteEncoding(isolate, encoding);
    storage_size += one_byte ? str->Length() : str->Utf8Length(isolate);
    strings.push_back({i, str, one_byte});
  }
  std::unique_ptr<char[]> storage;
  if (storage_size > 0) storage.reset(new char[storage_size]);
  size_t offset = 0;
  for (const PendingString& pending : strings) {
    char* data = storage.get() + offset;
    size_t written;
    if (pending.one_byte) {
      written = static_cast<size_t>(pending.str->WriteOneByte(
          isolate, reinterpret_cast<uint8_t*>(data), 0, -1, v8::String::NO_NULL_TERMINATION));
    } else {
      written = static_cast<size_t>(pending.str->WriteUtf8(
          isolate, data, static_cast<int>(storage_size - offset), nullptr,
          v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
    }
    bufs[pending.index] = uv_buf_init(data, static_cast<unsigned int>(written));
    offset += written;
  }
  args.GetReturnValue().Set(
      wrap->DoWrite(args[0].As<v8::Object>(), bufs.data(), bufs.size(), std::move(storage)));
}

// write<Encoding>String(req, string): UTF-8, Latin-1 (also 'ascii') or UTF-16LE bytes.
template <LibuvStreamWrap::Encoding kEncoding>
void LibuvStreamWrap::WriteString(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr) return args.GetReturnValue().Set(UV_EBADF);
  CHECK(args[0]->IsObject() && args[1]->IsString());
  bool ok = true;
  uv_stream_t* send_handle = SendHandleArg(args, 2, &ok);
  if (!ok) return args.GetReturnValue().Set(UV_EBADF);
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::String> str = args[1].As<v8::String>();
  constexpr int kUtf8Flags = v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8;
  char stack[kStackStringBytes];
  std::unique_ptr<char[]> heap;
  char* data = stack;
  size_t length;
  // A string short enough to fit the stack buffer in the worst case (3 bytes per UTF-16
  // unit) is encoded at once, without a separate pass to measure it.
  bool encoded = false;
  if constexpr (kEncoding == Encoding::kUtf8) {
    if (static_cast<size_t>(str->Length()) * 3 <= sizeof(stack)) {
      length = static_cast<size_t>(
          str->WriteUtf8(isolate, stack, static_cast<int>(sizeof(stack)), nullptr, kUtf8Flags));
      encoded = true;
    } else {
      length = str->Utf8Length(isolate);
    }
  } else if constexpr (kEncoding == Encoding::kLatin1) {
    length = str->Length();
  } else {
    length = str->Length() * 2;
  }
  if (length > sizeof(stack)) {
    heap.reset(new char[length]);
    data = heap.get();
  }
  if (encoded) {
    // Already in the stack buffer.
  } else if constexpr (kEncoding == Encoding::kUtf8) {
    str->WriteUtf8(isolate, data, static_cast<int>(length), nullptr, kUtf8Flags);
  } else if constexpr (kEncoding == Encoding::kLatin1) {
    str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(data), 0, -1,
                      v8::String::NO_NULL_TERMINATION);
  } else {
    std::vector<uint16_t> units(str->Length());
    str->Write(isolate, units.data(), 0, -1, v8::String::NO_NULL_TERMINATION);
    memcpy(data, units.data(), length);  // Little-endian hosts only, as Node's 'ucs2'.
  }
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned int>(length));
  if (heap == nullptr && send_handle == nullptr && wrap->IsAlive() &&
      uv_stream_get_write_queue_size(wrap->stream_) == 0) {
    // Try the stack copy first; what is left must move to the heap before uv_write.
    int written = uv_try_write(wrap->stream_, &buf, 1);
    if (written >= 0 || written == UV_EAGAIN || written == UV_ENOSYS) {
      size_t done = written > 0 ? static_cast<size_t>(written) : 0;
      if (done < length) {
        heap.reset(new char[length - done]);
        memcpy(heap.get(), data + done, length - done);
        buf = uv_buf_init(heap.get(), static_cast<unsigned int>(length - done));
      }
      double* state = wrap->realm()->binding_state<StreamBaseState>()->fields();
      if (done == length) {
        wrap->bytes_written_ += length;
        state[StreamBaseState::kBytesWritten] = static_cast<double>(length);
        state[StreamBaseState::kLastWriteWasAsync] = 0;
        return args.GetReturnValue().Set(0);
      }
      int err = wrap->DoWrite(args[0].As<v8::Object>(), &buf, 1, std::move(heap));
      wrap->bytes_written_ += done;
      state[StreamBaseState::kBytesWritten] = static_cast<double>(length);
      return args.GetReturnValue().Set(err);
    }
    return args.GetReturnValue().Set(written);
  }
  if (heap == nullptr) {
    heap.reset(new char[length]);
    memcpy(heap.get(), data, length);
    buf = uv_buf_init(heap.get(), static_cast<unsigned int>(length));
  }
  args.GetReturnValue().Set(
      wrap->DoWrite(args[0].As<v8::Object>(), &buf, 1, std::move(heap), send_handle));
}

void LibuvStreamWrap::WriteUtf8String(const v8::FunctionCallbackInfo<v8::Value>& args) {
  WriteString<Encoding::kUtf8>(args);
}

// setBlocking(bool): used for stdio pipes, which Node writes synchronously.
void LibuvStreamWrap::SetBlocking(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  if (wrap == nullptr || !wrap->IsAlive()) return args.GetReturnValue().Set(UV_EBADF);
  args.GetReturnValue().Set(uv_stream_set_blocking(wrap->stream_, args[0]->IsTrue()));
}

void LibuvStreamWrap::GetBytesRead(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  args.GetReturnValue().Set(static_cast<double>(wrap == nullptr ? 0 : wrap->bytes_read_));
}

void LibuvStreamWrap::GetBytesWritten(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  args.GetReturnValue().Set(static_cast<double>(wrap == nullptr ? 0 : wrap->bytes_written_));
}

void LibuvStreamWrap::GetFd(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  uv_os_fd_t fd = -1;
  if (wrap == nullptr || !wrap->IsAlive() ||
      uv_fileno(reinterpret_cast<uv_handle_t*>(wrap->stream_), &fd) != 0) {
    fd = -1;
  }
  args.GetReturnValue().Set(fd);
}

void LibuvStreamWrap::GetWriteQueueSize(const v8::FunctionCallbackInfo<v8::Value>& args) {
  LibuvStreamWrap* wrap = UnwrapStream(args);
  size_t size = wrap == nullptr || !wrap->IsAlive()
                    ? 0
                    : uv_stream_get_write_queue_size(wrap->stream_);
  args.GetReturnValue().Set(static_cast<double>(size));
}

void LibuvStreamWrap::AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ) {
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  auto method = [&](const char* name, v8::FunctionCallback callback) {
    proto->Set(isolate, name, v8::FunctionTemplate::New(isolate, callback));
  };
  method("readStart", ReadStart);
  method("readStop", ReadStop);
  method("shutdown", Shutdown);
  method("writeBuffer", WriteBuffer);
  method("writev", Writev);
  method("writeUtf8String", WriteUtf8String);
  method("writeLatin1String", WriteString<Encoding::kLatin1>);
  method("writeAsciiString", WriteString<Encoding::kLatin1>);
  method("writeUcs2String", WriteString<Encoding::kUcs2>);
  method("setBlocking", SetBlocking);
  auto getter = [&](const char* name, v8::FunctionCallback callback) {
    proto->SetAccessorProperty(OneByteString(isolate, name),
                               v8::FunctionTemplate::New(isolate, callback));
  };
  getter("bytesRead", GetBytesRead);
  getter("bytesWritten", GetBytesWritten);
  getter("fd", GetFd);
  getter("writeQueueSize", GetWriteQueueSize);
  proto->Set(isolate, "isStreamBase", v8::True(isolate));
}

}  // namespace skua
