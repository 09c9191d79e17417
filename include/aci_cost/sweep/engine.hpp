// aci::sweep::run_sweep: evaluates a model over a design of scenarios on a chosen number of
// threads. Scenario i's inputs depend only on (design, seed, i) and its random draws only on
// (model seed, i), and each chunk writes its own slice, so results are bit-identical for any
// thread count and any chunking (summaries too: Summary is exact and order-independent).
#pragma once

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "aci_cost/parallel/parallel_for.hpp"
#include "aci_cost/sweep/cancel.hpp"
#include "aci_cost/sweep/column.hpp"
#include "aci_cost/sweep/designs.hpp"
#include "aci_cost/sweep/distributions.hpp"
#include "aci_cost/sweep/evaluator.hpp"
#include "aci_cost/sweep/summary.hpp"

namespace aci::sweep {

/// How the scenarios' inputs are laid out.
enum class SampleDesign {
  monte_carlo,      ///< independent counter-based draws
  latin_hypercube,  ///< one point per stratum and input
  sobol,            ///< scrambled Sobol' sequence (Owen)
  grid,             ///< Cartesian product of value lists
  points,           ///< explicit input values given by the caller (e.g. a Saltelli matrix)
};

/// One varying input: a name from the evaluator and its law (or grid values, or given points).
struct SweepInput {
  std::string name;                         ///< e.g. "training.demand.base_hours"
  std::optional<Distribution<double>> law;  ///< monte_carlo, latin_hypercube, sobol
  std::vector<double> values;               ///< grid levels, or the given points (points design)
};

/// What to sweep.
struct SweepSpec {
  std::vector<SweepInput> inputs;                     ///< the varying inputs
  SampleDesign design = SampleDesign::monte_carlo;    ///< the design
  std::uint64_t n = 1000;                             ///< scenarios (grid and points: must equal their size)
  std::uint64_t seed = 0;                             ///< seed of the design (draws, permutations, scramble)
  std::vector<std::vector<double>> rank_correlation;  ///< Spearman matrix of the inputs; empty = independent
  std::vector<std::string> outputs;                   ///< outputs to keep (empty = all)
  bool summary_only = false;                          ///< keep streaming summaries only (memory independent of n)
  bool keep_inputs = true;                            ///< full mode: return the inputs of every scenario
  bool summaries = true;                              ///< full mode: also the streaming summaries (false: none, faster)
  /// The model's random draws of scenario i are keyed on draw_keys[i] (empty: on i). Scenarios
  /// that share a key share every draw (common random numbers), as sensitivity designs need.
  std::vector<std::uint64_t> draw_keys;
};

/// How to run it.
struct RunOptions {
  unsigned threads = 1;              ///< worker threads (results do not depend on it)
  std::uint64_t chunk = 4096;        ///< scenarios per task (results do not depend on it)
  std::uint64_t begin = 0;           ///< first scenario (a sub-range, for distributed runs)
  std::optional<std::uint64_t> end;  ///< one past the last scenario (default n)
};

/// What a sweep returns.
struct SweepResult {
  std::uint64_t begin = 0, end = 0;       ///< the scenarios evaluated
  std::vector<std::string> input_names;   ///< varying inputs
  std::vector<Column> inputs;             ///< full mode: input values, per input
  std::vector<std::string> output_names;  ///< outputs
  std::vector<Column> outputs;            ///< full mode: values, per output
  std::vector<Summary> summaries;         ///< per output (empty when spec.summaries is false)
};

/// Columns a caller owns, for a full run to write into instead of new ones (as NumPy's `out=`):
/// repeated studies reuse their memory. Each holds end - begin values; none may overlap another.
struct SweepTargets {
  std::vector<std::span<double>> inputs;   ///< per spec input when spec.keep_inputs, else none
  std::vector<std::span<double>> outputs;  ///< per kept output (spec.outputs, or every output)
};

/// Called by the calling thread about every 50 ms with the number of scenarios done; returning
/// false (or throwing) stops the run: workers finish their chunk and the run throws.
using Progress = parallel::Watch;

namespace detail {

/// Maps design points to input values.
class InputMap {
 public:
  InputMap(const SweepSpec& spec, const Evaluator& ev) : spec_(spec) {
    ACI_COST_REQUIRE(!spec.inputs.empty(), "sweep.inputs", "[]", "needs at least one input");
    const std::size_t d = spec.inputs.size();
    std::vector<std::string> known;
    for (const auto& i : ev.inputs()) known.push_back(i.name);
    for (std::size_t k = 0; k < d; ++k) {
      const SweepInput& in = spec.inputs[k];
      const auto field = [k] { return "sweep.inputs[" + std::to_string(k) + "]"; };
      ids_.push_back(index_of(known, in.name, field() + ".name"));
      for (std::size_t j = 0; j < k; ++j)
        ACI_COST_REQUIRE(ids_[j] != ids_[k], field() + ".name", "\"" + in.name + "\"", "is listed twice");
      const InputInfo& info = ev.inputs()[ids_[k]];
      // `what` names the value (a string, or a callable building it on failure).
      const auto check_value = [&](double v, const auto& what) {
        if (!info.contains(v))
          throw InvalidInput(field() + "." + ::aci::detail::path_text(what), aci::detail::to_text(v),
                             "outside the domain of " + info.name + ": " + info.domain());
      };
      if (spec.design == SampleDesign::grid || spec.design == SampleDesign::points) {
        ACI_COST_REQUIRE(!in.values.empty(), field() + ".values", "[]", "the grid and points designs need values");
        for (std::size_t v = 0; v < in.values.size(); ++v)
          check_value(in.values[v], [v] { return "values[" + std::to_string(v) + "]"; });
      } else {
        ACI_COST_REQUIRE(in.law.has_value(), field() + ".distribution", "null", "this design needs a distribution");
        const Marginal<double> m{in.name, *in.law};
        m.validate();
        // The law's support must lie in the input's domain: no silent clamping.
        check_value(m.quantile(0.0), "distribution (lowest value)");
        check_value(m.quantile(0x1.fffffffffffffp-1), "distribution (highest value)");
        marginals_.push_back(m);
      }
    }
    switch (spec.design) {
      case SampleDesign::monte_carlo:
        mc_.emplace(d, spec.seed);
        break;
      case SampleDesign::latin_hypercube:
        lhs_.emplace(d, spec.n, spec.seed);
        break;
      case SampleDesign::sobol:
        sobol_.emplace(d, Scrambling::owen, spec.seed);
        break;
      case SampleDesign::grid: {
        std::vector<std::vector<double>> levels;
        for (const auto& in : spec.inputs) levels.push_back(in.values);
        grid_.emplace(levels);
        ACI_COST_REQUIRE(grid_->size() == spec.n, "sweep.n", spec.n,
                         "must equal the grid's size " + std::to_string(grid_->size()));
        break;
      }
      case SampleDesign::points:
        for (std::size_t k = 0; k < d; ++k)
          ACI_COST_REQUIRE(spec.inputs[k].values.size() == spec.n, "sweep.inputs[" + std::to_string(k) + "].values",
                           spec.inputs[k].values.size(), "must hold n = " + std::to_string(spec.n) + " points");
        break;
    }
    if (!spec.rank_correlation.empty()) {
      ACI_COST_REQUIRE(spec.design != SampleDesign::grid && spec.design != SampleDesign::points,
                       "sweep.rank_correlation", "given", "applies to sampled designs only");
      ACI_COST_REQUIRE(spec.rank_correlation.size() == d, "sweep.rank_correlation", spec.rank_correlation.size(),
                       "must be a d x d matrix, d = " + std::to_string(d));
      Eigen::MatrixXd r(static_cast<Eigen::Index>(d), static_cast<Eigen::Index>(d));
      for (std::size_t i = 0; i < d; ++i) {
        ACI_COST_REQUIRE(spec.rank_correlation[i].size() == d, "sweep.rank_correlation[" + std::to_string(i) + "]",
                         spec.rank_correlation[i].size(), "must have d entries");
        for (std::size_t j = 0; j < d; ++j)
          r(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = spec.rank_correlation[i][j];
      }
      copula_.emplace(r);
    }
  }

  /// The evaluator's ids of the inputs, in spec order.
  const std::vector<std::size_t>& ids() const { return ids_; }

  /// Fills x[k][i - begin] for scenarios [begin, end); x[k] has room for end - begin values.
  void fill(std::uint64_t begin, std::uint64_t end, std::span<double* const> x) const {
    const std::size_t d = ids_.size();
    const auto n = static_cast<std::size_t>(end - begin);
    if (spec_.design == SampleDesign::grid || spec_.design == SampleDesign::points) {
      std::vector<double> u(d);
      for (std::size_t r = 0; r < n; ++r) {
        const std::uint64_t i = begin + r;
        if (spec_.design == SampleDesign::grid) {
          grid_->point(i, u);
          for (std::size_t k = 0; k < d; ++k) x[k][r] = u[k];
        } else {
          for (std::size_t k = 0; k < d; ++k) x[k][r] = spec_.inputs[k].values[static_cast<std::size_t>(i)];
        }
      }
      return;
    }
    // Column by column: the design's coordinates, the copula (row-wise), then each marginal's
    // quantile with the law dispatched once per column, so the loops vectorise.
    std::vector<std::uint64_t> keys;
    if (spec_.design == SampleDesign::monte_carlo) {
      keys.resize(n);
      for (std::size_t r = 0; r < n; ++r) keys[r] = mc_->point_key(begin + r);
    }
    for (std::size_t k = 0; k < d; ++k) {
      double* col = x[k];
      switch (spec_.design) {
        case SampleDesign::monte_carlo:
          for (std::size_t r = 0; r < n; ++r) col[r] = mc_->coordinate_at(keys[r], k);
          break;
        case SampleDesign::sobol:
          for (std::size_t r = 0; r < n; ++r) col[r] = sobol_->coordinate(begin + r, k);
          break;
        default:  // latin_hypercube (grid and points returned above)
          for (std::size_t r = 0; r < n; ++r) col[r] = lhs_->coordinate(begin + r, k);
      }
    }
    if (copula_) {
      std::vector<double> u(d);
      for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t k = 0; k < d; ++k) u[k] = x[k][r];
        copula_->apply(std::span<const double>(u), std::span<double>(u));
        for (std::size_t k = 0; k < d; ++k) x[k][r] = u[k];
      }
    }
    for (std::size_t k = 0; k < d; ++k) {
      std::visit([&](const auto& law) { quantiles_in_place(law, std::span<double>(x[k], n)); }, marginals_[k].law);
    }
  }

