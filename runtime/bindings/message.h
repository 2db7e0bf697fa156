// A message between MessagePorts (worker_threads): a value serialized with V8's
// ValueSerializer, plus what travels beside the bytes — backing stores of transferred
// ArrayBuffers, of SharedArrayBuffers (shared, not copied), compiled WebAssembly modules
// (shared, as in Node), transferred ports, and the contents of Cloneables (KeyObject,
// CryptoKey: see GetCloneableConstructor below).
//
// Rules:
// - Serialize() and Deserialize() run on the thread of the realm they are given; the
//   Message itself holds no V8 handles and may be handed to any thread in between.
// - A Message that is destroyed before it was deserialized closes the ports it carried,
//   so their peers see 'close' rather than waiting forever.
#ifndef SKUA_RUNTIME_BINDINGS_MESSAGE_H_
#define SKUA_RUNTIME_BINDINGS_MESSAGE_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "v8.h"
#include "v8-wasm.h"

namespace skua {

class Realm;

namespace messaging {

class PortData;
class MessagePort;

class Message {
 public:
  Message() = default;
  ~Message();
  Message(const Message&) = delete;
  Message& operator=(const Message&) = delete;

  // Serializes `value`. `transfer_list` (an array or undefined) may hold ArrayBuffers and
  // MessagePorts; `source` is the port the message is posted through (it may not be in
  // the list). On failure a JS exception is pending (DataCloneErrors carry
  // code 'ERR_DATA_CLONE') and the result is Nothing.
  v8::Maybe<bool> Serialize(Realm* realm, v8::Local<v8::Value> value,
                            v8::Local<v8::Value> transfer_list, MessagePort* source);

  // Recreates the value in `realm`. Every transferred port becomes a new MessagePort
  // there, whether the value refers to it or not; with `ports` set, they are returned
  // in transfer-list order (MessageEvent#ports). Once only: the transferred contents
  // move into the realm. With `context` (a vm context of the realm) the value and ports
  // are made there instead; a message carrying Cloneables then fails with
  // ERR_MESSAGE_TARGET_CONTEXT_UNAVAILABLE.
  v8::MaybeLocal<v8::Value> Deserialize(Realm* realm, v8::Local<v8::Array>* ports = nullptr,
                                        v8::Local<v8::Context> context = {});

  // A copy of a message without transferred contents (BroadcastChannel fan-out).
  std::unique_ptr<Message> Clone() const;
  bool has_transfers() const { return !array_buffers_.empty() || !ports_.empty(); }
  // Whether `port` (a channel end) travels in this message.
  bool Carries(const PortData* port) const;

 private:
  friend class SerializerDelegate;
  friend class DeserializerDelegate;

  std::vector<uint8_t> data_;
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers_;
  std::vector<std::shared_ptr<v8::BackingStore>> shared_array_buffers_;
  std::vector<v8::CompiledWasmModule> wasm_modules_;
  std::vector<std::shared_ptr<PortData>> ports_;
  // The clone hook's value for each Cloneable in the message, serialized on its own: V8
  // runs no JS while it deserializes, so the objects are rebuilt before the value is read.
  std::vector<std::unique_ptr<Message>> cloneables_;
};

// Cloneable: a native base class for stdlib classes whose instances structured clone
// copies by value (KeyObject, CryptoKey): its instances are host objects for V8's
// serializer. Message::Serialize calls the realm's clone hook on each, which returns a
// plain cloneable value; Deserialize hands that value to the deserialize hook, which
// rebuilds the object. Without hooks the object cannot be cloned (DataCloneError).
v8::MaybeLocal<v8::Function> GetCloneableConstructor(Realm* realm);
void SetCloneHooks(Realm* realm, v8::Local<v8::Function> clone,
                   v8::Local<v8::Function> deserialize);

}  // namespace messaging
}  // namespace skua

#endif  // SKUA_RUNTIME_BINDINGS_MESSAGE_H_
