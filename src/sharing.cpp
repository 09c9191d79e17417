// The LP-based solution concepts of aci::sharing (nucleolus, least core) on COIN-OR Clp, and the
// shown splits of a sharing problem (sharing/share.hpp), compiled once into aci_cost::sharing:
// only the targets that link it need Clp.
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/share.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <ClpSimplex.hpp>
#include <CoinMessageHandler.hpp>

#include "aci_cost/error.hpp"

namespace aci::sharing {
namespace {

/// Rows of one LP: coalition masks, each x(S) - t <= c(S) (free) or x(S) = c(S) + e (fixed).
struct Row {
  Coalition s;
  double low, high;
  bool with_t;
};

/// Solves min t over x (n columns, bounds xu) and t, with `rows`; returns primal x, t, row duals.
struct Solved {
  std::vector<double> x;
  double t = 0;
  std::vector<double> duals;
};

Solved solve(int n, const std::vector<Row>& rows, const std::vector<double>& x_upper) {
  const auto un = static_cast<std::size_t>(n);
  const int columns = n + 1;
  std::vector<CoinBigIndex> start;
  std::vector<int> index;
  std::vector<double> value;
  // Column-major: column j < n holds x_j's coefficient in each row that contains j; column n is t.
  for (int j = 0; j <= n; ++j) {
    start.push_back(static_cast<CoinBigIndex>(index.size()));
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const bool in = j < n ? ((rows[r].s >> j) & 1u) != 0 : rows[r].with_t;
      if (in) {
        index.push_back(static_cast<int>(r));
        value.push_back(j < n ? 1.0 : -1.0);
      }
    }
  }
  start.push_back(static_cast<CoinBigIndex>(index.size()));
  std::vector<double> col_low(un + 1, -COIN_DBL_MAX), col_up(un + 1, COIN_DBL_MAX), objective(un + 1, 0.0);
  for (std::size_t j = 0; j < un; ++j) col_up[j] = x_upper[j];
  objective[un] = 1.0;
  std::vector<double> row_low, row_up;
  for (const Row& r : rows) {
    row_low.push_back(r.low);
    row_up.push_back(r.high);
  }
  ClpSimplex model;
  model.setLogLevel(0);
  model.loadProblem(columns, static_cast<int>(rows.size()), start.data(), index.data(), value.data(), col_low.data(),
                    col_up.data(), objective.data(), row_low.data(), row_up.data());
  model.setOptimizationDirection(1.0);
  model.initialSolve();
  if (!model.isProvenOptimal()) {
    throw DomainError("aci::sharing: the LP solver (Clp) found no optimum (status " + std::to_string(model.status()) + ")");
  }
  Solved out;
  const double* primal = model.primalColumnSolution();
  out.x.assign(primal, primal + n);
  out.t = primal[n];
  const double* dual = model.dualRowSolution();
  out.duals.assign(dual, dual + rows.size());
  return out;
}

/// An orthonormal basis of the fixed coalitions' indicator vectors (Gram-Schmidt).
class Span {
 public:
  explicit Span(int n) : n_(static_cast<std::size_t>(n)) {}
  /// The residual of S's indicator vector against the basis.
  std::vector<double> residual(Coalition s) const {
    std::vector<double> v(n_);
    for (std::size_t j = 0; j < n_; ++j) v[j] = ((s >> j) & 1u) ? 1.0 : 0.0;
    for (const auto& b : basis_) {
      double dot = 0;
      for (std::size_t j = 0; j < n_; ++j) dot += v[j] * b[j];
      for (std::size_t j = 0; j < n_; ++j) v[j] -= dot * b[j];
    }
    return v;
  }
  /// True when S's vector lies in the span.
  bool contains(Coalition s) const {
    double norm = 0;
    for (double r : residual(s)) norm += r * r;
    return norm < 1e-12;
  }
  /// Adds S (if independent).
  void add(Coalition s) {
    std::vector<double> v = residual(s);
    double norm = 0;
    for (double r : v) norm += r * r;
    if (norm < 1e-12) return;
    for (double& r : v) r /= std::sqrt(norm);
    basis_.push_back(std::move(v));
  }
  std::size_t rank() const { return basis_.size(); }

