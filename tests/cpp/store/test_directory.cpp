// The resumable sweep directory (store/directory.hpp): equal to the in-memory run_sweep bit for
// bit for any chunk size and thread count; an interrupted run resumes computing only the missing
// chunks; leftovers of an interruption (temporary entries, torn or unlisted chunks) are deleted
// and recomputed, never read; a directory holding another sweep is refused, naming the field.
#include <gtest/gtest.h>

#include <unistd.h>

#include <bit>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <latch>
#include <limits>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "aci_cost/evaluators/registry.hpp"
#include "aci_cost/store/npy.hpp"
#include "aci_cost/io/scenario.hpp"
#include "aci_cost/store/directory.hpp"
#include "aci_cost/sweep/engine.hpp"
#include "../invalid.hpp"

namespace fs = std::filesystem;

namespace {

const char* spec_text = R"({"format": "aci_cost/sweep@1", "model": "training",
  "inputs": [
    {"name": "training.demand.base_hours", "distribution": {"kind": "uniform", "low": 100, "high": 200}},
    {"name": "training.workforce.absence", "distribution": {"kind": "triangular", "low": 0.02, "mode": 0.06, "high": 0.15}}],
  "design": {"kind": "monte_carlo", "n": 5000, "seed": 17},
  "outputs": ["cost_per_productive_hour_honoured", "training_debt", "lost_hours"]})";

aci::io::SweepDocument doc(const std::string& text = spec_text) { return aci::io::read_sweep(text); }

/// A fresh, empty directory under the test's temporary directory.
fs::path fresh_dir(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / ("aci_cost_store_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(d);
  return d;
}

/// Equal bits (NaN equal to NaN, -0 unequal to 0).
bool same_bits(const aci::sweep::Column& a, const aci::sweep::Column& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::bit_cast<std::uint64_t>(a[i]) != std::bit_cast<std::uint64_t>(b[i])) return false;
  return true;
}

void expect_same(const aci::sweep::SweepResult& got, const aci::sweep::SweepResult& want) {
  EXPECT_EQ(got.begin, want.begin);
  EXPECT_EQ(got.end, want.end);
  EXPECT_EQ(got.input_names, want.input_names);
  EXPECT_EQ(got.output_names, want.output_names);
  ASSERT_EQ(got.inputs.size(), want.inputs.size());
  ASSERT_EQ(got.outputs.size(), want.outputs.size());
  ASSERT_EQ(got.summaries.size(), want.summaries.size());
  for (std::size_t k = 0; k < got.inputs.size(); ++k)
    EXPECT_TRUE(same_bits(got.inputs[k], want.inputs[k])) << "input " << k;
  for (std::size_t m = 0; m < got.outputs.size(); ++m)
    EXPECT_TRUE(same_bits(got.outputs[m], want.outputs[m])) << "output " << m;
  for (std::size_t m = 0; m < got.summaries.size(); ++m)
    EXPECT_EQ(got.summaries[m].to_words(), want.summaries[m].to_words()) << "summary " << m;
}

/// The message of the InvalidInput that f throws ("no error" when it returns).
template <class F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const aci::InvalidInput& e) {
    return e.what();
  }
  return "no error";
}

struct Fixture {
  aci::Scenario scenario = aci::io::default_scenario();
  aci::io::SweepDocument d = doc();
  std::unique_ptr<aci::sweep::Evaluator> ev = aci::evaluators::make_evaluator(d, scenario);
  aci::sweep::SweepResult reference() const { return aci::sweep::run_sweep(*ev, d.spec); }
  /// Runs into `dir` and stops there (sweep::Cancelled) once chunks 0 to k - 1 are on disk.
  void interrupt(const fs::path& dir, std::uint64_t chunk_rows, std::uint64_t k) const;
};

