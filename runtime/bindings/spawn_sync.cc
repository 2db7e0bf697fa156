// `spawn_sync`: child_process.spawnSync and friends. The child runs on a private libuv
// loop that this call spins until the child has exited and its pipes are drained, so the
// caller's loop (and JavaScript) is blocked meanwhile, as in Node.
#include <uv.h>

#include <memory>
#include <string>
#include <vector>

#include "base/signals.h"
#include "runtime/core/binding.h"

namespace skua::spawn_sync {

namespace {

struct StdioPipe;

// One spawnSync call: the child, its pipes, the timer, and what came out.
struct SyncProcess {
  uv_loop_t loop;
  uv_process_t process;
  uv_timer_t timer;
  bool timer_started = false;
  std::vector<std::unique_ptr<StdioPipe>> pipes;
  int64_t exit_status = -1;
  int term_signal = 0;
  bool exited = false;
  int error = 0;  // A negative uv error: ETIMEDOUT, ENOBUFS, or a spawn failure.
  int kill_signal = SIGTERM;
  double max_buffer = 0;  // 0 = unlimited.

  void Kill(int reason) {
    if (error == 0) error = reason;
    if (!exited) uv_process_kill(&process, kill_signal);
  }
};

struct StdioPipe {
  uv_pipe_t handle;
  SyncProcess* owner;
  bool readable;  // The child writes, we read (stdout, stderr).
  std::string output;
  std::string input;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
  char buffer[64 * 1024];
};

void ClosePipe(StdioPipe* pipe) {
  auto* handle = reinterpret_cast<uv_handle_t*>(&pipe->handle);
  if (!uv_is_closing(handle)) uv_close(handle, nullptr);
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* pipe = static_cast<StdioPipe*>(stream->data);
  if (nread > 0) {
    pipe->output.append(buf->base, static_cast<size_t>(nread));
    if (pipe->owner->max_buffer > 0 &&
        static_cast<double>(pipe->output.size()) > pipe->owner->max_buffer) {
      // Like Node, keep what was read (including this chunk) and stop the child.
      pipe->owner->Kill(UV_ENOBUFS);
      ClosePipe(pipe);
    }
  } else if (nread < 0) {
    ClosePipe(pipe);  // EOF or error: the child closed its end.
  }
}

void OnExit(uv_process_t* process, int64_t exit_status, int term_signal) {
  auto* self = static_cast<SyncProcess*>(process->data);
  self->exit_status = exit_status;
  self->term_signal = term_signal;
  self->exited = true;
  if (self->timer_started) uv_timer_stop(&self->timer);
  uv_close(reinterpret_cast<uv_handle_t*>(process), nullptr);
}

std::string StringProperty(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                           const char* name) {
  v8::Local<v8::Value> value;
  if (!object->Get(context, OneByteString(context->GetIsolate(), name)).ToLocal(&value) ||
      !value->IsString()) {
    return "";
  }
  return ToUtf8(context->GetIsolate(), value);
}

double NumberProperty(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                      const char* name) {
  v8::Local<v8::Value> value;
  if (!object->Get(context, OneByteString(context->GetIsolate(), name)).ToLocal(&value) ||
      !value->IsNumber()) {
    return 0;
  }
  return value.As<v8::Number>()->Value();
}

std::vector<char*> CStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// spawn(options) -> { pid, status, signal, output, error }.
void Spawn(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Object> options = args[0].As<v8::Object>();

  std::string file = StringProperty(context, options, "file");
  std::string cwd = StringProperty(context, options, "cwd");
  v8::Local<v8::Value> value;
  std::vector<std::string> argv_strings;
  std::vector<std::string> env_strings;
  bool has_env = false;
  if (options->Get(context, OneByteString(isolate, "args")).ToLocal(&value)) {
    argv_strings = FromStringArray(context, value);
  }
  if (options->Get(context, OneByteString(isolate, "envPairs")).ToLocal(&value) &&
      value->IsArray()) {
    env_strings = FromStringArray(context, value);
    has_env = true;
  }
  std::vector<char*> argv = CStrings(argv_strings);
  std::vector<char*> envp = CStrings(env_strings);

  SyncProcess self;
  uv_loop_init(&self.loop);
  self.max_buffer = NumberProperty(context, options, "maxBuffer");
  int kill_signal = static_cast<int>(NumberProperty(context, options, "killSignal"));
  if (kill_signal > 0) self.kill_signal = kill_signal;

  // stdio: [{ type: 'pipe' | 'inherit' | 'ignore' | 'fd', fd?, input? }, ...].
  std::vector<uv_stdio_container_t> stdio;
  v8::Local<v8::Array> stdio_options;
  if (options->Get(context, OneByteString(isolate, "stdio")).ToLocal(&value) && value->IsArray()) {
    stdio_options = value.As<v8::Array>();
  } else {
    stdio_options = v8::Array::New(isolate);
  }
  for (uint32_t i = 0; i < stdio_options->Length(); i++) {
    v8::Local<v8::Value> entry_value;
    if (!stdio_options->Get(context, i).ToLocal(&entry_value) || !entry_value->IsObject()) return;
    v8::Local<v8::Object> entry = entry_value.As<v8::Object>();
    std::string type = StringProperty(context, entry, "type");
    uv_stdio_container_t container{};
    if (type == "pipe") {
      auto pipe = std::make_unique<StdioPipe>();
      pipe->owner = &self;
      pipe->readable = i != 0;
      uv_pipe_init(&self.loop, &pipe->handle, 0);
      pipe->handle.data = pipe.get();
      v8::Local<v8::Value> input;
      if (entry->Get(context, OneByteString(isolate, "input")).ToLocal(&input) &&
          input->IsArrayBufferView()) {
        v8::Local<v8::ArrayBufferView> view = input.As<v8::ArrayBufferView>();
        pipe->input.resize(view->ByteLength());
        view->CopyContents(pipe->input.data(), pipe->input.size());
      }
      container.flags = static_cast<uv_stdio_flags>(
          UV_CREATE_PIPE | (pipe->readable ? UV_WRITABLE_PIPE : UV_READABLE_PIPE));
      container.data.stream = reinterpret_cast<uv_stream_t*>(&pipe->handle);
      self.pipes.push_back(std::move(pipe));
    } else if (type == "inherit" || type == "fd") {
      container.flags = UV_INHERIT_FD;
      container.data.fd = type == "fd" ? static_cast<int>(NumberProperty(context, entry, "fd"))
                                       : static_cast<int>(i);
    } else {
      container.flags = UV_IGNORE;
    }
    stdio.push_back(container);
  }

  uv_process_options_t process_options{};
  process_options.exit_cb = OnExit;
  process_options.file = file.c_str();
  process_options.args = argv.data();
  process_options.env = has_env ? envp.data() : nullptr;
  process_options.cwd = cwd.empty() ? nullptr : cwd.c_str();
  process_options.stdio = stdio.data();
  process_options.stdio_count = static_cast<int>(stdio.size());
  if (NumberProperty(context, options, "detached") != 0) {
    process_options.flags |= UV_PROCESS_DETACHED;
  }
  v8::Local<v8::Value> id;
  if (options->Get(context, OneByteString(isolate, "uid")).ToLocal(&id) && id->IsInt32()) {
    process_options.flags |= UV_PROCESS_SETUID;
    process_options.uid = static_cast<uv_uid_t>(id.As<v8::Int32>()->Value());
  }
  if (options->Get(context, OneByteString(isolate, "gid")).ToLocal(&id) && id->IsInt32()) {
    process_options.flags |= UV_PROCESS_SETGID;
    process_options.gid = static_cast<uv_gid_t>(id.As<v8::Int32>()->Value());
  }

  self.process.data = &self;
  int err = uv_spawn(&self.loop, &self.process, &process_options);
  if (err != 0) {
    self.error = err;
    uv_close(reinterpret_cast<uv_handle_t*>(&self.process), nullptr);
    for (auto& pipe : self.pipes) ClosePipe(pipe.get());
  } else {
    for (auto& pipe : self.pipes) {
      if (pipe->readable) {
        uv_read_start(
            reinterpret_cast<uv_stream_t*>(&pipe->handle),
            [](uv_handle_t* handle, size_t, uv_buf_t* buf) {
              auto* p = static_cast<StdioPipe*>(handle->data);
              *buf = uv_buf_init(p->buffer, sizeof(p->buffer));
            },
            OnRead);
      } else if (!pipe->input.empty()) {
        uv_buf_t buf = uv_buf_init(pipe->input.data(), static_cast<unsigned>(pipe->input.size()));
        pipe->write_req.data = pipe.get();
        uv_write(&pipe->write_req, reinterpret_cast<uv_stream_t*>(&pipe->handle), &buf, 1,
                 [](uv_write_t* req, int) {
                   auto* p = static_cast<StdioPipe*>(req->data);
                   p->shutdown_req.data = p;
                   int r = uv_shutdown(&p->shutdown_req, req->handle, [](uv_shutdown_t* s, int) {
                     ClosePipe(static_cast<StdioPipe*>(s->data));
                   });
                   if (r != 0) ClosePipe(p);
                 });
      } else {
        ClosePipe(pipe.get());  // No input: the child reads EOF at once.
      }
    }
    double timeout = NumberProperty(context, options, "timeout");
    if (timeout > 0) {
      uv_timer_init(&self.loop, &self.timer);
      self.timer.data = &self;
      uv_timer_start(
          &self.timer,
          [](uv_timer_t* timer) { static_cast<SyncProcess*>(timer->data)->Kill(UV_ETIMEDOUT); },
          static_cast<uint64_t>(timeout), 0);
      self.timer_started = true;
    }
  }
  uv_run(&self.loop, UV_RUN_DEFAULT);
  if (self.timer_started) uv_close(reinterpret_cast<uv_handle_t*>(&self.timer), nullptr);
  uv_run(&self.loop, UV_RUN_DEFAULT);
  uv_loop_close(&self.loop);

  v8::Local<v8::Object> result = v8::Object::New(isolate);
  if (err == 0) {
    SetValue(context, result, "pid", v8::Integer::New(isolate, self.process.pid));
  }
  if (self.error != 0) SetValue(context, result, "error", v8::Integer::New(isolate, self.error));
  if (err == 0) {
    const char* signal_name = self.term_signal != 0 ? SignalName(self.term_signal) : nullptr;
    if (signal_name != nullptr) {
      SetValue(context, result, "signal", OneByteString(isolate, signal_name));
      SetValue(context, result, "status", v8::Null(isolate));
    } else {
      SetValue(context, result, "signal", v8::Null(isolate));
      SetValue(context, result, "status",
               v8::Number::New(isolate, static_cast<double>(self.exit_status)));
    }
    v8::Local<v8::Array> output = v8::Array::New(isolate, static_cast<int>(stdio.size()));
    size_t pipe_index = 0;
    for (uint32_t i = 0; i < stdio.size(); i++) {
      v8::Local<v8::Value> item = v8::Null(isolate);
      if (stdio[i].flags & UV_CREATE_PIPE) {
        StdioPipe* pipe = self.pipes[pipe_index++].get();
        if (pipe->readable) {
          std::shared_ptr<v8::BackingStore> store =
              v8::ArrayBuffer::NewBackingStore(isolate, pipe->output.size());
          std::copy(pipe->output.begin(), pipe->output.end(),
                    static_cast<char*>(store->Data()));
          item = v8::Uint8Array::New(v8::ArrayBuffer::New(isolate, std::move(store)), 0,
                                     pipe->output.size());
        }
      }
      if (output->Set(context, i, item).IsNothing()) return;
    }
    SetValue(context, result, "output", output);
  }
  args.GetReturnValue().Set(result);
}

}  // namespace

void Initialize(BindingTarget& target) { target.Method("spawn", Spawn); }

}  // namespace skua::spawn_sync

SKUA_BINDING(spawn_sync, Initialize)