 private:
  std::size_t n_;
  std::vector<std::vector<double>> basis_;
};

}  // namespace

Nucleolus nucleolus(const CostGame<double>& game) {
  const int n = game.players();
  ACI_COST_REQUIRE(n <= nucleolus_max_players, "game.players", n, "the nucleolus is computed for at most 16 players");
  const Coalition all = grand_coalition(n);
  Nucleolus out;
  double alone = 0;
  for (int i = 0; i < n; ++i) alone += game.alone(i);
  std::vector<double> x_upper(static_cast<std::size_t>(n), COIN_DBL_MAX);
  if (alone >= game.grand())  // the imputations exist: x_i <= c({i})
    for (int i = 0; i < n; ++i) x_upper[static_cast<std::size_t>(i)] = game.alone(i);
  std::vector<Row> fixed{{all, game.grand(), game.grand(), false}};
  std::vector<Coalition> free;
  for (Coalition s = 1; s < all; ++s) free.push_back(s);
  Span span(n);
  span.add(all);
  if (n == 1) {
    out.x = {game.grand()};
    return out;
  }
  std::vector<double> x;
  while (span.rank() < static_cast<std::size_t>(n)) {
    std::vector<Row> rows = fixed;
    for (Coalition s : free) rows.push_back({s, -COIN_DBL_MAX, game(s), true});
    const Solved lp = solve(n, rows, x_upper);
    ++out.linear_programs;
    out.levels.push_back(lp.t);
    x = lp.x;
    // A free row with a non-zero dual is tight in every optimum (complementary slackness):
    // its excess is fixed at t. Dual feasibility for t makes the free duals sum to 1, so at
    // least one row is fixed per LP.
    std::vector<Coalition> still;
    const std::size_t first_free = fixed.size();  // rows: the fixed ones, then the free ones
    double largest = 0;
    std::size_t largest_at = 0;
    for (std::size_t k = 0; k < free.size(); ++k) {
      const double d = std::abs(lp.duals[first_free + k]);
      if (d > largest) largest = d, largest_at = k;
    }
    for (std::size_t k = 0; k < free.size(); ++k) {
      const Coalition s = free[k];
      if (std::abs(lp.duals[first_free + k]) > 1e-9 || k == largest_at) {
        fixed.push_back({s, game(s) + lp.t, game(s) + lp.t, false});
        span.add(s);
      } else {
        still.push_back(s);
      }
    }
    // A coalition whose vector the fixed ones span has a fixed x(S): it no longer moves.
    free.clear();
    for (Coalition s : still)
      if (!span.contains(s)) free.push_back(s);
  }
  out.x = x;
  return out;
}

LeastCore least_core(const CostGame<double>& game) {
  const int n = game.players();
  ACI_COST_REQUIRE(n <= nucleolus_max_players, "game.players", n, "the least core is computed for at most 16 players");
  const Coalition all = grand_coalition(n);
  LeastCore out;
  if (n == 1) {
    out.x = {game.grand()};
    return out;
  }
  std::vector<Row> rows{{all, game.grand(), game.grand(), false}};
  for (Coalition s = 1; s < all; ++s) rows.push_back({s, -COIN_DBL_MAX, game(s), true});
  const Solved lp = solve(n, rows, std::vector<double>(static_cast<std::size_t>(n), COIN_DBL_MAX));
  out.epsilon = lp.t;
  out.x = lp.x;
  return out;
}

}  // namespace aci::sharing

#include <algorithm>
#include <cstdint>

#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/keys.hpp"
#include "aci_cost/sharing/shapley.hpp"