/// Another evaluator's model that fails (as a killed run would stop) on any scenario >= fail_from.
class FailsFrom : public aci::sweep::Evaluator {
 public:
  FailsFrom(const aci::sweep::Evaluator& inner, std::uint64_t fail_from) : inner_(inner), fail_from_(fail_from) {
    inputs_ = inner.inputs();
    outputs_ = inner.outputs();
  }
  void evaluate(std::uint64_t begin, std::uint64_t end, const std::vector<std::size_t>& input_ids,
                std::span<const double* const> x, const std::vector<std::size_t>& output_ids,
                std::span<double* const> y, std::span<const std::uint64_t> draw_keys) const override {
    if (end > fail_from_) throw std::runtime_error("interrupted");
    inner_.evaluate(begin, end, input_ids, x, output_ids, y, draw_keys);
  }

 private:
  const aci::sweep::Evaluator& inner_;
  std::uint64_t fail_from_;
};

aci::store::StoreOptions rows(std::uint64_t chunk_rows, unsigned threads = 1) {
  aci::store::StoreOptions o;
  o.chunk_rows = chunk_rows;
  o.threads = threads;
  o.task_rows = 333;
  return o;
}

/// Options that stop the run (sweep::Cancelled) once `k` chunks are on disk, recording them in `seen`.
aci::store::StoreOptions stopping_after(std::uint64_t chunk_rows, std::uint64_t k, std::vector<std::uint64_t>& seen) {
  auto o = rows(chunk_rows);
  o.after_chunk = [&seen, k](const aci::store::ChunkDone& c) {
    seen.push_back(c.index);
    return seen.size() < k;
  };
  return o;
}

void Fixture::interrupt(const fs::path& dir, std::uint64_t chunk_rows, std::uint64_t k) const {
  std::vector<std::uint64_t> seen, want;
  EXPECT_THROW(aci::store::run_to_directory(*ev, d, scenario, dir, stopping_after(chunk_rows, k, seen)),
               aci::sweep::Cancelled);
  for (std::uint64_t c = 0; c < k; ++c) want.push_back(c);
  EXPECT_EQ(seen, want);
}

}  // namespace

TEST(SweepStore, EqualsRunSweepBitForBitForAnyChunkRowsAndThreads) {
  const Fixture f;
  const auto ref = f.reference();
  for (const std::uint64_t chunk_rows : {1000u, 777u, 5000u, 12000u}) {
    for (const unsigned threads : {1u, 2u}) {
      const auto dir = fresh_dir("roundtrip");
      const auto r = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(chunk_rows, threads));
      const std::uint64_t chunks = (5000 + chunk_rows - 1) / chunk_rows;
      EXPECT_EQ(r.report.chunks, chunks);
      EXPECT_EQ(r.report.computed, chunks);
      EXPECT_EQ(r.report.reused, 0u);
      expect_same(r.result, ref);
      expect_same(aci::store::read_directory(dir).result, ref);
      // A second run finds every chunk written and computes none.
      const auto again = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(chunk_rows, 3 - threads));
      EXPECT_EQ(again.report.computed, 0u);
      EXPECT_EQ(again.report.reused, chunks);
      expect_same(again.result, ref);
      fs::remove_all(dir);
    }
  }
}

TEST(SweepStore, SummaryOnlyAndNoInputsRoundTrip) {
  const Fixture base;
  for (const char* extra : {R"("summary_only": true)", R"("summaries": false)"}) {
    std::string text = spec_text;
    text.insert(text.rfind('}'), std::string(", ") + extra);
    const auto d = doc(text);
    const auto ref = aci::sweep::run_sweep(*base.ev, d.spec);
    const auto dir = fresh_dir("modes");
    expect_same(aci::store::run_to_directory(*base.ev, d, base.scenario, dir, rows(1200)).result, ref);
    expect_same(aci::store::read_directory(dir).result, ref);
    fs::remove_all(dir);
  }
}

