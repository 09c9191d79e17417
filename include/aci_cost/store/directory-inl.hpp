// Implementation of store/directory.hpp.
#pragma once

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <vector>

#include <nlohmann/json.hpp>

#include "aci_cost/error.hpp"
#include "aci_cost/store/directory.hpp"
#include "aci_cost/store/npy.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/io/sweep_json.hpp"
#include "aci_cost/sweep/cancel.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "aci_cost/version.hpp"

#if defined(__unix__) || defined(__APPLE__)
#  include <fcntl.h>
#  include <sys/file.h>
#  include <unistd.h>
#  define ACI_COST_POSIX_FILES 1
#endif

namespace aci::store {

namespace detail {

using json = nlohmann::json;
using io::Scenario;
using io::SweepDocument;

/// The chunks of n scenarios, chunk_rows (>= 1) each (the last one maybe shorter); no overflow.
inline std::uint64_t chunk_count(std::uint64_t n, std::uint64_t chunk_rows) {
  return n / chunk_rows + (n % chunk_rows != 0 ? 1 : 0);
}

inline std::string chunk_name(std::uint64_t c) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "chunk-%06llu", static_cast<unsigned long long>(c));
  return buf;
}

/// What a directory entry is to a sweep directory: chunk k's directory, its temporary twin
/// (index k, temporary), the manifest's temporary file (temporary, no index), or nothing of ours.
struct EntryKind {
  bool ours = false, temporary = false;
  std::optional<std::uint64_t> index;
};

inline EntryKind entry_kind(const std::string& name) {
  if (name == "manifest.json.tmp") return {true, true, std::nullopt};
  const bool tmp = name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0;
  const std::string base = tmp ? name.substr(0, name.size() - 4) : name;
  const std::string digits = base.rfind("chunk-", 0) == 0 ? base.substr(6) : "";
  if (digits.size() < 6 || digits.size() > 19 || digits.find_first_not_of("0123456789") != std::string::npos) return {};
  const std::uint64_t k = std::stoull(digits);
  if (chunk_name(k) != base) return {};
  return {true, tmp, k};
}

/// Throws a filesystem error naming `what` and the path.
[[noreturn]] inline void fail(const std::string& what, const std::filesystem::path& p, int err) {
  throw std::filesystem::filesystem_error("sweep directory: " + what, p, std::error_code(err, std::generic_category()));
}

/// Writes `bytes` to `file` and flushes them to the disk before returning.
inline void write_durably(const std::filesystem::path& file, const std::string& bytes) {
#if ACI_COST_POSIX_FILES
  const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) fail("cannot create", file, errno);
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ::ssize_t w = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (w < 0 && errno == EINTR) continue;
    if (w < 0) {
      const int e = errno;
      ::close(fd);
      fail("cannot write", file, e);
    }
    done += static_cast<std::size_t>(w);
  }
  if (::fsync(fd) != 0) {
    const int e = errno;
    ::close(fd);
    fail("cannot flush", file, e);
  }
  if (::close(fd) != 0) fail("cannot close", file, errno);
#else
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.flush();
  if (!out) fail("cannot write", file, EIO);
#endif
}

/// Flushes a directory's entries (a rename in it) to the disk.
inline void sync_directory(const std::filesystem::path& dir) {
#if ACI_COST_POSIX_FILES
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) fail("cannot open", dir, errno);
  const int r = ::fsync(fd);
  const int e = errno;
  ::close(fd);
  if (r != 0 && e != EINVAL) fail("cannot flush", dir, e);  // EINVAL: a file system without directory fsync
#else
  (void)dir;
#endif
}

/// An exclusive lock on <dir>/.lock for the life of the object (released by the system if the
/// process dies): two runs never write one directory at once.
class DirectoryLock {
 public:
  explicit DirectoryLock(const std::filesystem::path& dir) {
#if ACI_COST_POSIX_FILES
    const auto file = dir / ".lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) fail("cannot create", file, errno);
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw InvalidInput("directory", "\"" + dir.string() + "\"",
                         "is being written by another run (its .lock is held)");
    }
#else
    (void)dir;
#endif
  }
  DirectoryLock(const DirectoryLock&) = delete;
  DirectoryLock& operator=(const DirectoryLock&) = delete;
  ~DirectoryLock() {
#if ACI_COST_POSIX_FILES
    ::close(fd_);  // releases the flock
#endif
  }

 private:
  int fd_ = -1;
};

