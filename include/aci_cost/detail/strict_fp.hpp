// The strict floating-point contract: between ACI_COST_STRICT_FP_BEGIN and ACI_COST_STRICT_FP_END
// every a*b+c is rounded twice, as written, whatever the consumer's flags; a single rounding is
// asked for explicitly (std::fma, detail::fused_mul_add). GCC and Clang fuse a*b+c into one FMA
// wherever the target has one (GCC's default -ffp-contract=fast, Clang's default "on" within an
// expression), so without it a -march=native build would round differently from a portable
// wheel: sweep inputs, training outputs and Sobol' indices would differ in the last bits, and
// the batch kernels would no longer equal the single path bit for bit.
//   GCC:   push_options + optimize("fp-contract=off") ... pop_options.
//   Clang: float_control(push) + clang fp contract(off) ... float_control(pop). Clang ignores
//          every pragma under an explicit -ffp-contract=fast: a consumer must not build with it
//          (this project's own builds pass -ffp-contract=off besides).
// Every header whose rounding must not depend on the consumer's flags wraps its code in the pair.
#pragma once

#if defined(__clang__)
#  define ACI_COST_STRICT_FP_BEGIN _Pragma("float_control(push)") _Pragma("clang fp contract(off)")
#  define ACI_COST_STRICT_FP_END _Pragma("float_control(pop)")
#elif defined(__GNUC__)
#  define ACI_COST_STRICT_FP_BEGIN _Pragma("GCC push_options") _Pragma("GCC optimize(\"fp-contract=off\")")
#  define ACI_COST_STRICT_FP_END _Pragma("GCC pop_options")
#else
// Other compilers (MSVC's /fp:precise) do not contract across the source's roundings.
#  define ACI_COST_STRICT_FP_BEGIN
#  define ACI_COST_STRICT_FP_END
#endif
