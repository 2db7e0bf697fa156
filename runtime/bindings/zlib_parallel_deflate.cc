// ParallelDeflate (zlib_parallel_deflate.h) and the helper threads that deflate its
// blocks.
#include "runtime/bindings/zlib_parallel_deflate.h"

#include <libdeflate.h>
#include <uv.h>

#include <algorithm>
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <thread>

#include "base/check.h"

namespace skua::zlib {

namespace internal {

// One block of input and, once a helper has run it, its raw deflate output.
struct DeflateJob {
  // The dictionary (the up to 32 KiB of input before the block), then the block.
  std::vector<uint8_t> input;
  size_t dict_size = 0;
  int level = 6;
  bool last = false;  // Ends the deflate stream (Z_FINISH) instead of a sync flush.
  // Written by the thread that runs the job before `done` is set; read by the owner
  // only after it has seen `done`.
  std::unique_ptr<uint8_t[]> output;
  size_t output_size = 0;
  bool ok = false;
  bool done = false;  // Guarded by HelperPool's mutex once the job is submitted.
};

}  // namespace internal

namespace {

using internal::DeflateJob;

// Blocks are deflated without a dictionary (libdeflate has none), so each restarts its
// matching: 1 MiB keeps that loss near 0.3% on text (256 KiB: 1.4%) while 100 MB still
// makes 100 blocks to share out.
constexpr size_t kBlockSize = 1024 * 1024;
constexpr size_t kWindowSize = 32 * 1024;
constexpr unsigned kMaxThreads = 8;
// The bytes of an empty stored block after its three header bits: LEN 0, NLEN 0xffff.
constexpr uint8_t kStoredEmpty[4] = {0x00, 0x00, 0xff, 0xff};

// A thread's reusable codec state: libdeflate compressors per level, and zlib's raw
// deflate (the fallback) and raw inflate (the block finder), made on first use.
struct Codecs {
  libdeflate_compressor* compressors[10] = {};
  z_stream deflater{};
  int deflater_level = -1;  // -1: not initialized.
  z_stream inflater{};
  bool inflater_ready = false;
  std::unique_ptr<uint8_t[]> scratch;  // kBlockSize + 1 bytes once made.