/// The path of the first difference between two JSON values ("" when equal).
inline std::optional<std::string> first_difference(const json& a, const json& b, const std::string& path) {
  if (a.is_object() && b.is_object()) {
    std::set<std::string> keys;
    for (const auto& [k, v] : a.items()) keys.insert(k);
    for (const auto& [k, v] : b.items()) keys.insert(k);
    for (const auto& k : keys) {
      const std::string p = path + "." + k;
      if (!a.contains(k) || !b.contains(k)) return p;
      if (auto d = first_difference(a[k], b[k], p)) return d;
    }
    return std::nullopt;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return path + ".length";
    for (std::size_t i = 0; i < a.size(); ++i)
      if (auto d = first_difference(a[i], b[i], path + "[" + std::to_string(i) + "]")) return d;
    return std::nullopt;
  }
  if (a != b) return path;
  return std::nullopt;
}

/// The value at a path written by first_difference ("spec.design.seed"), shown ("absent" when missing).
inline std::string shown_at(const json& root, const std::string& key_path) {
  const std::string path = key_path.empty() || key_path[0] == '[' ? key_path : "." + key_path;
  const json* at = &root;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '.') {
      const std::size_t j = path.find_first_of(".[", i + 1);
      const std::string key = path.substr(i + 1, j == std::string::npos ? std::string::npos : j - i - 1);
      if (key == "length" && at->is_array()) return std::to_string(at->size()) + " items";
      if (!at->is_object() || !at->contains(key)) return "absent";
      at = &(*at)[key];
      i = j == std::string::npos ? path.size() : j;
    } else {  // [k]
      const std::size_t j = path.find(']', i);
      const auto k = static_cast<std::size_t>(std::stoull(path.substr(i + 1, j - i - 1)));
      if (!at->is_array() || k >= at->size()) return "absent";
      at = &(*at)[k];
      i = j + 1;
    }
  }
  std::string s = at->dump();
  return s.size() <= 80 ? s : s.substr(0, 77) + "...";
}

/// The manifest's identity: everything the chunks depend on.
inline json identity(const SweepDocument& doc, const json& scenario, std::uint64_t chunk_rows) {
  return {{"format", std::string(sweep_directory_format)},
          {"aci_cost_version", std::string(version_string)},
          {"spec", io::to_json(doc)},
          {"scenario", scenario},
          {"chunk_rows", chunk_rows}};
}

/// Writes the manifest: temporary file, flush, rename, flush of the directory.
inline void write_manifest(const std::filesystem::path& dir, const json& manifest) {
  const auto tmp = dir / "manifest.json.tmp";
  write_durably(tmp, manifest.dump(1) + "\n");
  std::filesystem::rename(tmp, dir / "manifest.json");
  sync_directory(dir);
}

