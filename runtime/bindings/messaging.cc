// `messaging`: MessagePort, MessageChannel, BroadcastChannel and receiveMessageOnPort for
// worker_threads (stdlib/internal/worker/io.js completes the classes in JS).
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

// isMessagePort(value)
void IsMessagePort(const v8::FunctionCallbackInfo<v8::Value>& args) {
  Realm* realm = Realm::From(args.GetIsolate());
  (void)MessagePort::GetConstructor(realm);
  args.GetReturnValue().Set(MessagePort::FromObject(realm, args[0]) != nullptr);
}

}  // namespace

void Initialize(BindingTarget& target) {
  v8::Local<v8::Function> constructor;
  if (MessagePort::GetConstructor(target.realm).ToLocal(&constructor)) {
    target.Value("MessagePort", constructor);
  }
  target.Method("createChannel", CreateChannel);
  target.Method("receiveMessageOnPort", ReceiveMessageOnPort);
  target.Method("broadcastChannel", BroadcastChannel);
  target.Method("isMessagePort", IsMessagePort);
}

}  // namespace skua::messaging

SKUA_BINDING(messaging, Initialize)