  ~Codecs() {
    for (libdeflate_compressor* c : compressors) {
      if (c != nullptr) libdeflate_free_compressor(c);
    }
    if (deflater_level >= 0) deflateEnd(&deflater);
    if (inflater_ready) inflateEnd(&inflater);
  }
};

// Walks the raw deflate stream `data` with zlib's inflate, which stops at each block
// boundary under Z_BLOCK and reports the bit position there: gives the bit where the
// final block's header starts and the bit where the stream ends, and checks on the way
// that the stream inflates back to exactly `in`.
bool FindFinalBlock(Codecs& codecs, const uint8_t* data, size_t size, const uint8_t* in,
                    size_t in_size, uint64_t* final_start, uint64_t* end) {
  z_stream& strm = codecs.inflater;
  if (!codecs.inflater_ready) {
    if (inflateInit2(&strm, -MAX_WBITS) != Z_OK) return false;
    codecs.inflater_ready = true;
  } else if (inflateReset(&strm) != Z_OK) {
    return false;
  }
  if (!codecs.scratch) codecs.scratch.reset(new uint8_t[kBlockSize + 1]);
  strm.next_in = const_cast<Bytef*>(data);
  strm.avail_in = static_cast<uInt>(size);
  strm.next_out = codecs.scratch.get();
  strm.avail_out = static_cast<uInt>(in_size + 1);  // Room to notice a longer result.
  *final_start = 0;
  for (;;) {
    // data_type: unused bits of the last byte read (0-7), +64 in (or right after) the
    // final block, +128 when stopped at a block boundary.
    if (inflate(&strm, Z_BLOCK) != Z_OK || (strm.data_type & 128) == 0) return false;
    uint64_t bit = static_cast<uint64_t>(size - strm.avail_in) * 8 - (strm.data_type & 7);
    if ((strm.data_type & 64) != 0) {
      *end = bit;
      break;
    }
    *final_start = bit;
  }
  return strm.total_out == in_size && memcmp(codecs.scratch.get(), in, in_size) == 0;
}

// Differs from Node 20: a stream longer than one block is made of libdeflate's blocks,
// not zlib's bytes (valid deflate data at the requested level; stdlib/README.md says why).
// libdeflate is several times faster than zlib 1.2.13 here. It always ends its output
// with a final block; a block that is not the stream's last gets that block's BFINAL
// bit cleared and an empty stored block appended after it (what a sync flush writes),
// so the next block's bytes can follow.
bool RunLibdeflate(DeflateJob& job, Codecs& codecs) {
  CHECK(job.level >= 0 && job.level <= 9);
  libdeflate_compressor*& compressor = codecs.compressors[job.level];
  if (compressor == nullptr) compressor = libdeflate_alloc_compressor(job.level);
  if (compressor == nullptr) return false;
  const uint8_t* in = job.input.data() + job.dict_size;
  size_t in_size = job.input.size() - job.dict_size;
  size_t bound = libdeflate_deflate_compress_bound(compressor, in_size);
  // Room for the stored block: at most one more byte for its header bits, and 4.
  std::unique_ptr<uint8_t[]> out(new uint8_t[bound + 8]);
  size_t size = libdeflate_deflate_compress(compressor, in, in_size, out.get(), bound);
  if (size == 0) return false;
  if (!job.last) {
    uint64_t final_start;
    uint64_t end;
    if (!FindFinalBlock(codecs, out.get(), size, in, in_size, &final_start, &end)) {
      return false;
    }
    out[final_start / 8] &= static_cast<uint8_t>(~(1u << (final_start % 8)));
    // The stored block's three zero header bits go at `end`, then zero padding.
    size_t end_byte = end / 8;
    size_t aligned = (end + 3 + 7) / 8;
    out[end_byte] &= static_cast<uint8_t>((1u << (end % 8)) - 1);
    for (size_t i = end_byte + 1; i < aligned; i++) out[i] = 0;
    memcpy(out.get() + aligned, kStoredEmpty, sizeof(kStoredEmpty));
    size = aligned + sizeof(kStoredEmpty);
  }
  job.output = std::move(out);
  job.output_size = size;
  return true;
}

// zlib with the 32 KiB before the block as its dictionary and a sync flush: the path
// when libdeflate's output cannot be used (never seen; kept so a surprise costs speed,
// not correctness).
bool RunZlib(DeflateJob& job, Codecs& codecs) {
  z_stream& strm = codecs.deflater;
  if (codecs.deflater_level != job.level) {
    if (codecs.deflater_level >= 0) deflateEnd(&strm);
    strm = {};
    codecs.deflater_level = -1;
    if (deflateInit2(&strm, job.level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
        Z_OK) {
      return false;
    }
    codecs.deflater_level = job.level;
  } else if (deflateReset(&strm) != Z_OK) {
    return false;
  }
  if (job.dict_size != 0 &&
      deflateSetDictionary(&strm, job.input.data(), static_cast<uInt>(job.dict_size)) !=
          Z_OK) {
    return false;
  }
  size_t in_size = job.input.size() - job.dict_size;
  // deflateBound() covers Z_FINISH; a sync flush adds at most a few bytes more, and the
  // loop below grows the buffer if that was not enough.
  size_t capacity = deflateBound(&strm, static_cast<uLong>(in_size)) + 16;
  std::unique_ptr<uint8_t[]> out(new uint8_t[capacity]);
  strm.next_in = job.input.data() + job.dict_size;
  strm.avail_in = static_cast<uInt>(in_size);
  int flush = job.last ? Z_FINISH : Z_SYNC_FLUSH;
  size_t size = 0;
  for (;;) {
    strm.next_out = out.get() + size;
    strm.avail_out = static_cast<uInt>(capacity - size);
    int err = deflate(&strm, flush);
    size = capacity - strm.avail_out;
    if (err == Z_STREAM_ERROR) return false;
    bool complete = job.last ? err == Z_STREAM_END
                             : strm.avail_in == 0 && strm.avail_out != 0;
    if (complete) break;
    std::unique_ptr<uint8_t[]> bigger(new uint8_t[capacity * 2]);
    memcpy(bigger.get(), out.get(), size);
    out = std::move(bigger);
    capacity *= 2;
  }
  job.output = std::move(out);
  job.output_size = size;
  return true;
}

// Deflates `job` on whichever thread runs it. A stream that fits in one block (the
// last one with no dictionary) gets zlib's bytes, exactly what a serial zlib stream
// makes: small streams (HTTP bodies) keep zlib's output and gain nothing from blocks.
void RunJob(DeflateJob& job, Codecs& codecs) {
  bool whole_stream = job.last && job.dict_size == 0;
  job.ok = (!whole_stream && RunLibdeflate(job, codecs)) || RunZlib(job, codecs);
}

// The helper threads: as many as the machine has CPUs (up to kMaxThreads), started on
// first use and never stopped (they sleep while there is no work).
class HelperPool {
 public:
  static HelperPool& Get() {
    // Lifetime: leaked on purpose, so helper threads never wait on a destroyed mutex
    // while the process exits.
    static HelperPool* pool = new HelperPool();
    return *pool;
  }

  unsigned threads() const { return threads_; }

  void Submit(std::shared_ptr<DeflateJob> job) {
    {
      std::lock_guard<std::mutex> lock(mu_);
      jobs_.push_back(std::move(job));
      for (; started_ < threads_; started_++) std::thread([this] { Run(); }).detach();
    }
    work_cv_.notify_one();
  }

  bool IsDone(const DeflateJob& job) {
    std::lock_guard<std::mutex> lock(mu_);
    return job.done;
  }

  void Wait(const DeflateJob& job) {
    std::unique_lock<std::mutex> lock(mu_);
    done_cv_.wait(lock, [&job] { return job.done; });
  }

 private:
  HelperPool()
      : threads_(std::min(static_cast<unsigned>(uv_available_parallelism()), kMaxThreads)) {}

  void Run() {
    Codecs codecs;
    std::unique_lock<std::mutex> lock(mu_);
    for (;;) {
      work_cv_.wait(lock, [this] { return !jobs_.empty(); });
      std::shared_ptr<DeflateJob> job = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      RunJob(*job, codecs);
      lock.lock();
      job->done = true;
      done_cv_.notify_all();
      // An abandoned job (its stream was reset or freed) is freed here, outside the lock.
      lock.unlock();
      job.reset();
      lock.lock();
    }
  }

  const unsigned threads_;
  unsigned started_ = 0;
  std::mutex mu_;
  std::condition_variable work_cv_;
  std::condition_variable done_cv_;
  std::deque<std::shared_ptr<DeflateJob>> jobs_;
};

// The last block of a stream whose other blocks are all out is deflated on the
// owner's thread: a small stream then never waits for a helper.
thread_local Codecs owner_codecs;

// Blocks queued per stream before it waits for the oldest: enough to keep every helper
// busy while the owner copies output, and a bound on the memory a stream holds.
size_t MaxQueue() { return static_cast<size_t>(HelperPool::Get().threads()) + 1; }

}  // namespace

bool ParallelDeflate::Eligible(int window_bits, int level, int mem_level, int strategy,
                               bool has_dictionary) {
  return window_bits == MAX_WBITS && mem_level == 8 && strategy == Z_DEFAULT_STRATEGY &&
         !has_dictionary && (level == Z_DEFAULT_COMPRESSION || (level >= 1 && level <= 9)) &&
         HelperPool::Get().threads() >= 2;
}

ParallelDeflate::ParallelDeflate(Wrapper wrapper, int level)
    : wrapper_(wrapper), level_(level < 0 ? 6 : level), check_(wrapper == Wrapper::kZlib) {}

ParallelDeflate::~ParallelDeflate() {
  if (serial_init_) deflateEnd(&serial_);
}

const char* ParallelDeflate::msg() const { return msg_; }

void ParallelDeflate::UpdateCheck(const uint8_t* data, size_t size) {
  if (size == 0) return;
  total_in_ += size;
  if (wrapper_ == Wrapper::kGzip) {
    check_ = libdeflate_crc32(check_, data, size);
  } else if (wrapper_ == Wrapper::kZlib) {
    check_ = libdeflate_adler32(check_, data, size);
  }
}

// zlib's own header bytes for these settings (deflate.c): no name, time or extra field in
// gzip; OS 3 (Unix); the level hint in both formats.
void ParallelDeflate::WriteHeader() {
  header_written_ = true;
  bool fastest = strategy_ >= Z_HUFFMAN_ONLY || level_ < 2;
  if (wrapper_ == Wrapper::kGzip) {
    char xfl = level_ == 9 ? 2 : fastest ? 4 : 0;
    const char header[10] = {0x1f, static_cast<char>(0x8b), Z_DEFLATED, 0, 0, 0, 0, 0,
                             xfl, 3};
    pending_.append(header, sizeof(header));
  } else if (wrapper_ == Wrapper::kZlib) {
    unsigned level_flags = fastest ? 0 : level_ < 6 ? 1 : level_ == 6 ? 2 : 3;
    unsigned header = ((Z_DEFLATED + ((MAX_WBITS - 8) << 4)) << 8) | (level_flags << 6);
    header += 31 - header % 31;
    pending_.push_back(static_cast<char>(header >> 8));
    pending_.push_back(static_cast<char>(header & 0xff));
  }
}

void ParallelDeflate::WriteTrailer() {
  trailer_written_ = true;
  auto put = [this](uint32_t value, bool big_endian) {
    for (int i = 0; i < 4; i++) {
      int shift = big_endian ? 24 - 8 * i : 8 * i;
      pending_.push_back(static_cast<char>((value >> shift) & 0xff));
    }
  };
  if (wrapper_ == Wrapper::kGzip) {
    put(check_, false);
    put(static_cast<uint32_t>(total_in_), false);  // ISIZE is the size modulo 2^32.
  } else if (wrapper_ == Wrapper::kZlib) {
    put(check_, true);
  }
}

void ParallelDeflate::StartBlock() {
  current_ = std::make_shared<DeflateJob>();
  current_->input.reserve(window_.size() + kBlockSize);
  current_->input.assign(window_.begin(), window_.end());
  current_->dict_size = window_.size();
  current_->level = level_;
}

void ParallelDeflate::SubmitBlock(bool last) {
  std::shared_ptr<DeflateJob> job = std::move(current_);
  current_.reset();
  job->last = last;
  size_t tail = std::min(job->input.size(), kWindowSize);
  window_.assign(job->input.end() - tail, job->input.end());
  if (last && queue_.empty()) {
    RunJob(*job, owner_codecs);
    job->done = true;  // Never shared with a helper.
  } else {
    HelperPool::Get().Submit(job);
  }
  queue_.push_back(std::move(job));
}

bool ParallelDeflate::Drain(uint8_t** next_out, size_t* avail_out, bool wait) {
  size_t n = std::min(pending_.size() - pending_pos_, *avail_out);
  memcpy(*next_out, pending_.data() + pending_pos_, n);
  *next_out += n;
  *avail_out -= n;
  pending_pos_ += n;
  if (pending_pos_ < pending_.size()) return true;
  pending_.clear();
  pending_pos_ = 0;
  HelperPool& pool = HelperPool::Get();
  while (!queue_.empty() && *avail_out != 0) {
    DeflateJob& job = *queue_.front();
    if (!pool.IsDone(job)) {
      if (!wait) return true;
      pool.Wait(job);
    }
    if (!job.ok) {
      msg_ = "insufficient memory";
      return false;
    }
    n = std::min(job.output_size - front_pos_, *avail_out);
    memcpy(*next_out, job.output.get() + front_pos_, n);
    *next_out += n;
    *avail_out -= n;
    front_pos_ += n;
    if (front_pos_ == job.output_size) {
      queue_.pop_front();
      front_pos_ = 0;
    }
  }
  return true;
}

bool ParallelDeflate::StartSerial() {
  if (pending_level_ >= 0) {
    level_ = pending_level_;
    strategy_ = pending_strategy_;
    pending_level_ = -1;
  }
  current_.reset();
  mode_ = Mode::kSerial;
  int err = deflateInit2(&serial_, level_, Z_DEFLATED, -MAX_WBITS, 8, strategy_);
  if (err == Z_OK) {
    serial_init_ = true;
    if (!window_.empty()) {
      err = deflateSetDictionary(&serial_, window_.data(), static_cast<uInt>(window_.size()));
    }
  }
  msg_ = serial_.msg;
  return err == Z_OK;
}

// As zlib after Z_FINISH: only more Z_FINISH calls without input are accepted (Z_OK).
int ParallelDeflate::RefuseAfterFinish(int flush, size_t avail_in) {
  if (flush != Z_FINISH) {
    msg_ = "stream error";
    return Z_STREAM_ERROR;
  }
  if (avail_in != 0) {
    msg_ = "buffer error";
    return Z_BUF_ERROR;
  }
  return Z_OK;
}

int ParallelDeflate::Deflate(const uint8_t** next_in, size_t* avail_in, uint8_t** next_out,
                             size_t* avail_out, int flush) {
  if (!header_written_) WriteHeader();
  if (mode_ == Mode::kBlocks && finishing_) {
    if (int refused = RefuseAfterFinish(flush, *avail_in); refused != Z_OK) return refused;
  } else if (mode_ == Mode::kBlocks &&
             ((flush != Z_NO_FLUSH && flush != Z_FINISH) || pending_level_ >= 0)) {
    // Leave block mode: the flush (or new parameters) applies to a serial stream that
    // continues after the queued blocks.
    if (current_ && current_->input.size() > current_->dict_size) SubmitBlock(false);
    mode_ = Mode::kDraining;
  }
  if (mode_ == Mode::kDraining) {
    if (!Drain(next_out, avail_out, /*wait=*/true)) return Z_MEM_ERROR;
    if (!queue_.empty() || pending_pos_ < pending_.size()) return Z_OK;  // Output full.
    if (!StartSerial()) return Z_STREAM_ERROR;
  }
  if (mode_ == Mode::kSerial) return SerialDeflate(next_in, avail_in, next_out, avail_out, flush);

  if (!finishing_) {
    HelperPool& pool = HelperPool::Get();
    for (;;) {
      if (!Drain(next_out, avail_out, /*wait=*/false)) return Z_MEM_ERROR;
      if (*avail_out == 0 || *avail_in == 0) break;
      if (queue_.size() >= MaxQueue()) {
        pool.Wait(*queue_.front());
        continue;
      }
      if (!current_) StartBlock();
      size_t room = current_->dict_size + kBlockSize - current_->input.size();
      size_t n = std::min(room, *avail_in);
      current_->input.insert(current_->input.end(), *next_in, *next_in + n);
      UpdateCheck(*next_in, n);
      *next_in += n;
      *avail_in -= n;
      if (n == room) SubmitBlock(false);
    }
    if (flush != Z_FINISH || *avail_in != 0) return Z_OK;
    if (!current_) StartBlock();
    SubmitBlock(true);
    finishing_ = true;
  }
  // Finishing: everything queued comes out, then the trailer.
  if (!Drain(next_out, avail_out, /*wait=*/true)) return Z_MEM_ERROR;
  if (!queue_.empty()) return Z_OK;  // Output full.
  if (!trailer_written_) {
    WriteTrailer();
    Drain(next_out, avail_out, /*wait=*/false);
  }
  return pending_pos_ < pending_.size() ? Z_OK : Z_STREAM_END;
}

int ParallelDeflate::SerialDeflate(const uint8_t** next_in, size_t* avail_in,
                                   uint8_t** next_out, size_t* avail_out, int flush) {
  // Wrapper bytes still owed (the header, or the end of the trailer) come first.
  Drain(next_out, avail_out, /*wait=*/false);
  if (pending_pos_ < pending_.size()) return Z_OK;
  if (trailer_written_) {
    if (int refused = RefuseAfterFinish(flush, *avail_in); refused != Z_OK) return refused;
    return Z_STREAM_END;
  }
  serial_.next_in = const_cast<Bytef*>(*next_in);
  serial_.avail_in = static_cast<uInt>(*avail_in);
  serial_.next_out = *next_out;
  serial_.avail_out = static_cast<uInt>(*avail_out);
  int err = deflate(&serial_, flush);
  UpdateCheck(*next_in, *avail_in - serial_.avail_in);
  *next_in = serial_.next_in;
  *avail_in = serial_.avail_in;
  *next_out = serial_.next_out;
  *avail_out = serial_.avail_out;
  msg_ = serial_.msg;
  if (err != Z_STREAM_END) return err;
  WriteTrailer();
  Drain(next_out, avail_out, /*wait=*/false);
  return pending_pos_ < pending_.size() ? Z_OK : Z_STREAM_END;
}

int ParallelDeflate::Params(int level, int strategy) {
  if (level == Z_DEFAULT_COMPRESSION) level = 6;  // As deflateParams() reads it.
  if (mode_ == Mode::kBlocks && !finishing_ && queue_.empty() && total_in_ == 0) {
    // Nothing written yet: go serial at once, as if the stream had started that way.
    level_ = level;
    strategy_ = strategy;
    return StartSerial() ? Z_OK : Z_STREAM_ERROR;
  }
  if (mode_ != Mode::kSerial) {
    pending_level_ = level;
    pending_strategy_ = strategy;
    return Z_OK;
  }
  // No output room: with input still buffered zlib answers Z_BUF_ERROR and keeps the old
  // parameters (stdlib flushes before params(), so there is none).
  static uint8_t no_room;
  serial_.next_in = nullptr;
  serial_.avail_in = 0;
  serial_.next_out = &no_room;
  serial_.avail_out = 0;
  int err = deflateParams(&serial_, level, strategy);
  if (err == Z_OK) {
    level_ = level;
    strategy_ = strategy;
  }
  msg_ = serial_.msg;
  return err;
}

void ParallelDeflate::Reset() {
  queue_.clear();  // A helper still running one frees it when done.
  front_pos_ = 0;
  current_.reset();
  window_.clear();
  pending_.clear();
  pending_pos_ = 0;
  header_written_ = false;
  finishing_ = false;
  trailer_written_ = false;
  check_ = wrapper_ == Wrapper::kZlib;
  total_in_ = 0;
  msg_ = nullptr;
  if (pending_level_ >= 0) {
    level_ = pending_level_;
    strategy_ = pending_strategy_;
    pending_level_ = -1;
  }
  if (serial_init_) {
    // zlib keeps the parameters across deflateReset(), and so does the serial stream.
    deflateReset(&serial_);
    mode_ = Mode::kSerial;
  } else if (mode_ != Mode::kBlocks || strategy_ != Z_DEFAULT_STRATEGY) {
    StartSerial();
  }
}

}  // namespace skua::zlib