TEST(SweepStore, ResumesAfterAnInterruptionComputingOnlyTheMissingChunks) {
  const Fixture f;
  const auto ref = f.reference();
  const auto dir = fresh_dir("resume");
  f.interrupt(dir, 700, 3);  // 8 chunks, stopped after the third is on disk
  // read_directory refuses the unfinished sweep, naming the count.
  const std::string unfinished = refusal([&] { (void)aci::store::read_directory(dir); });
  EXPECT_NE(unfinished.find("3 of 8 chunks"), std::string::npos) << unfinished;
  // A second interruption, inside chunk 3 (the model fails there): nothing of it is kept.
  const FailsFrom failing(*f.ev, 2200);
  EXPECT_THROW(aci::store::run_to_directory(failing, f.d, f.scenario, dir, rows(700)), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir / "chunk-000003"));
  std::vector<std::pair<std::uint64_t, bool>> log;
  auto o = rows(700);
  o.after_chunk = [&](const aci::store::ChunkDone& c) {
    log.emplace_back(c.index, c.computed);
    return true;
  };
  const auto r = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, o);
  EXPECT_EQ(r.report.reused, 3u);
  EXPECT_EQ(r.report.computed, 5u);
  ASSERT_EQ(log.size(), 8u);
  for (std::uint64_t c = 0; c < 8; ++c) EXPECT_EQ(log[c], std::make_pair(c, c >= 3)) << c;
  expect_same(r.result, ref);
  fs::remove_all(dir);
}

TEST(SweepStore, LeftoversAndTornChunksAreRecomputedNeverRead) {
  const Fixture f;
  const auto ref = f.reference();
  const auto dir = fresh_dir("torn");
  f.interrupt(dir, 1000, 3);  // 5 chunks
  ASSERT_TRUE(fs::is_directory(dir / "chunk-000002"));
  // What a kill leaves: a half-written temporary chunk and manifest, and a chunk renamed into
  // place but not yet listed, whose file is torn (garbage would be read if it were trusted).
  fs::create_directory(dir / "chunk-000003.tmp");
  std::ofstream(dir / "chunk-000003.tmp" / "output-0.npy") << "\x93NUMPY";
  std::ofstream(dir / "manifest.json.tmp") << "{\"format\": ";
  fs::create_directory(dir / "chunk-000004");
  {
    const std::vector<double> junk(1000, 1e300);
    const std::string bytes = aci::store::npy_bytes(junk.data(), junk.size());
    std::ofstream(dir / "chunk-000004" / "output-0.npy", std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  }
  // And a listed chunk damaged since it was written (truncated): it is recomputed too.
  fs::resize_file(dir / "chunk-000001" / "output-1.npy", 100);
  // Files that are not the sweep's are left alone.
  std::ofstream(dir / "chunk-notes.txt") << "mine";
  std::ofstream(dir / "chunk-12.tmp.txt") << "mine";
  const auto r = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(1000));
  EXPECT_EQ(r.report.reused, 2u);     // chunks 0 and 2
  EXPECT_EQ(r.report.computed, 3u);   // 1 (damaged), 3, 4
  EXPECT_EQ(r.report.discarded, 4u);  // the two .tmp entries, chunk-000001, chunk-000004
  expect_same(r.result, ref);
  for (const auto& e : fs::directory_iterator(dir)) {
    EXPECT_FALSE(e.path().filename().string().ends_with(".tmp")) << e.path();
  }
  EXPECT_TRUE(fs::exists(dir / "chunk-notes.txt") && fs::exists(dir / "chunk-12.tmp.txt"));
  fs::remove_all(dir);
}

TEST(SweepStore, ADirectoryOfAnotherSweepIsRefusedNamingTheField) {
  const Fixture f;
  const auto dir = fresh_dir("mismatch");
  (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(2500));
  const auto error = [&](const aci::io::SweepDocument& d, const aci::Scenario& s, std::uint64_t chunk_rows) {
    return refusal([&] { (void)aci::store::run_to_directory(*f.ev, d, s, dir, rows(chunk_rows)); });
  };
  auto seed = doc();
  seed.spec.seed = 18;
  EXPECT_NE(error(seed, f.scenario, 2500).find("manifest.json: spec.design.seed = 17 in the directory, 18 in this run"),
            std::string::npos)
      << error(seed, f.scenario, 2500);
  EXPECT_NE(error(f.d, f.scenario, 1000).find("chunk_rows = 2500 in the directory, 1000 in this run"),
            std::string::npos);
  auto other = f.scenario;
  other.training->model.seed += 1;
  const std::string e = error(f.d, other, 2500);
  EXPECT_NE(e.find("manifest.json: scenario."), std::string::npos) << e;
  EXPECT_NE(e.find("seed"), std::string::npos) << e;
  // The refused runs changed nothing: the directory still reads back whole.
  expect_same(aci::store::read_directory(dir).result, f.reference());
  fs::remove_all(dir);
}

