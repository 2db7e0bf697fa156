// `messaging`: MessagePort, MessageChannel, BroadcastChannel and receiveMessageOnPort for
// worker_threads (stdlib/internal/worker/io.js completes the classes in JS).
#include "base/check.h"
#include "runtime/bindings/contextify_context.h"
#include "runtime/bindings/message.h"
#include "runtime/bindings/message_port.h"
#include "runtime/core/binding.h"
#include "runtime/core/realm.h"

namespace skua::messaging {

namespace {

// createChannel(): [port1, port2], entangled.
void CreateChannel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  auto a = std::make_shared<PortData>();
  auto b = std::make_shared<PortData>();
  PortData::Entangle(a, b);
  v8::Local<v8::Object> port1;
  v8::Local<v8::Object> port2;
  if (!MessagePort::New(realm, a).ToLocal(&port1) ||
      !MessagePort::New(realm, b).ToLocal(&port2)) {
    return;
  }
  v8::Local<v8::Value> ports[] = {port1, port2};
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), ports, 2));
}

// receiveMessageOnPort(port): [message], or undefined when none is queued.
void ReceiveMessageOnPort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  MessagePort* port = MessagePort::FromObject(realm, args[0]);
  if (port == nullptr) return;
  bool none;
  v8::Local<v8::Value> value;
  if (!ReceiveOne(port, &none).ToLocal(&value)) return;
  args.GetReturnValue().Set(v8::Array::New(args.GetIsolate(), &value, 1));
}

// broadcastChannel(name): a port that receives what other members of `name` post.
void BroadcastChannel(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  std::string name = ToUtf8(args.GetIsolate(), args[0]);
  v8::Local<v8::Object> port;
  if (MessagePort::New(realm, PortData::JoinGroup(name)).ToLocal(&port)) {
    args.GetReturnValue().Set(port);
  }
}

// structuredClone(value, transferList): the clone, with the listed ArrayBuffers and
// MessagePorts transferred (detached here) rather than copied.
void StructuredClone(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  Message message;
  bool ok;
  if (!message.Serialize(realm, args[0], args[1], nullptr).To(&ok)) return;
  v8::Local<v8::Value> value;
  if (message.Deserialize(realm).ToLocal(&value)) args.GetReturnValue().Set(value);
}

// isMessagePort(value): true for a MessagePort, open or closed.
void IsMessagePort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  args.GetReturnValue().Set(MessagePort::IsInstance(realm, args[0]));
}

// isPortOpen(port): false once close() was called or the port was transferred.
void IsPortOpen(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  args.GetReturnValue().Set(MessagePort::FromObject(realm, args[0]) != nullptr);
}

// setPortHooks(onInit, emitMessage): see message_port.h.
void SetPortHooks(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsFunction() && args[1]->IsFunction());
  MessagePort::SetHooks(Realm::From(args.GetIsolate()), args[0].As<v8::Function>(),
                        args[1].As<v8::Function>());
}

// stopMessagePort(port): queue messages until start() (or drainMessagePort).
void StopMessagePort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  MessagePort* port = MessagePort::FromObject(Realm::From(args.GetIsolate()), args[0]);
  if (port != nullptr) port->Stop();
}

// closeMessagePort(port): close the port and its channel ('close' follows).
void CloseMessagePort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  MessagePort* port = MessagePort::FromObject(Realm::From(args.GetIsolate()), args[0]);
  if (port != nullptr) port->CloseChannel();
}

// drainMessagePort(port): deliver every queued message now, started or not.
void DrainMessagePort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  MessagePort* port = MessagePort::FromObject(Realm::From(args.GetIsolate()), args[0]);
  if (port != nullptr) port->Deliver(true);
}

// setCloneHooks(clone, deserialize): see GetCloneableConstructor in message.h.
void SetCloneHooksMethod(const v8::FunctionCallbackInfo<v8::Value>& args) {
  CHECK(args[0]->IsFunction() && args[1]->IsFunction());
  SetCloneHooks(Realm::From(args.GetIsolate()), args[0].As<v8::Function>(),
                args[1].As<v8::Function>());
}

// moveMessagePortToContext(port, contextifiedSandbox): a new port object in the sandbox's
// vm context taking over `port`'s channel end (`port` closes, as after a transfer).
void MoveMessagePortToContext(const v8::FunctionCallbackInfo<v8::Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Realm* realm = Realm::From(isolate);
  MessagePort* port = MessagePort::FromObject(realm, args[0]);
  if (port == nullptr) {
    ThrowError(isolate, "ERR_INVALID_ARG_TYPE",
               "The \"port\" argument must be a MessagePort instance", true);
    return;
  }
  v8::Local<v8::Context> context;
  if (!args[1]->IsObject() ||
      !contextify::ContextifyContext::FromSandbox(isolate, args[1].As<v8::Object>())
           .ToLocal(&context)) {
    ThrowError(isolate, "ERR_INVALID_ARG_TYPE", "Invalid context argument", true);
    return;
  }
  v8::Local<v8::Object> moved;
  if (MessagePort::NewInContext(realm, port->Detach(), context).ToLocal(&moved)) {
    args.GetReturnValue().Set(moved);
  }
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Local<v8::Function> constructor;
  if (MessagePort::GetConstructor(target.realm).ToLocal(&constructor)) {
    target.Value("MessagePort", constructor);
  }
  v8::Local<v8::Function> cloneable;
  if (GetCloneableConstructor(target.realm).ToLocal(&cloneable)) {
    target.Value("Cloneable", cloneable);
  }
  target.Method("setCloneHooks", SetCloneHooksMethod);
  target.Method("createChannel", CreateChannel);
  target.Method("receiveMessageOnPort", ReceiveMessageOnPort);
  target.Method("broadcastChannel", BroadcastChannel);
  target.Method("isMessagePort", IsMessagePort);
  target.Method("structuredClone", StructuredClone);
  target.Method("isPortOpen", IsPortOpen);
  target.Method("setPortHooks", SetPortHooks);
  target.Method("stopMessagePort", StopMessagePort);
  target.Method("closeMessagePort", CloseMessagePort);
  target.Method("drainMessagePort", DrainMessagePort);
  target.Method("moveMessagePortToContext", MoveMessagePortToContext);
}

}  // namespace skua::messaging

SKUA_BINDING(messaging, Initialize)
