#include "pm/cli/fetch_packages.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/registry/tarball_stream.h"

namespace skua::pm::cli {

struct EarlyFetches::Job {
  size_t index = 0;
  fetch::ExtractOptions options;
  registry::TarballStream stream;
  Status download;
  std::optional<Result<store::StoreEntry>> inserted;
  // EarlyFetches only.
  bool download_done = false;  // The client's thread.
  bool complete = false;       // Inserted or failed; guarded by EarlyFetches::mutex_.
  bool used = false;           // Taken by FetchPackages.
  std::string integrity;       // As planned (the on_inserted argument).
};

namespace {

using Job = EarlyFetches::Job;

// Store lookups are index parsing over cached files: CPU work, so one thread per core.
size_t LookupThreads() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4); }

// Extractor threads: mostly waiting for bytes, so more than the cores.
size_t ExtractThreads() {
  unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  return std::max(4u, cores * 2);
}

Result<fetch::ExpectedIntegrity> ExpectedFor(const PlanEntry& p) {
  if (p.integrity.empty()) return fetch::ExpectedIntegrity{};
  Result<fetch::ExpectedIntegrity> parsed = fetch::ParseIntegrity(p.integrity);
  if (!parsed.ok()) {
    return InvalidArgument("EINTEGRITY: invalid integrity for " + p.spec() + ": " +
                           parsed.status().message());
  }
  return parsed;
}

// The first failure in plan order, preferring integrity errors (they explain the rest).
Status JobFailure(const Job& job) {
  if (job.inserted && !job.inserted->ok() && fetch::IsIntegrityError(job.inserted->status())) {
    return job.inserted->status();
  }
  if (!job.download.ok()) {
    return Status(job.download.code(),
                  job.download.message() + "\n(while fetching " + job.options.package + ")");
  }
  if (job.inserted && !job.inserted->ok()) return job.inserted->status();
  return Status::Ok();
}

// Starts `job`'s download into its stream.
void StartDownload(Job* j, const PlanEntry& p, registry::RegistryClient& client) {
  registry::HttpClient::TransferId id =
      client.FetchTarball(p.tarball, p.name, &j->stream, [j](Status status) {
        j->download = status;
        j->download_done = true;
        j->stream.Finish(status);
      });
  if (id != 0) j->stream.Bind(&client.http(), id);
}

}  // namespace

EarlyFetches::EarlyFetches(store::Store& store, registry::RegistryClient& client)
    : store_(store), client_(client) {}

EarlyFetches::~EarlyFetches() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    closing_ = true;
  }
  // Downloads the client will never finish: their extractors stop, nothing is inserted.
  for (auto& job : jobs_) {
    if (!job->download_done) job->stream.Finish(IoError("EABORTED: the install stopped before this download finished"));
  }
  changed_.notify_all();
  for (std::thread& t : workers_) t.join();
}

void EarlyFetches::Start(const PlanEntry& p) {
  if (p.integrity.empty() || p.tarball.empty()) return;
  if (client_.network().cache_mode == config::CacheMode::kOffline) return;
  std::string key = Key(p);
  if (by_key_.count(key) || InStore(p.integrity)) return;
  Result<fetch::ExpectedIntegrity> expected = ExpectedFor(p);
  if (!expected.ok() || expected->empty()) return;  // FetchPackages reports it.
  auto job = std::make_unique<Job>();
  job->options.package = p.spec();
  job->options.integrity = std::move(expected).value();
  job->integrity = p.integrity;
  StartDownload(job.get(), p, client_);
  by_key_.emplace(std::move(key), job.get());
  {
    std::lock_guard<std::mutex> lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  changed_.notify_one();
  // One extractor while resolution goes on: it keeps the other core for the resolver's
  // threads (more extractors here slowed the large fixture's resolve by 0.7 s), and
  // small installs, whose resolution mostly waits on the network, overlap the two.
  if (workers_.empty()) workers_.emplace_back([this] { Work(); });
}

bool EarlyFetches::InStore(const std::string& integrity) {
  if (in_store_.count(integrity)) return true;
  Result<fetch::ExpectedIntegrity> expected = fetch::ParseIntegrity(integrity);
  // Only whether it is there: reading the entry's index here would cost the resolver's
  // thread (1-2 ms on a warm install of the medium fixture).
  if (!expected.ok() || expected->empty() || !store_.HasIndex(*expected)) return false;
  in_store_.insert(integrity);
  return true;
}

void EarlyFetches::Extract() {
  while (workers_.size() < std::min(ExtractThreads(), jobs_.size())) {
    workers_.emplace_back([this] { Work(); });
  }
}

// Takes jobs in the order their downloads were queued (the client admits them in that
// order), so a worker never waits on a transfer that cannot start.
void EarlyFetches::Work() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (true) {
    changed_.wait(lock, [this] { return closing_ || next_ < jobs_.size(); });
    // Closing: FetchPackages has taken what it needed, the rest is not worth extracting.
    if (closing_ || next_ >= jobs_.size()) return;
    Job& job = *jobs_[next_++];
    lock.unlock();
    Result<store::StoreEntry> inserted = store_.Insert(job.stream, job.options);
    job.stream.Cancel();
    if (inserted.ok() && on_inserted_) on_inserted_(job.integrity);
    lock.lock();
    job.inserted.emplace(std::move(inserted));
    job.complete = true;
    changed_.notify_all();
  }
}

void EarlyFetches::Wait(const Job& job) {
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock, [&job] { return job.complete; });
}

