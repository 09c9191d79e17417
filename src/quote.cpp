// Explicit instantiations of the quote engine for the two scalars.
#include "aci_cost/quote/quote.hpp"

namespace aci::quote {
template QuoteFigures<double> compute_figures<double>(const model::Aci&, const model::Job&, const rates::RateTable&,
                                                      const PricingOptions&, const std::optional<Decimal>&);
template QuoteFigures<Decimal> compute_figures<Decimal>(const model::Aci&, const model::Job&, const rates::RateTable&,
                                                        const PricingOptions&, const std::optional<Decimal>&);
template Quote round_quote<double>(const QuoteFigures<double>&, const model::Job&, const std::string&);
template Quote round_quote<Decimal>(const QuoteFigures<Decimal>&, const model::Job&, const std::string&);
}  // namespace aci::quote