inline json read_manifest(const std::filesystem::path& dir) {
  const auto file = dir / "manifest.json";
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InvalidInput(file.string(), "missing", "not a sweep directory (no manifest.json)");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json m = json::parse(text, nullptr, false);
  // (format checked for a string first: value("format", "") threw nlohmann's type_error, past the
  // error contract, on {"format": 2222243474} — found by fuzz_sweep_store.)
  const auto format = m.is_object() ? m.find("format") : m.end();
  if (m.is_discarded() || !m.is_object() || format == m.end() || !format->is_string() ||
      format->get<std::string>() != sweep_directory_format)
    throw InvalidInput(file.string(), "unreadable",
                       "expected a manifest of format " + std::string(sweep_directory_format));
  // Fields used in arithmetic or as indices are checked here, before any use (an edited
  // "chunk_rows": 0 divided by zero): InvalidInput naming "<manifest>: <field>".
  const auto field = [&](const std::string& key) { return file.string() + ": " + key; };
  const auto shown = [](const json& v) {
    std::string s = v.dump();
    return s.size() <= 80 ? s : s.substr(0, 77) + "...";
  };
  const json rows = m.value("chunk_rows", json());
  if (!rows.is_number_unsigned() || rows.get<std::uint64_t>() < 1)
    throw InvalidInput(field("chunk_rows"), rows.is_null() ? "absent" : shown(rows), "must be a whole number >= 1");
  const json finished = m.value("finished", json::array());
  if (!finished.is_array()) throw InvalidInput(field("finished"), shown(finished), "must be a list of chunk numbers");
  for (std::size_t i = 0; i < finished.size(); ++i)
    if (!finished[i].is_number_unsigned())
      throw InvalidInput(field("finished[" + std::to_string(i) + "]"), shown(finished[i]),
                         "must be a chunk number (a whole number >= 0)");
  for (const char* key : {"input_names", "output_names"}) {
    const json names = m.value(key, json());
    if (!names.is_array())
      throw InvalidInput(field(key), names.is_null() ? "absent" : shown(names), "must be a list of names");
    for (std::size_t i = 0; i < names.size(); ++i)
      if (!names[i].is_string())
        throw InvalidInput(field(std::string(key) + "[" + std::to_string(i) + "]"), shown(names[i]), "must be a name");
  }
  return m;
}

/// One column file of a chunk: its name in the chunk's directory, and the column it holds
/// ("output:full_cost"), which its checksum covers with its bytes.
struct ChunkFile {
  std::string file, label;
};

/// The column files of one chunk, in the order the result holds them.
struct ChunkFiles {
  std::vector<ChunkFile> inputs, outputs, summaries;
};

inline ChunkFiles chunk_files(const std::vector<std::string>& inputs, const std::vector<std::string>& outputs,
                              bool full, bool keep_inputs, bool summaries) {
  ChunkFiles f;
  if (full && keep_inputs)
    for (std::size_t k = 0; k < inputs.size(); ++k)
      f.inputs.push_back({"input-" + std::to_string(k) + ".npy", "input:" + inputs[k]});
  if (full)
    for (std::size_t m = 0; m < outputs.size(); ++m)
      f.outputs.push_back({"output-" + std::to_string(m) + ".npy", "output:" + outputs[m]});
  if (summaries)
    for (std::size_t m = 0; m < outputs.size(); ++m)
      f.summaries.push_back({"summary-" + std::to_string(m) + ".npy", "summary:" + outputs[m]});
  return f;
}

/// The checksum of a column file: 64-bit FNV-1a over its column's label, a NUL and its bytes,
/// as "fnv1a64:<16 hex digits>". Not a defence against an adversary (who may rewrite the
/// manifest too): it catches a flipped bit, a file from another chunk or column, and column
/// names swapped in the manifest (the label would no longer match the bytes).
inline std::string column_checksum(std::string_view label, std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  const auto mix = [&h](std::string_view s) {
    for (const char c : s) {
      h ^= static_cast<unsigned char>(c);
      h *= 0x100000001b3ULL;
    }
  };
  mix(label);
  mix(std::string_view("\0", 1));
  mix(bytes);
  char buf[32];
  std::snprintf(buf, sizeof buf, "fnv1a64:%016llx", static_cast<unsigned long long>(h));
  return buf;
}

/// The checksum the manifest records for `file` of chunk c, if any.
inline std::optional<std::string> recorded_checksum(const json& manifest, std::uint64_t c, const std::string& file) {
  const auto sums = manifest.find("checksums");
  if (sums == manifest.end() || !sums->is_object()) return std::nullopt;
  const auto chunk = sums->find(std::to_string(c));
  if (chunk == sums->end() || !chunk->is_object()) return std::nullopt;
  const auto sum = chunk->find(file);
  if (sum == chunk->end() || !sum->is_string()) return std::nullopt;
  return sum->get<std::string>();
}

/// Every column file of a chunk, in result order.
inline std::vector<ChunkFile> all_files(const ChunkFiles& f) {
  std::vector<ChunkFile> all = f.inputs;
  all.insert(all.end(), f.outputs.begin(), f.outputs.end());
  all.insert(all.end(), f.summaries.begin(), f.summaries.end());
  return all;
}

