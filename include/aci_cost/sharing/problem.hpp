// aci::sharing::SharingProblem: the ACIs that want to share posts — each one's need of each post
// (hours a week, weeks a year) and the contract it would sign alone (may it go below 24 h a week,
// and on what legal basis), the distance and travel-time matrices between their sites — and the
// posts themselves, at a date (the rates: SMIC, the 2026 reduction).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "aci_cost/date.hpp"
#include "aci_cost/decimal.hpp"
#include "aci_cost/error.hpp"
#include "aci_cost/rates/rate_table.hpp"
#include "aci_cost/sharing/part_time.hpp"
#include "aci_cost/sharing/post.hpp"

namespace aci::sharing {

/// Largest number of members a problem may have (a coalition is a 64-bit mask; exact methods
/// stop at 20, sampling goes on).
inline constexpr std::size_t max_members = 63;

/// One ACI and its needs.
struct Member {
  std::string name;            ///< the ACI
  std::vector<Decimal> hours;  ///< per post (problem order): hours a week needed, h/week
  std::vector<Decimal> weeks;  ///< per post: weeks a year needed, weeks/year
  /// Per post: the contract the ACI would sign alone — the 24 h minimum, or a derogation and its
  /// legal basis (an empty list: the 24 h minimum for every post).
  std::vector<PartTimeRule> alone;

  /// The rule for post p alone (the 24 h minimum when `alone` is empty).
  PartTimeRule alone_rule(std::size_t p) const { return alone.empty() ? PartTimeRule{} : alone[p]; }
  /// Hours a year needed of post p, h/year.
  Decimal need(std::size_t p) const { return hours[p] * weeks[p]; }
  friend bool operator==(const Member&, const Member&) = default;
};

/// The posts, the members, and the geography.
struct SharingProblem {
  Date date{2026, 1, 1};                                     ///< the rates' date
  std::vector<SharedPost> posts;                             ///< the posts to share
  std::vector<Member> members;                               ///< the ACIs, in the order the rounds visit their sites
  std::vector<std::vector<Decimal>> distance_km;             ///< between the members' sites, km (square, zero diagonal)
  std::vector<std::vector<Decimal>> travel_hours;            ///< between the members' sites, h (square, zero diagonal)
  rates::RateTable rate_table = rates::RateTable::france();  ///< the figures (SMIC, reduction)

  /// The index of member `name`; InvalidInput naming "members" otherwise.
  std::size_t member_index(const std::string& name) const {
    for (std::size_t i = 0; i < members.size(); ++i)
      if (members[i].name == name) return i;
    throw InvalidInput("members", "\"" + name + "\"", "no such member");
  }

