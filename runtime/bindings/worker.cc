// `worker`: the Worker class (parent side of a worker thread) and, inside a worker, the
// facts its entry point needs (thread id, startup data, ports to the parent).
#include "runtime/bindings/worker.h"

#include <atomic>
#include <unordered_set>

#include "base/check.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::worker {

namespace {

std::atomic<int> next_thread_id{1};
thread_local Worker* current_worker = nullptr;

// The workers a realm started and that have not been joined yet.
class WorkerState : public BindingState {
 public:
  explicit WorkerState(Realm* realm) {}
  std::unordered_set<Worker*> workers;
};

v8::Local<v8::Float64Array> LimitsArray(v8::Isolate* isolate, const double* limits) {
  v8::Local<v8::ArrayBuffer> buffer =
      v8::ArrayBuffer::New(isolate, kResourceLimitCount * sizeof(double));
  auto* data = static_cast<double*>(buffer->GetBackingStore()->Data());
  for (int i = 0; i < kResourceLimitCount; i++) data[i] = limits[i];
  return v8::Float64Array::New(buffer, 0, kResourceLimitCount);
}

}  // namespace

Worker::Worker(Realm* realm, v8::Local<v8::Object> object,
               std::unique_ptr<messaging::Message> startup, CliOptions options,
               std::string argv0, const double* limits)
    : HandleWrap(realm, object, reinterpret_cast<uv_handle_t*>(&exit_async_)),
      parent_realm_(realm),
      thread_id_(next_thread_id++),
      options_(std::move(options)),
      argv0_(std::move(argv0)),
      startup_(std::move(startup)) {
  for (int i = 0; i < kResourceLimitCount; i++) resource_limits_[i] = limits[i];
  uv_async_init(realm->loop(), &exit_async_, OnThreadExit);
  parent_public_port = std::make_shared<messaging::PortData>();
  parent_internal_port = std::make_shared<messaging::PortData>();
  child_public_port_ = std::make_shared<messaging::PortData>();
  child_internal_port_ = std::make_shared<messaging::PortData>();
  messaging::PortData::Entangle(parent_public_port, child_public_port_);
  messaging::PortData::Entangle(parent_internal_port, child_internal_port_);
  realm->binding_state<WorkerState>()->workers.insert(this);
}

Worker::~Worker() {
  CHECK(!thread_.joinable());
  parent_realm_->binding_state<WorkerState>()->workers.erase(this);
}

Worker* Worker::Current() { return current_worker; }

void Worker::Terminate() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_requested_ = true;
  if (worker_realm_ != nullptr) {
    // Stopped while JS may run: exit code 1. A worker stopped before that ends with 0,
    // as in Node.
    if (!exit_code_set_) {
      exit_code_set_ = true;
      exit_code_ = 1;
    }
    worker_realm_->RequestTermination();
    uv_async_send(stop_async_);
  }
}

void Worker::TerminateAndJoin() {
  Terminate();
  if (thread_.joinable()) thread_.join();
  joined_ = true;
}

void Worker::ExitFromInside(int code) {
  Realm* realm;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!exit_code_set_) {
      exit_code_set_ = true;
      exit_code_ = code;
    }
    realm = worker_realm_;
  }
  if (realm != nullptr) {
    realm->RequestTermination();
    uv_stop(realm->loop());
  }
}

void Worker::OnThreadExit(uv_async_t* handle) {
  auto* worker = static_cast<Worker*>(handle->data);
  if (worker->thread_.joinable()) worker->thread_.join();
  worker->joined_ = true;
  Realm* realm = worker->realm();
  v8::Isolate* isolate = realm->isolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = realm->context();
  v8::Local<v8::Object> object = worker->object();
  int code;
  const char* error_code;
  {
    std::lock_guard<std::mutex> lock(worker->mutex_);
    code = worker->exit_code_;
    error_code = worker->error_code_;
  }
  // The handle closes after onexit, so that 'exit' listeners still see it as Node's do
  // (hasRef() as before); after the close callback hasRef() is undefined.
  v8::Local<v8::Value> onexit;
  if (object->Get(context, OneByteString(isolate, "onexit")).ToLocal(&onexit) &&
      onexit->IsFunction()) {
    v8::Local<v8::Value> args[] = {
        v8::Integer::New(isolate, code),
        error_code == nullptr ? v8::Undefined(isolate).As<v8::Value>()
                              : OneByteString(isolate, error_code).As<v8::Value>()};
    (void)realm->MakeCallback(onexit.As<v8::Function>(), object, 2, args);
  }
  worker->Close();
}

