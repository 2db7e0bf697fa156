// MessagePort: one end of a MessageChannel (worker_threads), or a BroadcastChannel
// member. The end itself is a PortData, which any thread may post to; the MessagePort is
// the JS-facing HandleWrap that receives for it on one realm's loop (a uv_async_t).
//
// Rules:
// - Every PortData field is guarded by the one process-wide PortsMutex(); critical
//   sections only move messages and pointers (no V8, no JS, no blocking).
// - A PortData's owner pointer is set and cleared on the owner's loop thread (by a
//   transfer, or when the MessagePort is freed). Other threads uv_async_send() only to
//   the owner of an open PortData, while holding the mutex; a port closes its PortData
//   before its handle, so they never wake a closing handle.
// - Closing either end of a channel closes both: each owner is woken, delivers what
//   was queued before the close, then closes its handle and emits 'close'. A port
//   closed from JS is detached at once (it cannot be posted to or transferred), but
//   keeps its PortData until the handle has closed, so that a delivery loop in progress
//   still emits the messages queued before the close (Node's behaviour).
// - moveMessagePortToContext makes a port whose object lives in a vm context (its class
//   instantiated there, no stdlib hooks): it delivers by calling its own `onmessage` /
//   `onmessageerror` with `{ data, ports }`, and deserializes into that context, where
//   Cloneables (KeyObject, FileHandle) cannot be rebuilt: those messages become
//   'messageerror's carrying ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE, as in Node.
// - stdlib registers two hooks per realm (setPortHooks): `onInit` runs on each new port
//   (it makes the object an EventTarget), `emitMessage` delivers each message.
// - Transferring a port (a transfer list) moves its PortData into the Message; the old
//   MessagePort closes silently, the receiver wraps the data in a new MessagePort.
// - Ports are strong (HandleWrap) while open and unref'd until JS refs them (a 'message'
//   listener does); a worker's teardown closes every port of its realm.
#ifndef SKUA_RUNTIME_BINDINGS_MESSAGE_PORT_H_
#define SKUA_RUNTIME_BINDINGS_MESSAGE_PORT_H_

#include <uv.h>

#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "runtime/bindings/message.h"
#include "runtime/core/handle_wrap.h"

namespace skua::messaging {

std::mutex& PortsMutex();

class PortData {
 public:
  PortData() = default;
  ~PortData();

  // Makes `a` and `b` the two ends of one channel.
  static void Entangle(const std::shared_ptr<PortData>& a, const std::shared_ptr<PortData>& b);
  // A new member of the process-wide BroadcastChannel group `name`.
  static std::shared_ptr<PortData> JoinGroup(const std::string& name);

  // Queues `message` for the other end (every other member, for a group) and wakes its
  // owner. Any thread. Dropped when the channel is closed, as in Node.
  void Post(std::unique_ptr<Message> message);
  // Closes the channel (or leaves the group). Any thread; idempotent.
  void Close();
  // Sets or clears (nullptr) the receiving port; owner's loop thread.
  void SetOwner(MessagePort* owner);
  std::unique_ptr<Message> Pop();
  size_t QueuedCount();
  bool IsClosed();
  bool IsPeerOf(const PortData* other);
  std::shared_ptr<PortData> Peer();

 private:
  // PortsMutex() held.
  void PushLocked(std::unique_ptr<Message> message);
  void WakeLocked();
  void CloseLocked();

  std::deque<std::unique_ptr<Message>> queue_;
  std::weak_ptr<PortData> peer_;
  std::string group_;  // BroadcastChannel name; empty for a channel end.
  MessagePort* owner_ = nullptr;
  bool closed_ = false;
};

class MessagePort : public HandleWrap {
 public:
  // The MessagePort class for a realm (its prototype is completed by stdlib).
  static v8::MaybeLocal<v8::Function> GetConstructor(Realm* realm);
  // A new port object in `realm` receiving for `data`.
  static v8::MaybeLocal<v8::Object> New(Realm* realm, std::shared_ptr<PortData> data);
  // A new port object created in `context`, a vm context of `realm` (see the rules).
  static v8::MaybeLocal<v8::Object> NewInContext(Realm* realm, std::shared_ptr<PortData> data,
                                                 v8::Local<v8::Context> context);
  // The port behind `value`, or nullptr when it is not a MessagePort (or, with
  // `alive_only`, when it is closed).
  static MessagePort* FromObject(Realm* realm, v8::Local<v8::Value> value,
                                 bool alive_only = true);
  // Whether `value` is a MessagePort object of `realm`, even a closed one.
  static bool IsInstance(Realm* realm, v8::Local<v8::Value> value);

  // Takes the channel end away for a transfer; this port closes without 'close'.
  std::shared_ptr<PortData> Detach();
  PortData* data() const { return data_.get(); }
  bool IsDetached() const { return data_ == nullptr; }

  // Closes this end and the channel; 'close' is emitted when the handle has closed.
  void CloseChannel();
  // stop(): messages stay queued until start() or drain.
  void Stop() { receiving_ = false; }

  // Delivers up to `limit` queued messages to JS (all queued ones for `drain`), then
  // closes if the channel was closed and nothing is left.
  void Deliver(bool drain);

  // Adds postMessage/start/close/ref/unref/hasRef to the template (Node's prototype;
  // stdlib replaces close with one that closes the channel: closeMessagePort).
  static void AddMethods(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> templ);
  // Sets the realm's onInit and emitMessage hooks.
  static void SetHooks(Realm* realm, v8::Local<v8::Function> on_init,
                       v8::Local<v8::Function> emit_message);

  // Closes every port of `realm` (worker teardown): channels close, so peers see 'close'.
  static void CloseAll(Realm* realm);

  ~MessagePort() override;

 private:
  MessagePort(Realm* realm, v8::Local<v8::Object> object, std::shared_ptr<PortData> data);

  friend class PortData;

  static void JsNew(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsPostMessage(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void JsStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnAsync(uv_async_t* handle);

  // Emits one message (or a 'messageerror') through stdlib's emitter. False when JS
  // could not be entered.
  bool Emit(std::unique_ptr<Message> message);
  // Emit() for a port moved into a vm context.
  bool EmitInContext(std::unique_ptr<Message> message);

  uv_async_t async_;
  std::shared_ptr<PortData> data_;
  bool receiving_ = false;
  v8::Global<v8::Context> context_;  // The vm context of a moved port; else empty.
};

// receiveMessageOnPort's core: the next message deserialized, or empty with `*none` set.
v8::MaybeLocal<v8::Value> ReceiveOne(MessagePort* port, bool* none);

}  // namespace skua::messaging

#endif  // SKUA_RUNTIME_BINDINGS_MESSAGE_PORT_H_