TEST(SweepStore, BadArgumentsNameTheFieldAndValue) {
  const Fixture f;
  const auto dir = fresh_dir("bad");
  EXPECT_THROW(
      {
        try {
          (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(0));
        } catch (const aci::InvalidInput& e) {
          EXPECT_EQ(e.field(), "store.chunk_rows");
          EXPECT_EQ(e.value(), "0");
          throw;
        }
      },
      aci::InvalidInput);
  EXPECT_FALSE(fs::exists(dir));  // nothing created for a refused argument
  fs::create_directories(dir.parent_path());
  std::ofstream(dir) << "not a directory";
  const std::string file = refusal([&] { (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(100)); });
  EXPECT_EQ(file.rfind("directory = \"", 0), 0u) << file;
  EXPECT_NE(file.find("is a file"), std::string::npos) << file;
  fs::remove(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "notes.txt") << "mine";
  const std::string foreign =
      refusal([&] { (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(100)); });
  EXPECT_NE(foreign.find("notes.txt"), std::string::npos) << foreign;
  EXPECT_TRUE(fs::exists(dir / "notes.txt"));
  // A bad spec is refused before the directory is touched.
  auto bad = doc();
  bad.spec.outputs = {"profit"};
  fs::remove_all(dir);
  EXPECT_THROW((void)aci::store::run_to_directory(*f.ev, bad, f.scenario, dir, rows(100)), aci::InvalidInput);
  EXPECT_FALSE(fs::exists(dir));
}

namespace {
/// The manifest of `dir` with `edit` applied, written back.
template <class F>
void edit_manifest(const fs::path& dir, F&& edit) {
  std::ifstream in(dir / "manifest.json");
  nlohmann::json m = nlohmann::json::parse(in);
  in.close();
  edit(m);
  std::ofstream(dir / "manifest.json", std::ios::trunc) << m.dump(1);
}
}  // namespace

TEST(SweepStore, AnEditedManifestIsRefusedNamingTheFieldNeverACrash) {
  // Issue 34 item 1: "chunk_rows": 0 divided by zero in read_directory (SIGFPE). Every field
  // used in arithmetic or as an index is checked when the manifest is read.
  const Fixture f;
  const auto dir = fresh_dir("edited");
  (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(2500));
  const nlohmann::json original = [&] {
    std::ifstream in(dir / "manifest.json");
    return nlohmann::json::parse(in);
  }();
  struct Case {
    const char* key;
    nlohmann::json value;
    const char* want;
  };
  const std::vector<Case> cases = {
      {"chunk_rows", 0, "manifest.json: chunk_rows = 0: must be a whole number >= 1"},
      {"chunk_rows", -3, "manifest.json: chunk_rows = -3: must be a whole number >= 1"},
      {"chunk_rows", "2500", "manifest.json: chunk_rows = \"2500\": must be a whole number >= 1"},
      {"chunk_rows", 2.5, "manifest.json: chunk_rows = 2.5: must be a whole number >= 1"},
      {"chunk_rows", nullptr, "manifest.json: chunk_rows = absent: must be a whole number >= 1"},
      {"finished", nlohmann::json::array({0, "x"}), "manifest.json: finished[1] = \"x\": must be a chunk number"},
      {"finished", 2, "manifest.json: finished = 2: must be a list"},
      {"output_names", nlohmann::json::array({1, 2, 3}), "manifest.json: output_names[0] = 1: must be a name"},
      // fuzz_sweep_store's finding: a format that is not a string threw nlohmann's type_error.
      {"format", 2222243474, "manifest.json = unreadable: expected a manifest of format"},
      {"format", nullptr, "manifest.json = unreadable: expected a manifest of format"},
  };
  for (const auto& c : cases) {
    edit_manifest(dir, [&](nlohmann::json& m) {
      m = original;
      if (c.value.is_null())
        m.erase(c.key);
      else
        m[c.key] = c.value;
    });
    const std::string read = refusal([&] { (void)aci::store::read_directory(dir); });
    EXPECT_NE(read.find(c.want), std::string::npos) << c.key << ": " << read;
    const std::string resume =
        refusal([&] { (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(2500)); });
    EXPECT_NE(resume.find(c.want), std::string::npos) << c.key << ": " << resume;
  }
  // A chunk listed twice does not stand for a missing one.
  edit_manifest(dir, [&](nlohmann::json& m) {
    m = original;
    m["finished"] = nlohmann::json::array({0, 0});
  });
  const std::string twice = refusal([&] { (void)aci::store::read_directory(dir); });
  EXPECT_NE(twice.find("1 of 2 chunks"), std::string::npos) << twice;
  // Restored, it reads back whole.
  edit_manifest(dir, [&](nlohmann::json& m) { m = original; });
  expect_same(aci::store::read_directory(dir).result, f.reference());
  fs::remove_all(dir);
}