 private:
  const SweepSpec& spec_;
  std::vector<std::size_t> ids_;
  std::vector<Marginal<double>> marginals_;
  std::optional<MonteCarloDesign> mc_;
  std::optional<LatinHypercubeDesign> lhs_;
  std::optional<SobolDesign> sobol_;
  std::optional<GridDesign> grid_;
  std::optional<GaussianCopula<double>> copula_;
};

}  // namespace detail

/// [assumption] The most scenarios one run evaluates (2^32, hours at ~10^6 per second per thread).
inline constexpr std::uint64_t max_run_scenarios = std::uint64_t{1} << 32;
/// [assumption] The most values a full run keeps in memory (2^31 doubles, 16 GiB).
inline constexpr std::uint64_t max_kept_values = std::uint64_t{1} << 31;

namespace detail {

/// InvalidInput unless `spans` are one span of `size` values per name, none overlapping another
/// of `all` (earlier ones checked against the later); errors name field[name].
inline void check_targets(const std::vector<std::span<double>>& spans, const std::vector<std::string>& names,
                          std::uint64_t size, const std::string& field, std::vector<std::span<double>>& all) {
  ACI_COST_REQUIRE(spans.size() == names.size(), field, std::to_string(spans.size()) + " columns",
                   "must hold " + std::to_string(names.size()) + " columns (one per " +
                       (field == "out.inputs" ? "input kept" : "output kept") + ")");
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const auto name = [&] { return field + "[" + names[k] + "]"; };
    ACI_COST_REQUIRE(spans[k].size() == size, name(), std::to_string(spans[k].size()) + " values",
                     "must hold one value per scenario (" + std::to_string(size) + ")");
    for (const auto& other : all)
      ACI_COST_REQUIRE(
          spans[k].data() + spans[k].size() <= other.data() || other.data() + other.size() <= spans[k].data(), name(),
          "an array", "overlaps another column of out (each needs memory of its own)");
    all.push_back(spans[k]);
  }
}

}  // namespace detail

