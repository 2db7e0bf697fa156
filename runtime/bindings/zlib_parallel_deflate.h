// ParallelDeflate: the compressor behind createDeflate/createGzip/createDeflateRaw
// streams with default-like options. It cuts the input into 1 MiB blocks and deflates
// them with libdeflate on helper threads at once (pigz's scheme: every block but the
// last ends with a sync-flush marker, so the pieces join into one deflate stream), and
// writes the zlib or gzip wrapper itself, with libdeflate's checksums.
// stdlib/README.md (zlib) has the design and how the bytes differ from zlib's.
//
// Rules:
// - One owner (a ZlibStream) calls Deflate(), Params() and Reset() from one thread at a
//   time (the loop thread, or the libuv pool thread running the stream's write).
// - Blocks are deflated on a process-wide set of helper threads, not on libuv's pool: a
//   pool thread waiting for other pool work could wait forever. A helper touches only
//   the Job it runs; the owner and the helper share it through a shared_ptr, so dropping
//   the ParallelDeflate with blocks in flight is safe (the helper finishes and frees).
// - Block mode lasts while every write uses Z_NO_FLUSH (and the last Z_FINISH) and
//   params() is not called. Any other flush, or params(), first drains the queued blocks
//   and then continues the same deflate stream serially on one raw z_stream primed with
//   the last 32 KiB of input: output from then on is what zlib itself makes.
#ifndef SKUA_RUNTIME_BINDINGS_ZLIB_PARALLEL_DEFLATE_H_
#define SKUA_RUNTIME_BINDINGS_ZLIB_PARALLEL_DEFLATE_H_

#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <vector>

namespace skua::zlib {

namespace internal {
struct DeflateJob;
}  // namespace internal

class ParallelDeflate {
 public:
  enum class Wrapper { kRaw, kZlib, kGzip };

  // Whether a stream with these zlib settings may use ParallelDeflate: zlib's default
  // window, memory level and strategy, no dictionary, a compressing level, and a machine
  // with more than one CPU.
  static bool Eligible(int window_bits, int level, int mem_level, int strategy,
                       bool has_dictionary);

  ParallelDeflate(Wrapper wrapper, int level);
  ~ParallelDeflate();
  ParallelDeflate(const ParallelDeflate&) = delete;
  ParallelDeflate& operator=(const ParallelDeflate&) = delete;

  // One step with zlib's deflate() contract: takes input, fills output, and returns
  // Z_OK, Z_STREAM_END (all output given after Z_FINISH), Z_BUF_ERROR (no progress
  // possible) or a zlib error. With Z_FINISH it returns only once the output is full or
  // the stream has ended.
  int Deflate(const uint8_t** next_in, size_t* avail_in, uint8_t** next_out,
              size_t* avail_out, int flush);
  // deflateParams(): leaves block mode (at once if nothing was written yet, else at the
  // next Deflate(), after the queued blocks).
  int Params(int level, int strategy);
  // deflateReset(): a new stream with the current level and strategy.
  void Reset();
  // zlib's message for the last error, or nullptr.
  const char* msg() const;

 private:
  enum class Mode { kBlocks, kDraining, kSerial };

  void StartBlock();
  void SubmitBlock(bool last);
  // Copies pending wrapper bytes, then finished blocks in order, to the output; waits
  // for unfinished blocks only when `wait`. False when a block failed.
  bool Drain(uint8_t** next_out, size_t* avail_out, bool wait);
  // Z_OK, or the error zlib gives a call after Z_FINISH that is not one more Z_FINISH
  // without input.
  int RefuseAfterFinish(int flush, size_t avail_in);
  bool StartSerial();
  int SerialDeflate(const uint8_t** next_in, size_t* avail_in, uint8_t** next_out,
                    size_t* avail_out, int flush);
  void UpdateCheck(const uint8_t* data, size_t size);
  void WriteHeader();
  void WriteTrailer();

  const Wrapper wrapper_;
  int level_;
  int strategy_ = Z_DEFAULT_STRATEGY;
  Mode mode_ = Mode::kBlocks;
  bool header_written_ = false;
  bool finishing_ = false;  // The last block (or serial Z_FINISH) is done or queued.
  bool trailer_written_ = false;
  // Params() to apply once block mode has drained; -1 when none.
  int pending_level_ = -1;
  int pending_strategy_ = Z_DEFAULT_STRATEGY;
  uint32_t check_;  // CRC-32 (gzip) or Adler-32 (zlib) of the input so far.
  uint64_t total_in_ = 0;
  // Wrapper bytes (header, trailer) not yet copied out.
  std::string pending_;
  size_t pending_pos_ = 0;
  // The block being filled, and the queue of submitted blocks in stream order.
  std::shared_ptr<internal::DeflateJob> current_;
  std::deque<std::shared_ptr<internal::DeflateJob>> queue_;
  size_t front_pos_ = 0;  // Bytes of queue_.front()'s output already copied out.
  std::vector<uint8_t> window_;  // The last (up to) 32 KiB of input.
  z_stream serial_{};
  bool serial_init_ = false;
  const char* msg_ = nullptr;
};

}  // namespace skua::zlib

#endif  // SKUA_RUNTIME_BINDINGS_ZLIB_PARALLEL_DEFLATE_H_