TEST(SweepStore, AFlippedBitOrRelabelledColumnsAreFoundByTheChecksums) {
  // Issue 34 item 5: a bit flipped inside a listed chunk was reused by read_directory and by
  // resume; swapped output_names in the manifest relabelled the columns.
  const Fixture f;
  const auto ref = f.reference();
  const auto dir = fresh_dir("checksums");
  (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(1000));  // 5 chunks
  const nlohmann::json original = [&] {
    std::ifstream in(dir / "manifest.json");
    return nlohmann::json::parse(in);
  }();
  ASSERT_TRUE(original.at("checksums").at("1").at("output-0.npy").get<std::string>().starts_with("fnv1a64:"));
  // One bit of one value of chunk 1 (past the 128-byte header): still a whole .npy file.
  const auto file = dir / "chunk-000001" / "output-0.npy";
  {
    std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
    io.seekg(128 + 8 * 17 + 3);
    char c = 0;
    io.read(&c, 1);
    c = static_cast<char>(c ^ 0x10);
    io.seekp(128 + 8 * 17 + 3);
    io.write(&c, 1);
  }
  ASSERT_EQ(aci::store::read_npy<double>(file).size(), 1000u);  // the damage is invisible to the format
  const auto flipped = aci::test::invalid([&] { (void)aci::store::read_directory(dir); });
  EXPECT_EQ(flipped.field(), file.string());
  EXPECT_EQ(flipped.value().rfind("checksum fnv1a64:", 0), 0u) << flipped.what();
  // Resume recomputes that chunk only, and the result is whole again.
  const auto again = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(1000));
  EXPECT_EQ(again.report.computed, 1u);
  EXPECT_EQ(again.report.reused, 4u);
  expect_same(again.result, ref);
  expect_same(aci::store::read_directory(dir).result, ref);
  // Output names swapped in the manifest would relabel the columns: refused, naming a file.
  edit_manifest(dir, [](nlohmann::json& m) {
    auto& names = m["output_names"];
    std::swap(names[0], names[1]);
  });
  const auto swapped = aci::test::invalid([&] { (void)aci::store::read_directory(dir); });
  EXPECT_NE(swapped.field().find("chunk-000000"), std::string::npos) << swapped.what();
  EXPECT_NE(swapped.rule().find("names were edited"), std::string::npos) << swapped.what();
  // A chunk whose checksums were removed is not trusted: an error on read, recomputed on resume.
  edit_manifest(dir, [](nlohmann::json& m) {
    auto& names = m["output_names"];
    std::swap(names[0], names[1]);
    m["checksums"].erase("3");
  });
  const auto missing = aci::test::invalid([&] { (void)aci::store::read_directory(dir); });
  EXPECT_EQ(missing.value(), "no checksum") << missing.what();
  EXPECT_NE(missing.field().find("chunk-000003"), std::string::npos) << missing.what();
  const auto resumed = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(1000));
  EXPECT_EQ(resumed.report.computed, 1u);
  expect_same(resumed.result, ref);
  fs::remove_all(dir);
}