/// Whether every file of listed chunk c is there, whole and as written (its checksum in the
/// manifest; a chunk without one is not trusted). A chunk that is not is recomputed.
inline bool chunk_is_whole(const std::filesystem::path& dir, const ChunkFiles& f, std::uint64_t rows,
                           const json& manifest, std::uint64_t c) {
  try {
    for (const auto& x : all_files(f)) {
      const std::string bytes = read_file_bytes(dir / x.file);
      const auto want = recorded_checksum(manifest, c, x.file);
      if (!want || *want != column_checksum(x.label, bytes)) return false;
      if (x.label.rfind("summary:", 0) == 0)
        (void)sweep::Summary::from_words(parse_npy<std::uint64_t>(bytes, (dir / x.file).string()));
      else if (parse_npy<double>(bytes, (dir / x.file).string()).size() != rows)
        return false;
    }
  } catch (const InvalidInput&) {
    return false;
  }
  return true;
}

/// The bytes of column file x of chunk c in `cdir`, checked against the manifest's checksum:
/// InvalidInput naming the file on a mismatch (a flipped bit, relabelled columns) or none.
inline std::string verified_bytes(const std::filesystem::path& cdir, const ChunkFile& x, const json& manifest,
                                  std::uint64_t c) {
  const auto path = (cdir / x.file).string();
  const std::string bytes = read_file_bytes(cdir / x.file);
  const auto want = recorded_checksum(manifest, c, x.file);
  if (!want)
    throw InvalidInput(path, "no checksum",
                       "the manifest records no checksum for this file (checksums." + std::to_string(c) + "." + x.file +
                           "): it cannot be trusted; run the sweep again into this directory to recompute the chunk");
  const std::string got = column_checksum(x.label, bytes);
  if (got != *want)
    throw InvalidInput(path, "checksum " + got,
                       "expected " + *want + " for the column " + x.label +
                           ": the file changed since it was written (a flipped bit), or the manifest's names were "
                           "edited; run the sweep again into this directory to recompute the chunk");
  return bytes;
}

/// Reads the listed, complete chunks of a directory into one result [0, n).
inline sweep::SweepResult assemble(const std::filesystem::path& dir, const json& manifest, const SweepDocument& doc) {
  const sweep::SweepSpec& spec = doc.spec;
  const auto rows = manifest.at("chunk_rows").get<std::uint64_t>();
  const std::uint64_t chunks = chunk_count(spec.n, rows);
  sweep::SweepResult r;
  r.begin = 0;
  r.end = spec.n;
  r.input_names = manifest.at("input_names").get<std::vector<std::string>>();
  r.output_names = manifest.at("output_names").get<std::vector<std::string>>();
  const bool full = !spec.summary_only;
  const ChunkFiles f = chunk_files(r.input_names, r.output_names, full, spec.keep_inputs, spec.summaries);
  r.inputs.resize(f.inputs.size());
  r.outputs.resize(f.outputs.size());
  for (auto& c : r.inputs) c.reserve(static_cast<std::size_t>(spec.n));
  for (auto& c : r.outputs) c.reserve(static_cast<std::size_t>(spec.n));
  if (spec.summaries) r.summaries.assign(r.output_names.size(), sweep::Summary());
  for (std::uint64_t c = 0; c < chunks; ++c) {
    const auto cdir = dir / chunk_name(c);
    const std::uint64_t n = std::min(rows, spec.n - c * rows);
    const auto append = [&](sweep::Column& col, const ChunkFile& x) {
      const auto v = parse_npy<double>(verified_bytes(cdir, x, manifest, c), (cdir / x.file).string());
      if (v.size() != n)
        throw InvalidInput((cdir / x.file).string(), std::to_string(v.size()) + " values",
                           "expected " + std::to_string(n) + " (the chunk's scenarios)");
      col.insert(col.end(), v.begin(), v.end());
    };
    for (std::size_t k = 0; k < f.inputs.size(); ++k) append(r.inputs[k], f.inputs[k]);
    for (std::size_t m = 0; m < f.outputs.size(); ++m) append(r.outputs[m], f.outputs[m]);
    for (std::size_t m = 0; m < f.summaries.size(); ++m) {
      const auto& x = f.summaries[m];
      r.summaries[m].merge(sweep::Summary::from_words(
          parse_npy<std::uint64_t>(verified_bytes(cdir, x, manifest, c), (cdir / x.file).string()),
          (cdir / x.file).string()));
    }
  }
  return r;
}