/// Runs `spec` on `ev`; a full run writes its columns into `into` when given (the result's
/// columns are then empty). Throws InvalidInput (naming the field) on a bad spec or targets,
/// Cancelled when `progress` stops it, and rethrows the exception of the lowest chunk that threw.
inline SweepResult run_sweep(const Evaluator& ev, const SweepSpec& spec, const RunOptions& opt = {},
                             const Progress& progress = {}, const SweepTargets* into = nullptr) {
  ACI_COST_REQUIRE(spec.n >= 1, "sweep.n", spec.n, "must be >= 1");
  ACI_COST_REQUIRE(opt.threads >= 1 && opt.threads <= 256, "run.threads", opt.threads, "must be in [1, 256]");
  ACI_COST_REQUIRE(opt.chunk >= 1, "run.chunk", opt.chunk, "must be >= 1");
  const std::uint64_t end = opt.end.value_or(spec.n);
  ACI_COST_REQUIRE(opt.begin <= end && end <= spec.n, "run.end", end, "the range [begin, end) must lie in [0, n]");
  const detail::InputMap map(spec, ev);
  ACI_COST_REQUIRE(spec.draw_keys.empty() || spec.draw_keys.size() == spec.n, "sweep.draw_keys",
                   std::to_string(spec.draw_keys.size()) + " keys", "must be empty or hold one key per scenario (n)");

  SweepResult res;
  res.begin = opt.begin;
  res.end = end;
  for (const auto& in : spec.inputs) res.input_names.push_back(in.name);
  std::vector<std::size_t> out_ids;
  if (spec.outputs.empty()) {
    for (std::size_t m = 0; m < ev.outputs().size(); ++m) out_ids.push_back(m);
  } else {
    for (std::size_t m = 0; m < spec.outputs.size(); ++m)
      out_ids.push_back(index_of(ev.outputs(), spec.outputs[m], "sweep.outputs[" + std::to_string(m) + "]"));
  }
  for (auto id : out_ids) res.output_names.push_back(ev.outputs()[id]);
  const std::uint64_t total = end - opt.begin;
  const bool full = !spec.summary_only;
  ACI_COST_REQUIRE(full || spec.summaries, "sweep.summaries", "false",
                   "a summary-only sweep needs its summaries (summary_only: true)");
  // [assumption] Bounds that stop a typo in n before it exhausts memory or runs for days; a larger
  // study is run in ranges [begin, end), whose results do not depend on the split (docs/sweep_format.md).
  ACI_COST_REQUIRE(total <= max_run_scenarios, "run.end - run.begin", total,
                   "at most 2^32 scenarios per run (hours of computing); run larger studies in ranges [begin, end)");
  if (full) {
    const std::uint64_t columns = out_ids.size() + (spec.keep_inputs ? spec.inputs.size() : 0);
    ACI_COST_REQUIRE(total * columns <= max_kept_values, "run.end - run.begin", total,
                     "a full sweep keeps (end - begin) x " + std::to_string(columns) +
                         " columns, at most 2^31 values (16 GiB): use summary_only or a smaller range [begin, end)");
  }
  const bool summarise = spec.summaries;
  if (into != nullptr) {
    ACI_COST_REQUIRE(full, "out", "given", "a summary-only sweep keeps no columns to write into");
    std::vector<std::span<double>> all;
    detail::check_targets(into->inputs, spec.keep_inputs ? res.input_names : std::vector<std::string>(), total,
                          "out.inputs", all);
    detail::check_targets(into->outputs, res.output_names, total, "out.outputs", all);
  } else if (full) {
    // Uninitialised: each worker writes (and first touches) the slices of its chunks.
    // (resize each: copying one sized prototype would write every byte on this thread.)
    res.outputs.resize(out_ids.size());
    for (auto& col : res.outputs) col.resize(static_cast<std::size_t>(total));
    if (spec.keep_inputs) {
      res.inputs.resize(spec.inputs.size());
      for (auto& col : res.inputs) col.resize(static_cast<std::size_t>(total));
    }
  }

  const std::uint64_t chunks = (total + opt.chunk - 1) / opt.chunk;
  const unsigned workers = parallel::worker_count(opt.threads, chunks);
  // Per worker and output: merged once, at the end (exact sums: the order does not matter).
  std::vector<std::vector<SummaryAccumulator>> partial(summarise ? workers : 0);
  // Full mode writes straight into the result's columns; otherwise each worker writes into
  // buffers of its own, reused from chunk to chunk, so that memory does not grow with n.
  const auto chunk_size = static_cast<std::size_t>(std::min<std::uint64_t>(opt.chunk, total));
  const bool own_inputs = !(full && spec.keep_inputs), own_outputs = !full;
  struct Buffers {
    std::vector<std::vector<double>> x, y;
  };
  std::vector<Buffers> buffers(workers);
  parallel::Options po;
  po.threads = opt.threads;
  po.total = total;
  po.watch = progress;
  parallel::parallel_for(chunks, po, [&](std::uint64_t c, const parallel::Worker& w) {
    Buffers& buf = buffers[w.index()];
    if (own_inputs && buf.x.empty()) buf.x.assign(spec.inputs.size(), std::vector<double>(chunk_size));
    if (own_outputs && buf.y.empty()) buf.y.assign(out_ids.size(), std::vector<double>(chunk_size));
    const std::uint64_t b = opt.begin + c * opt.chunk;
    const std::uint64_t e = std::min(b + opt.chunk, end);
    const auto off = static_cast<std::size_t>(b - opt.begin), n = static_cast<std::size_t>(e - b);
    std::vector<double*> x(spec.inputs.size()), y(out_ids.size());
    for (std::size_t k = 0; k < x.size(); ++k)
      x[k] = own_inputs ? buf.x[k].data() : (into ? into->inputs[k].data() : res.inputs[k].data()) + off;
    for (std::size_t m = 0; m < y.size(); ++m)
      y[m] = own_outputs ? buf.y[m].data() : (into ? into->outputs[m].data() : res.outputs[m].data()) + off;
    const std::vector<const double*> cx(x.begin(), x.end());
    map.fill(b, e, x);
    const std::span<const std::uint64_t> keys = spec.draw_keys.empty()
                                                    ? std::span<const std::uint64_t>()
                                                    : std::span<const std::uint64_t>(spec.draw_keys.data() + b, n);
    ev.evaluate(b, e, map.ids(), cx, out_ids, y, keys);
    if (summarise) {
      auto& acc = partial[w.index()];
      if (acc.empty()) acc.resize(out_ids.size());
      for (std::size_t m = 0; m < out_ids.size(); ++m) acc[m].add(std::span<const double>(y[m], n));
    }
    w.advance(n);
  });
  if (!summarise) return res;
  res.summaries.assign(out_ids.size(), Summary());
  for (auto& p : partial)
    for (std::size_t m = 0; m < p.size(); ++m) p[m].flush_into(res.summaries[m]);
  return res;
}

}  // namespace aci::sweep
