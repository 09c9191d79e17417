// aci::parallel::parallel_for: the one way the library runs work on several threads (the sweep
// engine, the Sobol' bootstrap, the sampled Shapley value). Tasks 0..count-1 are handed out in
// increasing order to the workers; a task writes only its own results (or its worker's, merged
// afterwards in a fixed order), so what a computation returns never depends on the thread count.
// What every threaded computation needs is here, once:
//   - exception capture: a task that throws stops the others from starting new tasks, every
//     worker is joined, then the exception of the lowest-numbered failing task is rethrown on the
//     calling thread. Tasks are handed out in order, so every task below it ran: the same error
//     for any thread count. No exception ever leaves a worker thread (that would terminate the
//     process), and a thread that cannot be started is reported the same way;
//   - cancellation: a watcher polled from the calling thread stops the run by returning false
//     (Cancelled) or by throwing (that exception);
//   - progress: the watcher is told the units of work done (tasks report them with advance()).
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

namespace aci::parallel {

/// Thrown when a watcher (a progress callback, a keep-going poll) asked a computation to stop.
class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("sweep cancelled") {}
};

/// Told the units done and the total about every Options::interval; false (or throwing) stops the run.
using Watch = std::function<bool(std::uint64_t done, std::uint64_t total)>;

/// How parallel_for runs.
struct Options {
  unsigned threads = 1;     ///< workers, at least 1 (never more than tasks)
  std::uint64_t total = 0;  ///< units of work the watcher is told about (scenarios, resamples)
  /// Polled by the calling thread while the workers run (which then all run on threads of their
  /// own: the caller's thread may hold a context, e.g. Python's signal handling); empty: the
  /// calling thread is worker 0 and nothing can stop the run from outside.
  Watch watch;
  std::chrono::milliseconds interval{50};  ///< how often the watcher is polled
};

/// What a task sees of the run.
class Worker {
 public:
  /// 0..workers-1: the index of per-worker state (worker_count() slots).
  unsigned index() const noexcept { return index_; }
  /// Adds `units` to the progress the watcher sees.
  void advance(std::uint64_t units) const noexcept { done_->fetch_add(units, std::memory_order_relaxed); }
  /// True once the run is stopping (an error or a cancellation): a long task may return early.
  bool stopping() const noexcept { return stop_->load(std::memory_order_relaxed); }

 private:
  template <class Task>
  friend void parallel_for(std::uint64_t, const Options&, Task&&);
  Worker(unsigned index, std::atomic<std::uint64_t>* done, const std::atomic<bool>* stop) noexcept
      : index_(index), done_(done), stop_(stop) {}
  unsigned index_;
  std::atomic<std::uint64_t>* done_;
  const std::atomic<bool>* stop_;
};

/// The number of workers parallel_for(tasks, {threads}) runs: min(threads, tasks), at least 1.
inline unsigned worker_count(unsigned threads, std::uint64_t tasks) noexcept {
  return static_cast<unsigned>(std::max<std::uint64_t>(1, std::min<std::uint64_t>(std::max(threads, 1U), tasks)));
}

/// Runs task(t, worker) for t = 0..tasks-1 on worker_count(options.threads, tasks) workers and
/// returns when all have finished. A watcher is asked first (0 done), then about every interval,
/// then told the final count on success. Rethrows, on the calling thread and after every worker
/// has joined: the watcher's exception; else Cancelled when the watcher returned false; else the
/// exception of the lowest-numbered task that threw.
template <class Task>
void parallel_for(std::uint64_t tasks, const Options& options, Task&& task) {
  const unsigned workers = worker_count(options.threads, tasks);
  std::atomic<std::uint64_t> next{0}, done{0};
  std::atomic<bool> stop{false};
  std::atomic<unsigned> running{0};
  std::mutex error_mutex, wake_mutex;
  std::condition_variable wake;  // a worker leaving wakes the watcher at once
  std::exception_ptr error;
  std::uint64_t error_task = std::numeric_limits<std::uint64_t>::max();

  const auto work = [&](unsigned w) noexcept {
    const Worker me(w, &done, &stop);
    for (std::uint64_t t; !stop.load(std::memory_order_relaxed) && (t = next.fetch_add(1)) < tasks;) {
      try {
        task(t, me);
      } catch (...) {
        const std::lock_guard<std::mutex> lock(error_mutex);
        if (t < error_task) {
          error_task = t;
          error = std::current_exception();
        }
        stop.store(true);
      }
    }
    {
      const std::lock_guard<std::mutex> lock(wake_mutex);
      running.fetch_sub(1);
    }
    wake.notify_all();
  };

  std::vector<std::thread> pool;
  pool.reserve(workers);
  const auto join = [&] {
    for (auto& t : pool) t.join();
    pool.clear();
  };
  const bool watched = static_cast<bool>(options.watch);
  // Asked once before any task starts: a stop already pending (Ctrl-C) stops a short run too.
  if (watched && !options.watch(0, options.total)) throw Cancelled();
  // Without a watcher the calling thread is worker 0.
  const unsigned first_thread = watched ? 0 : 1;
  running.store(workers);
  try {
    for (unsigned w = first_thread; w < workers; ++w) pool.emplace_back(work, w);
  } catch (...) {  // a thread could not be started: stop, join the others, report it
    stop.store(true);
    running.fetch_sub(workers - static_cast<unsigned>(pool.size()) - (watched ? 0 : 1));
    if (!watched) work(0);
    join();
    throw;
  }
  if (!watched) {
    work(0);
    join();
  } else {
    bool cancelled = false;
    std::exception_ptr watch_error;
    for (;;) {
      {
        std::unique_lock<std::mutex> lock(wake_mutex);
        if (wake.wait_for(lock, options.interval, [&] { return running.load() == 0; })) break;
      }
      if (stop.load()) continue;  // a task failed: wait for the others to finish theirs
      try {
        cancelled = !options.watch(done.load(), options.total);
      } catch (...) {
        watch_error = std::current_exception();
      }
      if (cancelled || watch_error) stop.store(true);
    }
    join();
    if (watch_error) std::rethrow_exception(watch_error);
    if (cancelled) throw Cancelled();
    if (!error) options.watch(done.load(), options.total);
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace aci::parallel
