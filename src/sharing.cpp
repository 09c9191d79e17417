// The LP-based solution concepts of aci::sharing (nucleolus, least core) on COIN-OR Clp, and the
// shown splits of a sharing problem (sharing/share.hpp), compiled once into aci_cost::sharing:
// only the targets that link it need Clp.
#include "aci_cost/sharing/nucleolus.hpp"
#include "aci_cost/sharing/share.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <vector>

#include <ClpSimplex.hpp>
#include <CoinMessageHandler.hpp>

#include "aci_cost/error.hpp"

namespace aci::sharing {
namespace {

/// Rows of one LP: coalition masks, each x(S) - w t <= c(S) (free, w the complaint's weight) or
/// x(S) = c(S) + e (fixed).
struct Row {
  Coalition s;
  double low, high;
  double t_weight;  ///< the coefficient of -t (0: a fixed row)
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
      const bool in = j < n ? ((rows[r].s >> j) & 1u) != 0 : rows[r].t_weight != 0;
      if (in) {
        index.push_back(static_cast<int>(r));
        value.push_back(j < n ? 1.0 : -rows[r].t_weight);
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
  // The LPs have 2^n rows and n + 1 columns. Measured on them (docs/performance.md): with the
  // shares bounded by the stand-alone costs (the nucleolus over imputations) Clp's dual simplex is
  // the fastest, without bounds (the least core, the prenucleolus) its primal, each by 5 to 15 times.
  const bool bounded = std::any_of(x_upper.begin(), x_upper.end(), [](double u) { return u < COIN_DBL_MAX; });
  if (bounded) {
    model.dual();
  } else {
    model.primal();
  }
  if (!model.isProvenOptimal()) {
    throw DomainError("aci::sharing: the LP solver (Clp) found no optimum (status " + std::to_string(model.status()) +
                      ")");
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

Nucleolus nucleolus(const CostGame<double>& game, Complaint complaint, NucleolusDomain domain) {
  const int n = game.players();
  ACI_COST_REQUIRE(n <= nucleolus_max_players, "game.players", n, "the nucleolus is computed for at most 16 players");
  const Coalition all = grand_coalition(n);
  Nucleolus out;
  double alone = 0;
  for (int i = 0; i < n; ++i) alone += game.alone(i);
  std::vector<double> x_upper(static_cast<std::size_t>(n), COIN_DBL_MAX);
  if (domain == NucleolusDomain::imputations && alone >= game.grand())  // the imputations exist: x_i <= c({i})
    for (int i = 0; i < n; ++i) x_upper[static_cast<std::size_t>(i)] = game.alone(i);
  const auto weight = [complaint](Coalition s) {
    return complaint == Complaint::per_capita ? static_cast<double>(std::popcount(s)) : 1.0;
  };
  std::vector<Row> fixed{{all, game.grand(), game.grand(), 0.0}};
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
    for (Coalition s : free) rows.push_back({s, -COIN_DBL_MAX, game(s), weight(s)});
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
        fixed.push_back({s, game(s) + weight(s) * lp.t, game(s) + weight(s) * lp.t, 0.0});
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
  std::vector<Row> rows{{all, game.grand(), game.grand(), 0.0}};
  for (Coalition s = 1; s < all; ++s) rows.push_back({s, -COIN_DBL_MAX, game(s), 1.0});
  const Solved lp = solve(n, rows, std::vector<double>(static_cast<std::size_t>(n), COIN_DBL_MAX));
  out.epsilon = lp.t;
  out.x = lp.x;
  return out;
}

LeastCore grouping_least_core(const CostGame<double>& game, const std::vector<Coalition>& groups) {
  const int n = game.players();
  ACI_COST_REQUIRE(n <= nucleolus_max_players, "game.players", n, "the least core is computed for at most 16 players");
  const Coalition all = grand_coalition(n);
  Coalition covered = 0;
  for (Coalition b : groups) {
    ACI_COST_REQUIRE(b != 0 && (b & ~all) == 0 && (b & covered) == 0, "grouping.groups", std::to_string(b),
                     "the groups must be disjoint, non-empty sets of the players");
    covered |= b;
  }
  ACI_COST_REQUIRE(covered == all, "grouping.groups", std::to_string(covered), "the groups must cover every player");
  std::vector<Row> rows;
  for (Coalition b : groups) rows.push_back({b, game(b), game(b), 0.0});
  for (Coalition s = 1; s <= all; ++s)
    if (std::find(groups.begin(), groups.end(), s) == groups.end()) rows.push_back({s, -COIN_DBL_MAX, game(s), 1.0});
  LeastCore out;
  if (rows.size() == groups.size()) {  // one player: nothing can block
    out.x = {game.grand()};
    return out;
  }
  const Solved lp = solve(n, rows, std::vector<double>(static_cast<std::size_t>(n), COIN_DBL_MAX));
  out.epsilon = lp.t;
  out.x = lp.x;
  return out;
}

}  // namespace aci::sharing

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <sstream>
#include <tuple>

#include "aci_cost/sharing/coalition_cost.hpp"
#include "aci_cost/sharing/grouping.hpp"
#include "aci_cost/sharing/keys.hpp"
#include "aci_cost/sharing/shapley.hpp"

namespace aci::sharing {
namespace {

/// x rounded down to the cent: an invoice never exceeds the cost it passes on (L8241-1). A hair
/// below a whole cent counts as it: a quotient (the hourly cost) may be off in its 50th digit.
Money floor_cents(const Decimal& x) {
  static const Decimal hair("1e-25");  // immutable after its thread-safe initialisation
  return Money(boost::multiprecision::floor(x * 100u + hair) / 100u);
}
/// A quantity to 0.01 (hours, km, h/week shown).
Decimal hundredths(const Decimal& x) { return round_decimal(x, 2, Rounding::half_away_from_zero); }
/// A double solver's result in the exact world: to the micro-euro, so that the noise below it
/// (~1e-9 €) cannot decide a cent (two paths then give the same cents).
Decimal from_double(double v) { return round_decimal(decimal_from_double(v, "sharing.share"), 6, Rounding::half_even); }
std::vector<Decimal> from_doubles(const std::vector<double>& x) {
  std::vector<Decimal> out;
  for (double v : x) out.push_back(from_double(v));
  return out;
}

/// The members of a mask, in order.
std::vector<int> members_of(Coalition s) { return players_of(s); }

/// The full mask of a compact mask over `who` (bit k of `compact` is member who[k]).
Coalition expand(Coalition compact, const std::vector<int>& who) {
  Coalition out = 0;
  for (std::size_t k = 0; k < who.size(); ++k)
    if ((compact >> k) & 1u) out |= Coalition{1} << who[k];
  return out;
}

/// The game `g` restricted to the players `who` (compact masks).
template <class T>
CostGame<T> restricted(const CostGame<T>& g, const std::vector<int>& who) {
  return CostGame<T>::tabulate(static_cast<int>(who.size()), [&](Coalition c) { return g(expand(c, who)); });
}

/// `compact` (one value per player of `who`) spread back to n members (zeros elsewhere).
template <class T>
std::vector<T> spread_back(const std::vector<T>& compact, const std::vector<int>& who, int n) {
  std::vector<T> out(static_cast<std::size_t>(n), T(0));
  for (std::size_t k = 0; k < who.size(); ++k) out[static_cast<std::size_t>(who[k])] = compact[k];
  return out;
}

/// Whole cents for the members `who` adding up to `total`, close to `exact` (others: 0).
std::vector<Money> cents_over(const std::vector<Decimal>& exact, const std::vector<int>& who, const Money& total,
                              int n) {
  std::vector<Money> out(static_cast<std::size_t>(n));
  if (who.empty()) return out;
  std::vector<Decimal> part;
  for (int i : who) part.push_back(exact[static_cast<std::size_t>(i)]);
  const std::vector<Money> cents = shares_to_total(part, total);
  for (std::size_t k = 0; k < who.size(); ++k) out[static_cast<std::size_t>(who[k])] = cents[k];
  return out;
}

/// A split computed for some coalition: exact shares and whole cents (n entries each).
struct Computed {
  std::vector<Decimal> exact;
  std::vector<Money> shares;
  std::vector<double> standard_error;
};

/// The names of a coalition's members, "A, B".
std::string names_of(Coalition s, const std::vector<std::string>& names) {
  std::string out;
  for (int i : players_of(s)) out += (out.empty() ? "" : ", ") + names[static_cast<std::size_t>(i)];
  return out;
}

/// The machinery of share(): the exact model, the tabulated games, and the splits of any
/// coalition (the grand coalition, or the grand coalition less one member).
class Engine {
 public:
  Engine(const SharingProblem& problem, const ShareOptions& options)
      : options_(options), model_(CoalitionCost<Decimal>::of(problem)) {
    n_ = model_.members;
    posts_ = problem.posts.size();
    tabulated_ = n_ <= options.exact_max_members;
    exact_game_ = n_ <= options.decimal_max_members;
    if (!exact_game_ || !tabulated_) fast_.emplace(CoalitionCost<double>::of(problem));
    if (tabulated_) {
      for (std::size_t p = 0; p < posts_; ++p) {
        if (exact_game_) {
          post_games_.push_back(model_.post_game(p));
        } else {
          // The double path's values enter the exact world explicitly (shortest round-trip decimal).
          post_games_.push_back(fast_->post_game(p).map<Decimal>(
              [](double v) { return decimal_from_double(v, "sharing.coalition_cost"); }));
        }
      }
      std::vector<Decimal> total(std::size_t{1} << n_, Decimal(0));
      for (const auto& g : post_games_)
        for (std::size_t s = 0; s < total.size(); ++s) total[s] += g(static_cast<Coalition>(s));
      total_ = CostGame<Decimal>::from_values(n_, std::move(total));
    }
  }

  int n() const { return n_; }
  std::size_t posts() const { return posts_; }
  bool tabulated() const { return tabulated_; }
  bool exact_game() const { return exact_game_; }
  const CoalitionCost<Decimal>& model() const { return model_; }
  const CostGame<Decimal>& total_game() const { return *total_; }
  const CostGame<Decimal>& post_game(std::size_t p) const { return post_games_[p]; }
  const CostGame<double>& total_double() const {
    if (!total_double_) total_double_ = total_->map<double>([](const Decimal& v) { return scalar_cast<double>(v); });
    return *total_double_;
  }

  /// Each post's cost for S to the cent, adding up to c(S) to the cent (round_parts).
  std::vector<Money> post_totals(Coalition s) const {
    std::vector<Decimal> exact;
    for (std::size_t p = 0; p < posts_; ++p) exact.push_back(model_.post_cost(p, s));
    return round_parts(exact).parts;
  }

  /// The users of post p in S, in order.
  std::vector<int> users(std::size_t p, Coalition s) const { return members_of(model_.users(p, s)); }

  /// The at-cost split of post p for S: borrowers' invoices rounded down to the cent, the lender
  /// (or, in a group, everyone by largest remainder) closing to `total`.
  Computed at_cost(std::size_t p, Coalition s, const Money& total,
                   std::vector<LendingInvoice>* invoices = nullptr) const {
    const AtCost<Decimal> a = model_.at_cost(p, s);
    Computed out{a.share, {}, {}};
    const std::vector<int> who = users(p, s);
    if (a.lender < 0 || who.size() < 2) {
      out.shares = cents_over(a.share, who, total, n_);
      return out;
    }
    out.shares.assign(static_cast<std::size_t>(n_), Money());
    Money invoiced;
    for (int i : who) {
      if (i == a.lender) continue;
      const auto ui = static_cast<std::size_t>(i);
      LendingInvoice inv;
      inv.member = i;
      inv.hours = hundredths(a.hours[ui]);
      inv.km = hundredths(a.km[ui]);
      inv.labour = floor_cents(a.hours[ui] * a.rate);
      inv.expenses = floor_cents(a.km[ui] * model_.posts[p].cost_per_km);
      inv.total = inv.labour + inv.expenses;
      out.shares[ui] = inv.total;
      invoiced += inv.total;
      if (invoices != nullptr) invoices->push_back(inv);
    }
    out.shares[static_cast<std::size_t>(a.lender)] = total - invoiced;
    return out;
  }

  /// Split `m` of post p's cost for S (total: its cost to the cent); nullopt when not computed here.
  /// Remembered: the whole problem's splits and the departures ask for the same ones again.
  std::optional<Computed> post_split(std::size_t p, Coalition s, SplitMethod m, const Money& total) const {
    const auto key = std::make_tuple(p, s, m, total.cents());
    if (const auto hit = cache_.find(key); hit != cache_.end()) return hit->second;
    return cache_[key] = compute_post_split(p, s, m, total);
  }

 private:
  std::optional<Computed> compute_post_split(std::size_t p, Coalition s, SplitMethod m, const Money& total) const {
    const std::vector<int> who = users(p, s);
    const Decimal cost = model_.post_cost(p, s);
    Computed out;
    out.exact.assign(static_cast<std::size_t>(n_), Decimal(0));
    switch (m) {
      case SplitMethod::at_cost:
        return at_cost(p, s, total);
      case SplitMethod::proportional: {
        Decimal hours(0);
        for (int i : who) hours += model_.need_of(p, i);
        for (int i : who) out.exact[static_cast<std::size_t>(i)] = cost * model_.need_of(p, i) / hours;
        break;
      }
      case SplitMethod::equal_saving: {
        if (who.empty()) break;
        Decimal alone(0);
        for (int i : who) alone += model_.post_cost(p, Coalition{1} << i);
        const Decimal each = (alone - cost) / Decimal(static_cast<int>(who.size()));
        for (int i : who) out.exact[static_cast<std::size_t>(i)] = model_.post_cost(p, Coalition{1} << i) - each;
        break;
      }
      case SplitMethod::shapley: {
        if (who.empty()) break;
        if (tabulated_) {
          const auto g = restricted(post_games_[p], who);
          const auto phi =
              exact_game_
                  ? shapley_exact(g)
                  : from_doubles(shapley_exact(g.map<double>([](const Decimal& v) { return scalar_cast<double>(v); })));
          out.exact = spread_back(phi, who, n_);
        } else {
          const auto est = shapley_sampled(
              n_, [this, p, s](Coalition c) { return fast_->post_cost(p, c & s); }, options_.permutations,
              options_.seed, options_.threads, options_.watch);
          out.exact = from_doubles(est.value);
          out.standard_error = est.standard_error;
        }
        break;
      }
      case SplitMethod::nucleolus:
      case SplitMethod::per_capita_nucleolus: {
        if (who.empty()) break;
        if (!tabulated_ || static_cast<int>(who.size()) > nucleolus_max_players) return std::nullopt;
        const auto g =
            restricted(post_games_[p], who).map<double>([](const Decimal& v) { return scalar_cast<double>(v); });
        const auto nu = nucleolus(g, m == SplitMethod::per_capita_nucleolus ? Complaint::per_capita : Complaint::total);
        out.exact = spread_back(from_doubles(nu.x), who, n_);
        break;
      }
    }
    out.shares = cents_over(out.exact, who, total, n_);
    return out;
  }

 public:
  /// Split `m` of the whole problem for S; post by post when `by_post` (additive methods, or a
  /// split shown outside a frame so that each lent post's excess shows), else on the whole game.
  std::optional<Computed> whole_split(Coalition s, SplitMethod m, bool by_post) const {
    const std::vector<Money> totals = post_totals(s);
    Money total;
    for (const Money& t : totals) total += t;
    const std::vector<int> who = members_of(s);
    Computed out;
    out.exact.assign(static_cast<std::size_t>(n_), Decimal(0));
    out.shares.assign(static_cast<std::size_t>(n_), Money());
    if (m == SplitMethod::shapley && !tabulated_) {
      const auto est = shapley_sampled(
          n_, [this, s](Coalition c) { return (*fast_)(c & s); }, options_.permutations, options_.seed,
          options_.threads, options_.watch);
      out.exact = from_doubles(est.value);
      out.standard_error = est.standard_error;
      out.shares = cents_over(out.exact, who, total, n_);
      return out;
    }
    if (by_post || posts_ == 1) {  // one post: its game is the whole game
      for (std::size_t p = 0; p < posts_; ++p) {
        const auto part = post_split(p, s, m, totals[p]);
        if (!part) return std::nullopt;
        for (std::size_t i = 0; i < out.exact.size(); ++i) {
          out.exact[i] += part->exact[i];
          out.shares[i] += part->shares[i];
        }
      }
      return out;
    }
    const Decimal cost = model_(s);
    switch (m) {
      case SplitMethod::equal_saving: {
        Decimal alone(0);
        for (int i : who) alone += model_(Coalition{1} << i);
        const Decimal each = (alone - cost) / Decimal(static_cast<int>(who.size()));
        for (int i : who) out.exact[static_cast<std::size_t>(i)] = model_(Coalition{1} << i) - each;
        break;
      }
      case SplitMethod::nucleolus:
      case SplitMethod::per_capita_nucleolus: {
        if (!tabulated_ || static_cast<int>(who.size()) > nucleolus_max_players) return std::nullopt;
        const auto g = restricted(*total_, who).map<double>([](const Decimal& v) { return scalar_cast<double>(v); });
        const auto nu = nucleolus(g, m == SplitMethod::per_capita_nucleolus ? Complaint::per_capita : Complaint::total);
        out.exact = spread_back(from_doubles(nu.x), who, n_);
        break;
      }
      default:
        return whole_split(s, m, true);  // additive: post by post
    }
    out.shares = cents_over(out.exact, who, total, n_);
    return out;
  }

 private:
  const ShareOptions& options_;
  CoalitionCost<Decimal> model_;
  std::optional<CoalitionCost<double>> fast_;
  int n_ = 0;
  std::size_t posts_ = 0;
  bool tabulated_ = true, exact_game_ = true;
  std::vector<CostGame<Decimal>> post_games_;
  std::optional<CostGame<Decimal>> total_;
  mutable std::optional<CostGame<double>> total_double_;
  mutable std::map<std::tuple<std::size_t, Coalition, SplitMethod, std::int64_t>, std::optional<Computed>> cache_;
};

/// The findings of a split shown outside a lent post's frame: each borrower's share against the
/// at-cost invoice.
std::vector<Finding> lending_findings(const Engine& e, const SharingProblem& problem, std::size_t p,
                                      const std::vector<Money>& shares, const std::vector<Money>& at_cost, int lender) {
  std::vector<Finding> out;
  const Money cent = Money::from_cents(1);
  for (int i : e.users(p, grand_coalition(e.n()))) {
    if (i == lender) continue;
    const auto ui = static_cast<std::size_t>(i);
    Finding f;
    f.post = problem.posts[p].name;
    f.member = problem.members[ui].name;
    f.charged = shares[ui];
    f.at_cost = at_cost[ui];
    if (f.difference() >= cent) {
      f.kind = FindingKind::lucrative_lending;
      out.push_back(f);
    } else if (f.difference() <= -cent) {
      f.kind = FindingKind::below_cost_lending;
      out.push_back(f);
    }
  }
  return out;
}

/// A percentage to 0.1 as text.
std::string percent(const Money& part, const Money& whole) {
  if (whole == Money()) return "0";
  return to_string(round_decimal(part.amount() * 100u / whole.amount(), 1, Rounding::half_away_from_zero));
}

/// The grouping shown for a game given by its values to the cent over `who`.
GroupingResult grouping_of(const std::vector<std::int64_t>& cents, const std::vector<int>& who, const Money& alone,
                           const Money& grand) {
  const int k = static_cast<int>(who.size());
  const Grouping<std::int64_t> best = best_grouping(k, cents);
  GroupingResult g;
  for (Coalition b : best.groups) g.groups.push_back(expand(b, who));
  g.cost = Money::from_cents(best.cost);
  g.saving_vs_alone = alone - g.cost;
  g.saving_vs_grand = grand - g.cost;
  for (const auto& o : optimal_groupings(k, cents, 16)) {
    std::vector<Coalition> groups;
    for (Coalition b : o.groups) groups.push_back(expand(b, who));
    g.optimal.push_back(groups);
  }
  return g;
}

}  // namespace

SharingResult share(const SharingProblem& problem, const ShareOptions& options) {
  options.validate();
  problem.validate();
  const std::size_t posts = problem.posts.size();
  // The splits asked for, resolved against the frames before anything is computed.
  std::vector<std::vector<SplitMethod>> post_methods(posts);
  for (std::size_t p = 0; p < posts; ++p) {
    const FrameKind kind = problem.posts[p].frame.kind;
    if (!options.methods.empty()) {
      post_methods[p] = options.methods;
    } else if (options.show_unlawful) {
      post_methods[p].assign(all_split_methods.begin(), all_split_methods.end());
    } else {
      post_methods[p] = allowed_splits(kind);
    }
    for (SplitMethod m : post_methods[p])
      if (!split_allowed(kind, m) && !options.show_unlawful)
        throw InvalidInput("posts[" + problem.posts[p].name + "].frame.kind",
                           "\"" + std::string(frame_name(kind)) + "\"", split_refusal(kind, m));
  }
  const auto lawful_everywhere = [&](SplitMethod m) {
    for (const SharedPost& post : problem.posts)
      if (!split_allowed(post.frame.kind, m)) return false;
    return true;
  };
  std::vector<SplitMethod> whole_methods;
  for (SplitMethod m : options.methods.empty()
                           ? std::vector<SplitMethod>(all_split_methods.begin(), all_split_methods.end())
                           : options.methods)
    if (!options.methods.empty() || options.show_unlawful || lawful_everywhere(m)) whole_methods.push_back(m);

  std::vector<std::string> grid_notes;
  for (const SharedPost& post : problem.posts) {
    if (post.grid_level.empty()) continue;
    const std::string path = "posts[" + post.name + "]";
    // The grid given, else the collective agreement's of the problem's rate table: the level is a
    // class of IDCC 3016 (rates::Rate::ccn_coefficient keys, e.g. "accompagnateur_c").
    const GridLookup rate_table_grid = [&problem](std::string_view level,
                                                  const Date& date) -> std::optional<GridMinimum> {
      const std::string key(level);
      try {
        const auto& coefficient = problem.rate_table.in_force(rates::Rate::ccn_coefficient, date, key);
        const auto& point = problem.rate_table.in_force(rates::Rate::ccn_point_value, date);
        return GridMinimum{key, Money(coefficient.value * point.value),
                           point.source + " x the class's coefficient (" + coefficient.source + ")"};
      } catch (const NoRateInForce&) {
        return std::nullopt;
      }
    };
    const GridLookup& grid = options.grid_minimum ? options.grid_minimum : rate_table_grid;
    const std::optional<GridMinimum> minimum = grid(post.grid_level, problem.date);
    ACI_COST_REQUIRE(minimum.has_value(), path + ".grid_level", "\"" + post.grid_level + "\"",
                     "no such level in the collective agreement's grid at " + problem.date.to_string());
    rates::RateLookup lookup(problem.rate_table, problem.date);
    const Decimal hourly = post.staff.pay_basis == people::PayBasis::smic ? lookup.value(rates::Rate::smic_hourly)
                                                                          : post.staff.pay.amount();
    check_grid_pay(hourly, *minimum, post.pay_override, path);
    if (hourly < minimum->hourly())
      grid_notes.push_back(path + ": pay " + to_string(hourly) + " €/h below the grid's level " + post.grid_level +
                           " minimum " + Money(minimum->hourly()).rounded().to_string() + " €/h (pay_override)");
  }

  const Engine e(problem, options);
  const int n = e.n();
  const auto un = static_cast<std::size_t>(n);
  const Coalition all = grand_coalition(n);
  const auto& model = e.model();
  SharingResult r;
  r.exact_game = e.exact_game();
  for (const SharedPost& post : problem.posts) r.post_names.push_back(post.name);
  for (const Member& m : problem.members) {
    r.members.push_back(m.name);
    Decimal h(0);
    for (std::size_t p = 0; p < posts; ++p) h += m.need(p);
    r.hours.push_back(h);
  }

  // --- stand-alone costs, under the declared rules and the two bounds ---------------------------
  const Decimal legal_floor(part_time_minimum_hours), no_floor(0);
  Money alone_total, alone_legal_total, alone_need_total;
  std::vector<std::vector<Money>> alone_by_post(posts, std::vector<Money>(un));
  for (std::size_t i = 0; i < un; ++i) {
    const int mi = static_cast<int>(i);
    std::vector<Decimal> declared, legal, need;
    for (std::size_t p = 0; p < posts; ++p) {
      const bool uses = model.need_of(p, mi) > 0;
      declared.push_back(model.post_cost(p, Coalition{1} << i));
      legal.push_back(uses ? model.alone_cost(p, mi, legal_floor) : Decimal(0));
      need.push_back(uses ? model.alone_cost(p, mi, no_floor) : Decimal(0));
    }
    const RoundedParts d = round_parts(declared), l = round_parts(legal), w = round_parts(need);
    r.stand_alone.push_back(d.total);
    alone_total += d.total;
    alone_legal_total += l.total;
    alone_need_total += w.total;
    std::vector<StandAlone> row;
    for (std::size_t p = 0; p < posts; ++p) {
      StandAlone a;
      a.rule = problem.members[i].alone_rule(p);
      a.need_hours = problem.members[i].need(p);
      if (model.need_of(p, mi) > 0) {
        const Staffing<Decimal> st = model.staffing(p, Coalition{1} << i);
        a.contract_hours = hundredths(st.weekly);
        a.persons = st.persons;
      }
      a.cost = d.parts[p];
      a.cost_at_legal_minimum = l.parts[p];
      a.cost_at_need = w.parts[p];
      alone_by_post[p][i] = d.parts[p];
      row.push_back(a);
    }
    r.assumptions.push_back(std::move(row));
  }
  const std::vector<Money> grand_by_post = e.post_totals(all);
  for (const Money& g : grand_by_post) r.grand_cost += g;
  r.saving = alone_total - r.grand_cost;

  // --- which assumption drives the saving -----------------------------------------------------
  {
    SavingDriver& d = r.driver;
    d.saving = r.saving;
    d.saving_at_legal_minimum = alone_legal_total - r.grand_cost;
    d.saving_at_need = alone_need_total - r.grand_cost;
    d.from_part_time_minimum = d.saving - d.saving_at_need;
    d.minimum_drives = d.from_part_time_minimum > std::max(d.saving_at_need, Money());
    std::string held, derogating;
    for (std::size_t i = 0; i < un; ++i) {
      bool held_i = false, derog_i = false;
      for (std::size_t p = 0; p < posts; ++p) {
        const StandAlone& a = r.assumptions[i][p];
        if (a.need_hours == 0) continue;
        if (a.rule.derogation())
          derog_i = true;
        else if (a.cost > a.cost_at_need)
          held_i = true;
      }
      if (held_i) held += (held.empty() ? "" : ", ") + r.members[i];
      if (derog_i) derogating += (derogating.empty() ? "" : ", ") + r.members[i];
    }
    std::ostringstream t;
    if (d.saving > Money()) {
      t << "Sharing saves " << d.saving.format_fr() << " a year (" << percent(d.saving, alone_total)
        << " % of the stand-alone costs). ";
    } else {
      t << "Sharing everything costs " << (-d.saving).format_fr() << " a year more than going alone. ";
    }
    if (d.from_part_time_minimum > Money()) {
      t << d.from_part_time_minimum.format_fr() << " of the comparison comes from the 24 h/week minimum (C. trav. "
        << "L3123-27) that the ACIs alone without a derogation (" << held << ") would have to pay for; if each hired "
        << "only the hours it needs (e.g. at the employee's written request to combine several jobs, L3123-7), the "
        << "saving would be " << d.saving_at_need.format_fr() << ". ";
      if (d.saving_at_need <= Money()) {
        t << "Pooling itself saves nothing here: the 24 h assumption makes whatever saving shows (see the best "
          << "grouping).";
      } else {
        t << (d.minimum_drives ? "The 24 h assumption, not the pooling, drives the saving."
                               : "The pooling of hours and fixed costs drives the saving.");
      }
    } else {
      t << "Each ACI alone is costed at the hours it needs"
        << (derogating.empty() ? "" : " (derogations declared: " + derogating + ")")
        << ": the comparison rests on pooling the hours, the per-person costs and the round. With every ACI alone "
        << "at the 24 h/week minimum the saving would read " << d.saving_at_legal_minimum.format_fr() << ".";
    }
    d.text = t.str();
  }

  // --- per post: frame, invoices or group costs, splits ----------------------------------------
  for (std::size_t p = 0; p < posts; ++p) {
    const SharedPost& post = problem.posts[p];
    PostResult pr{post.name,
                  post.frame.kind,
                  post.frame.source(),
                  allowed_splits(post.frame.kind),
                  post.frame.part_time,
                  {},
                  grand_by_post[p],
                  alone_by_post[p],
                  {},
                  {},
                  {},
                  -1,
                  {},
                  {},
                  {},
                  {},
                  {}};
    for (std::size_t i = 0; i < un; ++i) pr.users.push_back(model.need_of(p, static_cast<int>(i)) > 0);
    for (const Money& a : pr.stand_alone) pr.saving += a;
    pr.saving -= pr.grand_cost;
    const Staffing<Decimal> st = model.staffing(p, all);
    pr.persons = st.persons;
    pr.weekly_hours = hundredths(st.weekly);
    const Computed at_cost = e.at_cost(p, all, pr.grand_cost, &pr.invoices);
    if (st.count >= 2) {
      const AtCost<Decimal> a = model.at_cost(p, all);
      pr.lender = a.lender;
      pr.hourly_cost = Money(a.rate).rounded();
      if (post.frame.kind == FrameKind::employers_group) {
        const auto& s = model.posts[p];
        const Decimal staff = st.persons * st.person.annual_cost;
        const std::vector<Decimal> parts = {staff + st.persons * s.per_person_fixed, staff * s.overhead_rate,
                                            s.group_fixed, Decimal(st.count) * s.fee_per_member,
                                            s.rounds_per_year * st.tour_km * model.distance_scale * s.cost_per_km +
                                                Decimal(st.count) * s.coordination_per_member};
        const std::vector<Money> shown = shares_to_total(parts, pr.grand_cost);
        pr.group = GroupCosts{
            shown[0], shown[1],
            shown[2], shown[3],
            shown[4], Money(st.persons * (st.person.annual_gross + st.person.employer_contributions)).rounded()};
      }
    }
    for (SplitMethod m : post_methods[p]) {
      const auto c = e.post_split(p, all, m, pr.grand_cost);
      if (!c) {
        r.notes.push_back("posts[" + post.name + "]: " + std::string(split_name(m)) + " not computed for " +
                          std::to_string(e.users(p, all).size()) + " users (at most " +
                          std::to_string(nucleolus_max_players) + ", tabulated)");
        continue;
      }
      Split s;
      s.method = m;
      s.lawful = split_allowed(post.frame.kind, m);
      s.exact = c->exact;
      s.shares = c->shares;
      s.standard_error = c->standard_error;
      if (e.tabulated()) {
        s.core_checked = true;
        s.blocking = blocking_coalitions(e.post_game(p), s.shares);
      }
      if (!s.lawful) s.findings = lending_findings(e, problem, p, s.shares, at_cost.shares, pr.lender);
      pr.splits.push_back(std::move(s));
    }
    const std::vector<int> who = e.users(p, all);
    if (e.tabulated() && !who.empty() && static_cast<int>(who.size()) <= grouping_max_players) {
      const auto g = restricted(e.post_game(p), who);
      std::vector<std::int64_t> cents;
      for (const Decimal& v : g.values()) cents.push_back(Money(v).rounded().cents());
      Money alone;
      for (int i : who) alone += pr.stand_alone[static_cast<std::size_t>(i)];
      pr.grouping = grouping_of(cents, who, alone, pr.grand_cost);
    }
    r.posts.push_back(std::move(pr));
  }

  // --- the whole problem: core check, splits, departures, best grouping -------------------------
  const bool lp_size = e.tabulated() && n <= nucleolus_max_players;
  std::optional<LeastCore> grand_least_core;
  if (lp_size) {
    const LeastCore& lc = grand_least_core.emplace(least_core(e.total_double()));
    const double scale = std::max(1.0, std::abs(scalar_cast<double>(model(all))));
    // A positive epsilon below the LP's tolerance is no evidence of an empty core.
    const bool empty = lc.epsilon > 1e-7 * scale;
    r.core.empty = empty;
    r.core.least_core = Money(from_double(lc.epsilon)).rounded();
    std::ostringstream t;
    if (empty) {
      const Nucleolus pre = nucleolus(e.total_double(), Complaint::total, NucleolusDomain::preimputations);
      const std::vector<Money> split = shares_to_total(from_doubles(pre.x), r.grand_cost);
      const auto sums = coalition_sums(pre.x);
      for (const BlockingCoalition& b : blocking_coalitions(e.total_game(), split))
        if (sums[b.members] - e.total_double()(b.members) >= lc.epsilon - 1e-6 * scale) r.core.tight.push_back(b);
      t << "The core is empty: whatever the split, some group of ACIs would pay less on its own. The least core is "
        << "the smallest excess every group must then accept: " << r.core.least_core->format_fr()
        << " a year. The least-core split that then makes the next excesses as small as possible (the prenucleolus) "
        << "charges";
      std::size_t k = 0;
      for (const BlockingCoalition& b : r.core.tight) {
        if (k == 3) break;
        t << (k++ == 0 ? " " : "; ") << "{" << names_of(b.members, r.members) << "} " << b.charged.format_fr()
          << " against " << b.cost.format_fr() << " on their own";
      }
      t << ". Sharing in smaller groups may cost less: see the best grouping.";
    } else {
      t << "The core is not empty: some splits leave no group of ACIs better off on its own (the nucleolus is one); "
        << "at the least core's split every group saves at least " << (-*r.core.least_core).format_fr()
        << " a year against going its own way.";
    }
    r.core.text = t.str();
  } else {
    r.notes.push_back("core check: not done for " + std::to_string(n) + " members (at most " +
                      std::to_string(std::min(nucleolus_max_players, options.exact_max_members)) + ")");
  }

  for (SplitMethod m : whole_methods) {
    const bool lawful = lawful_everywhere(m);
    const bool by_post = split_is_additive(m) || !lawful;
    const auto c = e.whole_split(all, m, by_post);
    if (!c) {
      r.notes.push_back(std::string(split_name(m)) + ": not computed for " + std::to_string(n) + " members (at most " +
                        std::to_string(nucleolus_max_players) + ", tabulated)");
      continue;
    }
    Split s;
    s.method = m;
    s.lawful = lawful;
    s.exact = c->exact;
    s.shares = c->shares;
    s.standard_error = c->standard_error;
    if (e.tabulated()) {
      s.core_checked = true;
      s.blocking = blocking_coalitions(e.total_game(), s.shares);
    }
    if (!lawful)
      for (std::size_t p = 0; p < posts; ++p)
        for (const Split& ps : r.posts[p].splits)
          if (ps.method == m) s.findings.insert(s.findings.end(), ps.findings.begin(), ps.findings.end());
    if (e.tabulated() && n >= 2 && n <= options.departures_max_members) {
      for (int k = 0; k < n; ++k) {
        const Coalition rest = all & ~(Coalition{1} << k);
        const auto w = e.whole_split(rest, m, by_post);
        if (!w) continue;
        Departure d;
        d.member = k;
        for (const Money& t : e.post_totals(rest)) d.cost_without += t;
        d.shares = w->shares;
        d.change.assign(un, Money());
        for (std::size_t i = 0; i < un; ++i)
          if (static_cast<int>(i) != k) d.change[i] = d.shares[i] - s.shares[i];
        s.departures.push_back(std::move(d));
      }
    }
    r.splits.push_back(std::move(s));
  }
  if (!e.tabulated())
    r.notes.push_back("blocking coalitions: not searched for " + std::to_string(n) + " members (at most " +
                      std::to_string(options.exact_max_members) + ")");

  if (e.tabulated() && n <= grouping_max_players) {
    std::vector<std::int64_t> cents;
    for (const Decimal& v : e.total_game().values()) cents.push_back(Money(v).rounded().cents());
    std::vector<int> everyone(un);
    for (std::size_t i = 0; i < un; ++i) everyone[i] = static_cast<int>(i);
    GroupingResult g = grouping_of(cents, everyone, alone_total, r.grand_cost);
    if (lp_size) {
      // All together: the grouping's least core is the least core, already solved.
      const LeastCore cs = g.groups.size() == 1 ? *grand_least_core : grouping_least_core(e.total_double(), g.groups);
      const double scale = std::max(1.0, std::abs(scalar_cast<double>(model(all))));
      g.stable = cs.epsilon <= 1e-7 * scale;
      if (*g.stable) {
        g.split.assign(un, Money());
        const std::vector<Decimal> x = from_doubles(cs.x);
        for (Coalition b : g.groups) {
          const std::vector<int> who = members_of(b);
          const auto part = cents_over(x, who, Money::from_cents(cents[b]), n);
          for (int i : who) g.split[static_cast<std::size_t>(i)] = part[static_cast<std::size_t>(i)];
        }
      }
    }
    r.grouping = std::move(g);
  } else {
    r.notes.push_back("best grouping: not searched for " + std::to_string(n) + " members (at most " +
                      std::to_string(grouping_max_players) + ", tabulated)");
  }
  r.notes.insert(r.notes.end(), grid_notes.begin(), grid_notes.end());
  return r;
}

}  // namespace aci::sharing