// new Worker(startup, transferList, execArgv, resourceLimits, argv0): the startup value
// (entry, workerData, env, argv ...) is cloned into the worker with the transfer list.
void Worker::JsNew(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Realm* realm = Realm::From(isolate);
  v8::Local<v8::Context> context = realm->context();
  auto startup = std::make_unique<messaging::Message>();
  bool ok;
  if (!startup->Serialize(realm, args[0], args[1], nullptr).To(&ok)) return;
  CliOptions options = realm->options();
  options.eval_source.reset();
  options.print_eval_result = false;
  options.script.clear();
  options.script_args.clear();
  options.preload.clear();
  if (args[2]->IsArray()) options.exec_argv = FromStringArray(context, args[2]);
  double limits[kResourceLimitCount] = {-1, -1, -1, -1};
  if (args[3]->IsFloat64Array()) {
    v8::Local<v8::Float64Array> array = args[3].As<v8::Float64Array>();
    if (array->Length() == kResourceLimitCount) {
      array->CopyContents(limits, sizeof(limits));
    }
  }
  auto* worker = new Worker(realm, args.This(), std::move(startup), std::move(options),
                            ToUtf8(isolate, args[4]), limits);
  v8::Local<v8::Object> public_port;
  v8::Local<v8::Object> internal_port;
  if (!messaging::MessagePort::New(realm, worker->parent_public_port).ToLocal(&public_port) ||
      !messaging::MessagePort::New(realm, worker->parent_internal_port)
           .ToLocal(&internal_port)) {
    return;
  }
  SetValue(context, args.This(), "messagePort", public_port);
  SetValue(context, args.This(), "internalPort", internal_port);
  SetValue(context, args.This(), "threadId", v8::Integer::New(isolate, worker->thread_id_));
}

void Worker::JsStartThread(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr || worker->thread_.joinable() || worker->joined_) return;
  worker->thread_ = std::thread([worker] {
    current_worker = worker;
    worker->Run();
  });
}

void Worker::JsStopThread(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* worker = Unwrap<Worker>(args.This());
  if (worker != nullptr) worker->Terminate();
}

// getResourceLimits(): the limits the worker's heap was created with (Float64Array).
void Worker::JsGetResourceLimits(const v8::FunctionCallbackInfo<v8::Value>& args) {
  auto* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr) return;
  std::lock_guard<std::mutex> lock(worker->mutex_);
  args.GetReturnValue().Set(LimitsArray(args.GetIsolate(), worker->resource_limits_));
}

void StopWorkersOf(Realm* realm) {
  std::unordered_set<Worker*> workers = realm->binding_state<WorkerState>()->workers;
  for (Worker* worker : workers) worker->TerminateAndJoin();
}

namespace {

// Inside a worker: getStartupData() — the cloned startup value, once.
void GetStartupData(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Worker* worker = Worker::Current();
  if (worker == nullptr) return;
  std::unique_ptr<messaging::Message> startup = worker->TakeStartupData();
  if (startup == nullptr) return;
  v8::Local<v8::Value> value;
  if (startup->Deserialize(Realm::From(args.GetIsolate())).ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

// Inside a worker: getParentPorts() — [public port, internal port], once.
void GetParentPorts(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Worker* worker = Worker::Current();
  if (worker == nullptr) return;
  Realm* realm = Realm::From(args.GetIsolate());
  std::shared_ptr<messaging::PortData> public_data = worker->TakePort(false);
  std::shared_ptr<messaging::PortData> internal_data = worker->TakePort(true);
  if (public_data == nullptr || internal_data == nullptr) return;
  v8::Local<v8::Object> ports[2];
  if (!messaging::MessagePort::New(realm, public_data).ToLocal(&ports[0]) ||
      !messaging::MessagePort::New(realm, internal_data).ToLocal(&ports[1])) {
    return;
  }
  v8::Local<v8::Value> values[] = {ports[0], ports[1]};
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), values, 2));
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Isolate* isolate = target.isolate;
  v8::Local<v8::FunctionTemplate> templ = v8::FunctionTemplate::New(isolate, Worker::JsNew);
  templ->SetClassName(OneByteString(isolate, "Worker"));
  templ->InstanceTemplate()->SetInternalFieldCount(BaseObject::kInternalFieldCount);
  HandleWrap::AddMethods(isolate, templ);
  v8::Local<v8::ObjectTemplate> proto = templ->PrototypeTemplate();
  proto->Set(isolate, "startThread", v8::FunctionTemplate::New(isolate, Worker::JsStartThread));
  proto->Set(isolate, "stopThread", v8::FunctionTemplate::New(isolate, Worker::JsStopThread));
  proto->Set(isolate, "getResourceLimits",
             v8::FunctionTemplate::New(isolate, Worker::JsGetResourceLimits));
  v8::Local<v8::Function> constructor;
  if (templ->GetFunction(target.context).ToLocal(&constructor)) {
    target.Value("Worker", constructor);
  }
  Worker* current = Worker::Current();
  target.Value("isMainThread", v8::Boolean::New(isolate, current == nullptr));
  target.Value("threadId", v8::Integer::New(isolate, current == nullptr ? 0 : current->thread_id()));
  double none[kResourceLimitCount] = {-1, -1, -1, -1};
  target.Value("resourceLimits",
               LimitsArray(isolate, current == nullptr ? none : current->resource_limits()));
  target.Method("getStartupData", GetStartupData);
  target.Method("getParentPorts", GetParentPorts);
}

}  // namespace skua::worker

SKUA_BINDING(worker, Initialize)