/// The document of a manifest's spec.
inline SweepDocument document_of(const json& manifest) {
  if (!manifest.contains("spec"))
    throw InvalidInput("manifest.json: spec", "absent", "the sweep directory's spec is missing");
  return io::sweep_from_json(manifest.at("spec"));
}

}  // namespace detail

ACI_COST_INLINE StoredSweep run_to_directory(const sweep::Evaluator& ev, const io::SweepDocument& doc,
                                             const io::Scenario& scenario, const std::filesystem::path& dir,
                                             const StoreOptions& opt, const sweep::Progress& progress) {
  namespace fs = std::filesystem;
  using detail::json;
  const sweep::SweepSpec& spec = doc.spec;
  ACI_COST_REQUIRE(opt.chunk_rows >= 1, "store.chunk_rows", opt.chunk_rows, "must be >= 1");
  ACI_COST_REQUIRE(!dir.empty(), "directory", "\"\"", "needs a path");
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    throw InvalidInput("directory", "\"" + dir.string() + "\"", "is a file, not a directory");
  // A first, empty chunk checks the spec against the evaluator (InvalidInput naming the field)
  // before the directory is touched, and gives the names of the inputs and outputs.
  sweep::RunOptions probe;
  probe.end = 0;
  const sweep::SweepResult names = sweep::run_sweep(ev, spec, probe);

  fs::create_directories(dir);
  const detail::DirectoryLock lock(dir);
  json want = detail::identity(doc, io::scenario_to_json(scenario), opt.chunk_rows);
  want["input_names"] = names.input_names;
  want["output_names"] = names.output_names;
  const std::uint64_t chunks = detail::chunk_count(spec.n, opt.chunk_rows);
  StoredSweep out;
  out.document = doc;
  out.report.chunks = chunks;

  const detail::ChunkFiles files =
      detail::chunk_files(names.input_names, names.output_names, !spec.summary_only, spec.keep_inputs, spec.summaries);
  std::set<std::uint64_t> finished;
  json manifest;
  if (fs::exists(dir / "manifest.json")) {
    manifest = detail::read_manifest(dir);
    for (const char* key : {"format", "aci_cost_version", "spec", "scenario", "chunk_rows"}) {
      if (const auto d = detail::first_difference(manifest.value(key, json()), want[key], key))
        throw InvalidInput(
            (dir / "manifest.json").string() + ": " + *d,
            detail::shown_at(manifest, *d) + " in the directory, " + detail::shown_at(want, *d) + " in this run",
            "the directory holds another sweep: resume with the same spec (seed included), scenario "
            "and chunk_rows, or use a new directory");
    }
    for (const auto& c : manifest.value("finished", json::array())) {
      const auto i = c.get<std::uint64_t>();
      const std::uint64_t rows = std::min(opt.chunk_rows, spec.n - std::min(spec.n, i * opt.chunk_rows));
      // A listed chunk is whole unless someone damaged it since: such a chunk is recomputed.
      if (i < chunks && detail::chunk_is_whole(dir / detail::chunk_name(i), files, rows, manifest, i))
        finished.insert(i);
    }
  } else {
    // A new directory: empty, or holding only what an interrupted first run leaves.
    for (const auto& e : fs::directory_iterator(dir)) {
      const std::string n = e.path().filename().string();
      if (n != ".lock" && !detail::entry_kind(n).ours)
        throw InvalidInput("directory", "\"" + dir.string() + "\"",
                           "holds \"" + n + "\" and no manifest.json: not a sweep directory (use an empty one)");
    }
  }
  json checksums = json::object();  // the finished chunks' (checked above)
  for (const std::uint64_t c : finished) checksums[std::to_string(c)] = manifest["checksums"][std::to_string(c)];
  manifest = want;
  manifest["finished"] = json(std::vector<std::uint64_t>(finished.begin(), finished.end()));
  manifest["checksums"] = checksums;
  // Leftovers: temporary entries and chunks not (or no longer) listed; other files are left
  // alone. (Collected first: a directory is not changed while it is read.)
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(dir)) entries.push_back(e.path());
  for (const auto& e : entries) {
    const detail::EntryKind kind = detail::entry_kind(e.filename().string());
    if (kind.ours && (kind.temporary || !finished.count(*kind.index))) {
      fs::remove_all(e);
      ++out.report.discarded;
    }
  }
  detail::write_manifest(dir, manifest);

  std::uint64_t done_before = 0;
  for (std::uint64_t c = 0; c < chunks; ++c) {
    const std::uint64_t b = c * opt.chunk_rows, e = std::min(spec.n, b + opt.chunk_rows);
    const bool computed = !finished.count(c);
    if (computed) {
      sweep::RunOptions ro;
      ro.threads = opt.threads;
      ro.chunk = opt.task_rows;
      ro.begin = b;
      ro.end = e;
      sweep::Progress within;
      if (progress) within = [&](std::uint64_t d, std::uint64_t) { return progress(done_before + d, spec.n); };
      const sweep::SweepResult r = sweep::run_sweep(ev, spec, ro, within);
      const auto final_dir = dir / detail::chunk_name(c);
      const auto tmp = dir / (detail::chunk_name(c) + ".tmp");
      fs::remove_all(tmp);
      fs::create_directory(tmp);
      json sums = json::object();
      const auto write = [&](const detail::ChunkFile& x, const std::string& bytes) {
        detail::write_durably(tmp / x.file, bytes);
        sums[x.file] = detail::column_checksum(x.label, bytes);
      };
      for (std::size_t k = 0; k < files.inputs.size(); ++k)
        write(files.inputs[k], npy_bytes(r.inputs[k].data(), r.inputs[k].size()));
      for (std::size_t m = 0; m < files.outputs.size(); ++m)
        write(files.outputs[m], npy_bytes(r.outputs[m].data(), r.outputs[m].size()));
      for (std::size_t m = 0; m < files.summaries.size(); ++m) {
        const auto w = r.summaries[m].to_words();
        write(files.summaries[m], npy_bytes(w.data(), w.size()));
      }
      detail::sync_directory(tmp);
      fs::remove_all(final_dir);
      fs::rename(tmp, final_dir);
      detail::sync_directory(dir);
      finished.insert(c);
      manifest["finished"] = json(std::vector<std::uint64_t>(finished.begin(), finished.end()));
      manifest["checksums"][std::to_string(c)] = std::move(sums);
      detail::write_manifest(dir, manifest);
      ++out.report.computed;
    } else {
      ++out.report.reused;
    }
    done_before += e - b;
    if (opt.after_chunk && !opt.after_chunk(ChunkDone{c, b, e, computed})) throw sweep::Cancelled();
  }
  if (progress) progress(spec.n, spec.n);
  out.result = detail::assemble(dir, manifest, doc);
  return out;
}

ACI_COST_INLINE StoredSweep read_directory(const std::filesystem::path& dir) {
  namespace fs = std::filesystem;
  using detail::json;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) throw InvalidInput("directory", "\"" + dir.string() + "\"", "is not a directory");
  const json manifest = detail::read_manifest(dir);
  StoredSweep out;
  out.document = detail::document_of(manifest);
  const auto rows = manifest.at("chunk_rows").get<std::uint64_t>();
  const std::uint64_t chunks = detail::chunk_count(out.document.spec.n, rows);
  std::set<std::uint64_t> listed;
  for (const auto& c : manifest.value("finished", json::array()))
    if (c.get<std::uint64_t>() < chunks) listed.insert(c.get<std::uint64_t>());
  const auto finished = listed.size();
  if (finished != chunks)
    throw InvalidInput((dir / "manifest.json").string() + ": finished",
                       std::to_string(finished) + " of " + std::to_string(chunks) + " chunks",
                       "the sweep is unfinished: run it again into this directory to complete it");
  out.report.chunks = chunks;
  out.report.reused = chunks;
  out.result = detail::assemble(dir, manifest, out.document);
  return out;
}

}  // namespace aci::store
