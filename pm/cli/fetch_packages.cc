#include "pm/cli/fetch_packages.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>

#include "pm/fetch/digest.h"
#include "pm/fetch/extract.h"
#include "pm/registry/tarball_stream.h"

namespace skua::pm::cli {

namespace {

// Store lookups are index parsing over cached files: CPU work, so one thread per core.
size_t LookupThreads() { return std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 4); }

struct Job {
  size_t index = 0;
  fetch::ExtractOptions options;
  registry::TarballStream stream;
  Status download;
  std::optional<Result<store::StoreEntry>> inserted;
};

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

}  // namespace

Result<std::vector<std::optional<store::StoreEntry>>> FetchPackages(
    const std::vector<PlanEntry>& packages, const std::vector<bool>& needed,
    store::Store& store, registry::RegistryClient& client, const FetchProgress& progress,
    FetchStats* stats) {
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
  // A store hit costs one read of its index, spread over a few threads. The files are
  // not checked here: a damaged entry makes linking fail, and reify has it fetched again
  // (ReifyOptions::refetch).
  {
    std::atomic<size_t> next{0};
    auto look = [&] {
      for (size_t i; (i = next.fetch_add(1)) < packages.size();) {
        if (packages[i].is_link() || !needed[i] || expected[i].empty()) continue;
        entries[i] = store.Lookup(expected[i]);
      }
    };
    std::vector<std::thread> pool;
    for (size_t w = 1; w < LookupThreads() && w < packages.size(); ++w) pool.emplace_back(look);
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
    auto job = std::make_unique<Job>();
    job->index = i;
    job->options.package = p.spec();
    job->options.integrity = std::move(expected[i]);
    jobs.push_back(std::move(job));
  }
  if (jobs.empty()) return entries;

  // Start every download; the client admits them in order, so extractors taking jobs in
  // the same order never wait on a transfer that cannot start.
  for (auto& job : jobs) {
    Job* j = job.get();
    const PlanEntry& p = packages[j->index];
    registry::HttpClient::TransferId id =
        client.FetchTarball(p.tarball, p.name, &j->stream, [j](Status status) {
          j->download = status;
          j->stream.Finish(status);
        });
    if (id != 0) j->stream.Bind(&client.http(), id);
  }
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
  unsigned cores = std::max(2u, std::thread::hardware_concurrency());
  size_t workers = std::min<size_t>(jobs.size(), std::max(4u, cores * 2));
  std::vector<std::thread> pool;
  for (size_t w = 0; w < workers; ++w) pool.emplace_back(work);
  Status run = client.Run();
  for (std::thread& t : pool) t.join();
  if (!run.ok()) return run;
  for (const auto& job : jobs) {
    if (Status failure = JobFailure(*job); !failure.ok()) return failure;
  }
  for (auto& job : jobs) {
    stats->bytes += job->stream.bytes_received();
    ++stats->downloaded;
    entries[job->index] = std::move(*job->inserted).value();
  }
  return entries;
}

}  // namespace skua::pm::cli