  /// InvalidInput naming the field and the value on any bad input.
  void validate() const {
    ACI_COST_REQUIRE(!posts.empty(), "posts", "[]", "needs at least one post");
    ACI_COST_REQUIRE(!members.empty(), "members", "[]", "needs at least one member");
    ACI_COST_REQUIRE(members.size() <= max_members, "members", members.size(), "at most 63 members");
    for (std::size_t p = 0; p < posts.size(); ++p) {
      posts[p].validate("posts[" + posts[p].name + "]");
      for (std::size_t q = 0; q < p; ++q)
        ACI_COST_REQUIRE(posts[q].name != posts[p].name, "posts[" + std::to_string(p) + "].name",
                         "\"" + posts[p].name + "\"", "is listed twice");
    }
    const std::size_t n = members.size();
    for (std::size_t i = 0; i < n; ++i) {
      const Member& m = members[i];
      const std::string path = "members[" + m.name + "]";
      ACI_COST_REQUIRE(!m.name.empty(), "members[" + std::to_string(i) + "].name", "\"\"", "must not be empty");
      for (std::size_t j = 0; j < i; ++j)
        ACI_COST_REQUIRE(members[j].name != m.name, "members[" + std::to_string(i) + "].name", "\"" + m.name + "\"",
                         "is listed twice");
      ACI_COST_REQUIRE(m.hours.size() == posts.size(), path + ".hours", m.hours.size(), "needs one value per post");
      ACI_COST_REQUIRE(m.weeks.size() == posts.size(), path + ".weeks", m.weeks.size(), "needs one value per post");
      ACI_COST_REQUIRE(m.alone.empty() || m.alone.size() == posts.size(), path + ".alone", m.alone.size(),
                       "needs one rule per post (or none: the 24 h minimum)");
      bool needs_any = false;
      for (std::size_t p = 0; p < posts.size(); ++p) {
        ACI_COST_REQUIRE(m.hours[p] >= 0 && m.hours[p] <= 48, path + ".hours[" + posts[p].name + "]",
                         to_string(m.hours[p]), "must be in [0, 48] h/week");
        ACI_COST_REQUIRE(m.weeks[p] >= 0 && m.weeks[p] <= 52, path + ".weeks[" + posts[p].name + "]",
                         to_string(m.weeks[p]), "must be in [0, 52] weeks/year");
        m.alone_rule(p).validate(path + ".alone[" + posts[p].name + "]");
        needs_any = needs_any || m.need(p) > 0;
      }
      ACI_COST_REQUIRE(needs_any, path + ".hours", "all zero",
                       "needs some hours of at least one post (a member that needs nothing shares nothing)");
    }
    for (std::size_t p = 0; p < posts.size(); ++p) {
      const std::string& lender = posts[p].frame.lender;
      if (lender.empty()) continue;
      const auto at = [&] { return "posts[" + posts[p].name + "].frame.lender"; };
      std::size_t k = n;
      for (std::size_t i = 0; i < n; ++i)
        if (members[i].name == lender) k = i;
      ACI_COST_REQUIRE(k < n, at(), "\"" + lender + "\"", "no such member");
      ACI_COST_REQUIRE(members[k].need(p) > 0, at(), "\"" + lender + "\"", "the lender must itself need the post");
    }
    // [assumption] At most 40,000 km (a road between two sites is shorter than the Earth's
    // circumference) and 168 h (a week) between two sites: a distance of 1e308 gave infinite
    // costs. Symmetric: the LP solver found no optimum for an asymmetric matrix and said only
    // "Clp status 1" (issue 34 item 6).
    const auto check_matrix = [&](const std::vector<std::vector<Decimal>>& a, const char* field, const Decimal& most,
                                  const char* most_text) {
      ACI_COST_REQUIRE(a.size() == n, field, a.size(), "must have one row per member");
      for (std::size_t i = 0; i < n; ++i) {
        const auto row = [&] { return std::string(field) + "[" + std::to_string(i) + "]"; };
        ACI_COST_REQUIRE(a[i].size() == n, row(), a[i].size(), "must have one column per member");
        for (std::size_t j = 0; j < n; ++j) {
          ACI_COST_REQUIRE(a[i][j] >= 0, row() + "[" + std::to_string(j) + "]", to_string(a[i][j]), "must be >= 0");
          ACI_COST_REQUIRE(i != j || a[i][j] == 0, row() + "[" + std::to_string(j) + "]", to_string(a[i][j]),
                           "a site is at distance 0 from itself");
          ACI_COST_REQUIRE(a[i][j] <= most, row() + "[" + std::to_string(j) + "]", to_string(a[i][j]),
                           std::string("must be <= ") + most_text + " [assumption]");
          ACI_COST_REQUIRE(j >= i || a[i][j] == a[j][i], row() + "[" + std::to_string(j) + "]", to_string(a[i][j]),
                           "must equal " + std::string(field) + "[" + std::to_string(j) + "][" + std::to_string(i) +
                               "] = " + to_string(a[j][i]) +
                               " (the matrix is symmetric: one distance between two sites)");
        }
      }
    };
    check_matrix(distance_km, "distance_km", Decimal(40000), "40000 km");
    check_matrix(travel_hours, "travel_hours", Decimal(168), "168 h");
  }
};

}  // namespace aci::sharing