TEST(SweepStore, TwoRunsNeverWriteOneDirectoryAtOnce) {
  // Run A pauses after its first chunk until run B, started meanwhile on the same directory from
  // another thread, has been refused; then A finishes, and equals run_sweep.
  const Fixture f;
  const auto dir = fresh_dir("lock");
  std::latch a_inside(1), b_done(1);
  std::string b_refusal;
  auto o = rows(1000);
  o.after_chunk = [&](const aci::store::ChunkDone& c) {
    if (c.index == 0) {
      a_inside.count_down();
      b_done.wait();
    }
    return true;
  };
  std::thread b([&] {
    a_inside.wait();
    b_refusal = refusal([&] { (void)aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, rows(1000)); });
    b_done.count_down();
  });
  const auto a = aci::store::run_to_directory(*f.ev, f.d, f.scenario, dir, o);
  b.join();
  EXPECT_NE(b_refusal.find("is being written by another run"), std::string::npos) << b_refusal;
  EXPECT_EQ(a.report.computed, 5u);
  expect_same(a.result, f.reference());
  fs::remove_all(dir);
}

TEST(SweepStore, RunsIntoSeveralDirectoriesAtOnceEqualRunSweep) {
  const Fixture f;
  const auto ref = f.reference();
  std::latch start(4);
  std::vector<aci::store::StoredSweep> runs(4);
  std::vector<std::thread> threads;
  for (std::size_t k = 0; k < 4; ++k)
    threads.emplace_back([&, k] {
      start.arrive_and_wait();
      runs[k] = aci::store::run_to_directory(*f.ev, f.d, f.scenario, fresh_dir("many" + std::to_string(k)),
                                             rows(600 + 700 * k, 1 + static_cast<unsigned>(k % 2)));
    });
  for (auto& t : threads) t.join();
  for (std::size_t k = 0; k < 4; ++k) {
    expect_same(runs[k].result, ref);
    fs::remove_all(fresh_dir("many" + std::to_string(k)));
  }
}

TEST(Npy, RoundTripAndTornFilesAreRefused) {
  const auto dir = fresh_dir("npy");
  fs::create_directories(dir);
  const std::vector<double> v = {1.5, -0.0, std::numeric_limits<double>::quiet_NaN(), 1e-310, -2e300};
  const std::string bytes = aci::store::npy_bytes(v.data(), v.size());
  EXPECT_EQ(bytes.size() % 8, 0u);
  EXPECT_EQ((bytes.size() - v.size() * 8) % 64, 0u);  // numpy's 64-byte header alignment
  std::ofstream(dir / "a.npy", std::ios::binary) << bytes;
  const auto back = aci::store::read_npy<double>(dir / "a.npy");
  ASSERT_EQ(back.size(), v.size());
  for (std::size_t i = 0; i < v.size(); ++i)
    EXPECT_EQ(std::bit_cast<std::uint64_t>(back[i]), std::bit_cast<std::uint64_t>(v[i]));
  for (const std::size_t cut : {bytes.size() - 1, bytes.size() - 8, std::size_t{64}, std::size_t{5}}) {
    std::ofstream(dir / "torn.npy", std::ios::binary | std::ios::trunc) << bytes.substr(0, cut);
    EXPECT_THROW((void)aci::store::read_npy<double>(dir / "torn.npy"), aci::InvalidInput) << cut;
  }
  std::ofstream(dir / "long.npy", std::ios::binary | std::ios::trunc) << bytes << "x";
  EXPECT_THROW((void)aci::store::read_npy<double>(dir / "long.npy"), aci::InvalidInput);
  EXPECT_THROW((void)aci::store::read_npy<std::uint64_t>(dir / "a.npy"), aci::InvalidInput);  // wrong type
  fs::remove_all(dir);
}
