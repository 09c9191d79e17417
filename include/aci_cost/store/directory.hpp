// aci::store::run_to_directory: a sweep run chunk by chunk into a directory that survives an
// interruption (Ctrl-C, a killed process, a power cut) and resumes without recomputing the
// chunks already written (docs/faults.md).
//
//   <dir>/manifest.json      what is swept (spec with its seed, scenario, chunk_rows, library
//                            version), the finished chunks and each of their files' checksum
//                            (over the column's name and the file's bytes: a flipped bit or
//                            relabelled columns are found)
//   <dir>/chunk-000003/      chunk 3, scenarios [3 chunk_rows, 4 chunk_rows):
//       input-<k>.npy        the k-th input of the spec (full mode with keep_inputs), <f8
//       output-<m>.npy       the m-th output, <f8 (full mode)
//       summary-<m>.npy      the m-th output's exact summary state (Summary::to_words), <u8
//   <dir>/.lock              held (flock) while a run writes the directory
//
// A chunk is written under "chunk-000003.tmp", each file flushed to disk (fsync), then renamed
// to "chunk-000003" in one step, and only then listed in the manifest (itself written to
// "manifest.json.tmp", flushed and renamed). So a listed chunk is always whole; anything else (a
// ".tmp" entry, a chunk directory not listed) is the trace of an interruption and is deleted and
// recomputed. Scenario i depends only on (seed, i), so the assembled result equals run_sweep's
// bit for bit, whatever the chunk size, the thread count and the interruptions.
//
// The definitions are in directory-inl.hpp, compiled once into the aci_cost library (src/store.cpp).
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string_view>

#include "aci_cost/config.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/sweep/engine.hpp"

namespace aci::store {

/// The format tag of a sweep directory's manifest.
inline constexpr std::string_view sweep_directory_format = "aci_cost/sweep-directory@1";

/// One chunk as it is finished (written now, or found written by an earlier run).
struct ChunkDone {
  std::uint64_t index = 0;           ///< chunk number, from 0
  std::uint64_t begin = 0, end = 0;  ///< its scenarios [begin, end)
  bool computed = false;             ///< true: computed by this run; false: reused from the directory
};

/// How to run a sweep into a directory.
struct StoreOptions {
  std::uint64_t chunk_rows = 65536;  ///< scenarios per chunk written (the unit of resumption)
  unsigned threads = 1;              ///< worker threads within a chunk (results do not depend on it)
  std::uint64_t task_rows = 4096;    ///< scenarios per engine task (RunOptions::chunk)
  /// Called on the calling thread after each chunk is on disk (or found there); returning false
  /// stops the run with sweep::Cancelled, the chunk kept.
  std::function<bool(const ChunkDone&)> after_chunk;
};

/// What a run found and did.
struct StoreReport {
  std::uint64_t chunks = 0;     ///< chunks of the sweep
  std::uint64_t computed = 0;   ///< chunks computed by this run
  std::uint64_t reused = 0;     ///< chunks read back from an earlier run
  std::uint64_t discarded = 0;  ///< leftovers of an interruption deleted (temporary or unlisted entries)
};

/// A sweep read from (or run into) a directory.
struct StoredSweep {
  io::SweepDocument document;  ///< the spec, with its seed
  sweep::SweepResult result;   ///< equal to run_sweep(ev, document.spec) bit for bit
  StoreReport report;          ///< chunks computed and reused
};

/// Runs `doc.spec` on `ev` into `dir` chunk by chunk, skipping the chunks an earlier run of the
/// same sweep left there, and returns the whole result (equal to run_sweep's bit for bit) with
/// the counts of chunks computed and reused. `scenario` is the scenario `ev` was made from
/// (recorded, and compared on resumption). InvalidInput names the field when `dir` holds
/// another sweep (another spec, seed, scenario, chunk_rows or library version), is a file, or
/// holds files that are not a sweep's; sweep::Cancelled when `progress` or
/// `opt.after_chunk` stops the run (the finished chunks stay on disk).
ACI_COST_INLINE StoredSweep run_to_directory(const sweep::Evaluator& ev, const io::SweepDocument& doc,
                                             const io::Scenario& scenario, const std::filesystem::path& dir,
                                             const StoreOptions& opt = {}, const sweep::Progress& progress = {});

/// Reads a finished sweep directory back (InvalidInput naming the manifest when chunks are
/// missing: run run_to_directory again to finish it).
ACI_COST_INLINE StoredSweep read_directory(const std::filesystem::path& dir);

}  // namespace aci::store

#ifdef ACI_COST_HEADER_ONLY
#  include "aci_cost/store/directory-inl.hpp"
#endif