uint64_t EarlyFetches::bytes_received() const {
  uint64_t n = 0;
  for (const auto& job : jobs_) n += job->stream.bytes_received();
  return n;
}

size_t EarlyFetches::unused() const {
  size_t n = 0;
  for (const auto& job : jobs_) n += job->used ? 0 : 1;
  return n;
}

Result<std::vector<std::optional<store::StoreEntry>>> FetchPackages(
    const std::vector<PlanEntry>& packages, const std::vector<bool>& needed,
    store::Store& store, registry::RegistryClient& client, const FetchProgress& progress,
    FetchStats* stats, EarlyFetches* early) {
  std::vector<std::optional<store::StoreEntry>> entries(packages.size());
  std::vector<std::unique_ptr<Job>> jobs;
  size_t total = 0;
  for (size_t i = 0; i < packages.size(); ++i) {
    if (packages[i].is_link() || !needed[i]) continue;
    ++total;
  }
  std::atomic<size_t> done{0};
  std::vector<fetch::ExpectedIntegrity> expected(packages.size());
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
    if (p.is_link() || !needed[i]) continue;
    Result<fetch::ExpectedIntegrity> parsed = ExpectedFor(p);
    if (!parsed.ok()) return parsed.status();
    expected[i] = std::move(parsed).value();
  }
  // Packages resolution already found in the store or started downloading. Every early
  // download is extracted from now on, so none stays paused in the client (its next Run()
  // would wait for it forever).
  if (early != nullptr) early->Extract();
  std::vector<Job*> adopted(packages.size(), nullptr);
  if (early != nullptr) {
    for (size_t i = 0; i < packages.size(); ++i) {
      const PlanEntry& p = packages[i];
      if (p.is_link() || !needed[i] || expected[i].empty()) continue;
      std::string key = EarlyFetches::Key(p);
      if (auto job = early->by_key_.find(key); job != early->by_key_.end()) {
        adopted[i] = job->second;
        job->second->used = true;
      }
    }
  }
  // A store hit costs one read of its index, spread over a few threads. The files are
  // not checked here: a damaged entry makes linking fail, and reify has it fetched again
  // (ReifyOptions::refetch).
  {
    auto wanted = [&](size_t i) {
      return !packages[i].is_link() && needed[i] && !expected[i].empty() && adopted[i] == nullptr;
    };
    std::atomic<size_t> next{0};
    auto look = [&] {
      for (size_t i; (i = next.fetch_add(1)) < packages.size();) {
        if (wanted(i)) entries[i] = store.Lookup(expected[i]);
      }
    };
    // Helpers only when there are lookups to share (none after a warm install's early
    // links).
    size_t lookups = 0;
    for (size_t i = 0; i < packages.size(); ++i) lookups += wanted(i) ? 1 : 0;
    std::vector<std::thread> pool;
    for (size_t w = 1; w < LookupThreads() && w < lookups; ++w) pool.emplace_back(look);
    look();
    for (std::thread& t : pool) t.join();
  }
  for (size_t i = 0; i < packages.size(); ++i) {
    const PlanEntry& p = packages[i];
    if (p.is_link() || !needed[i]) continue;
    if (entries[i]) {
      ++stats->from_store;
      if (progress) progress(++done, total);
      continue;
    }
    if (adopted[i] != nullptr) continue;
    auto job = std::make_unique<Job>();
    job->index = i;
    job->options.package = p.spec();
    job->options.integrity = std::move(expected[i]);
    jobs.push_back(std::move(job));
  }
  bool any_adopted = std::any_of(adopted.begin(), adopted.end(), [](Job* j) { return j != nullptr; });
  if (jobs.empty() && !any_adopted) return entries;

  // Start every download; the client admits them in order (after the early ones), so
  // extractors taking jobs in the same order never wait on a transfer that cannot start.
  for (auto& job : jobs) StartDownload(job.get(), packages[job->index], client);
  std::atomic<size_t> next{0};
  std::atomic<bool> failed{false};
  auto work = [&] {
    for (size_t k; (k = next.fetch_add(1)) < jobs.size();) {
      Job& job = *jobs[k];
      if (failed.load()) {
        job.stream.Cancel();
        continue;
      }
      job.inserted.emplace(store.Insert(job.stream, job.options));
      job.stream.Cancel();
      if (!job.inserted->ok()) failed.store(true);
      if (progress) progress(++done, total);
    }
  };
  size_t workers = std::min<size_t>(jobs.size(), ExtractThreads());
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) pool.emplace_back(work);
  Status run = client.Run();
  for (std::thread& t : pool) t.join();
  if (!run.ok()) return run;
  // Every download has ended; the early ones' extractors finish on their own threads.
  std::vector<std::pair<size_t, Job*>> all;  // In plan order.
  for (size_t i = 0; i < packages.size(); ++i) {
    if (adopted[i] == nullptr) continue;
    early->Wait(*adopted[i]);
    if (progress) progress(++done, total);
    all.emplace_back(i, adopted[i]);
  }
  for (auto& job : jobs) all.emplace_back(job->index, job.get());
  std::sort(all.begin(), all.end());
  for (const auto& [i, job] : all) {
    if (Status failure = JobFailure(*job); !failure.ok()) return failure;
  }
  std::set<const Job*> counted;  // Two locations may share an early download.
  for (const auto& [i, job] : all) {
    if (counted.insert(job).second) stats->bytes += job->stream.bytes_received();
    ++stats->downloaded;
    if (job == adopted[i]) ++stats->early;
    entries[i] = job->inserted->value();
  }
  return entries;
}

}  // namespace skua::pm::cli