namespace aci::sharing {

SharingResult share(const SharingProblem& problem, const ShareOptions& options) {
  options.validate();
  const CoalitionCost<Decimal> exact_model = CoalitionCost<Decimal>::of(problem);
  const int n = exact_model.members;
  const auto un = static_cast<std::size_t>(n);
  SharingResult r;
  for (const Member& m : problem.members) {
    r.members.push_back(m.name);
    Decimal h(0);
    for (std::size_t p = 0; p < problem.posts.size(); ++p) h += m.hours[p] * m.weeks[p];
    r.hours.push_back(h);
  }
  const Coalition all = grand_coalition(n);
  r.grand_cost_exact = exact_model(all);
  r.grand_cost = Money(r.grand_cost_exact).rounded();
  Decimal alone(0);
  for (int i = 0; i < n; ++i) {
    r.stand_alone_exact.push_back(exact_model(Coalition{1} << i));
    r.stand_alone.push_back(Money(r.stand_alone_exact.back()).rounded());
    alone += r.stand_alone_exact.back();
  }
  // The shown saving is the shown figures' difference: the members' savings under a split add up to it.
  for (const Money& a : r.stand_alone) r.saving += a;
  r.saving -= r.grand_cost;

  const bool tabulated = n <= options.exact_max_members;
  r.exact_game = n <= options.decimal_max_members;
  std::optional<CostGame<Decimal>> game;
  std::optional<CostGame<double>> fast;
  if (tabulated) {
    if (r.exact_game) {
      game = exact_model.game();
    } else {
      fast = CoalitionCost<double>::of(problem).game();
      // The double path's values enter the exact world explicitly (shortest round-trip decimal).
      game = fast->map<Decimal>([](double v) { return decimal_from_double(v, "sharing.coalition_cost"); });
    }
  }
  const auto as_double = [&] {
    if (!fast) fast = game->map<double>([](const Decimal& v) { return scalar_cast<double>(v); });
    return *fast;
  };
  // A double solver's shares (LP, double Shapley) are good to ~1e-9 €: rounded to the micro-euro,
  // the noise below it cannot decide a cent (two paths then give the same cents).
  const auto from_doubles = [](const std::vector<double>& x) {
    std::vector<Decimal> out;
    for (double v : x) out.push_back(round_decimal(decimal_from_double(v, "sharing.share"), 6, Rounding::half_even));
    return out;
  };
  if (tabulated && n <= nucleolus_max_players) {
    const LeastCore lc = least_core(as_double());
    r.least_core = lc.epsilon;
    // A positive epsilon below the LP's tolerance is no evidence of an empty core.
    r.core_empty = lc.epsilon > 1e-7 * std::max(1.0, std::abs(scalar_cast<double>(r.grand_cost_exact)));
  }
  for (SplitMethod method : options.methods) {
    Split s;
    s.method = method;
    switch (method) {
      case SplitMethod::proportional: {
        // Needs only c(N): no table.
        Decimal total(0);
        for (const Decimal& h : r.hours) total += h;
        ACI_COST_REQUIRE(total > 0, "members.hours", "all zero", "a proportional split needs some hours");
        for (const Decimal& h : r.hours) s.exact.push_back(r.grand_cost_exact * h / total);
        break;
      }
      case SplitMethod::equal_saving: {
        const Decimal each = (alone - r.grand_cost_exact) / Decimal(n);
        for (const Decimal& a : r.stand_alone_exact) s.exact.push_back(a - each);
        break;
      }
      case SplitMethod::shapley: {
        if (tabulated) {
          s.exact = r.exact_game ? shapley_exact(*game) : from_doubles(shapley_exact(as_double()));
        } else {
          const CoalitionCost<double> model = CoalitionCost<double>::of(problem);
          const SampledShapley est = shapley_sampled(n, model, options.permutations, options.seed, options.threads);
          s.exact = from_doubles(est.value);
          s.standard_error = est.standard_error;
        }
        break;
      }
      case SplitMethod::nucleolus: {
        if (!tabulated || n > nucleolus_max_players) {
          r.notes.push_back("nucleolus: not computed for " + std::to_string(n) + " members (at most " +
                            std::to_string(nucleolus_max_players) + ")");
          continue;
        }
        s.exact = from_doubles(nucleolus(as_double()).x);
        break;
      }
    }
    s.shares = shares_to_cents(s.exact, r.grand_cost_exact);
    if (tabulated) {
      s.core_checked = true;
      s.blocking = blocking_coalitions(*game, s.exact);
    }
    r.splits.push_back(std::move(s));
  }
  if (!tabulated)
    r.notes.push_back("core check: not done for " + std::to_string(n) + " members (at most " +
                      std::to_string(options.exact_max_members) + ")");
  (void)un;
  return r;
}

}  // namespace aci::sharing
