// aci::sweep::Column: the per-scenario arrays of a sweep (one value per scenario), a
// std::vector<double> whose allocator leaves new elements uninitialised (the engine writes
// every one of them) and, on Linux, asks for transparent huge pages on large arrays. A full
// 1 M-scenario sweep writes ~10 such arrays of 8 MB: zero-filling them first would be one
// more pass over memory on the calling thread, and 4 KiB pages one page fault per 512
// doubles, both before the workers start. Here the workers touch their own slices first, in
// parallel, and a 2 MiB page costs one fault.
#pragma once

#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#if defined(__linux__)
#  include <sys/mman.h>
#endif

namespace aci::sweep {

namespace detail {

/// std::allocator with default-initialising construct() (no zero fill for arithmetic T) and
/// huge-page-aligned storage for allocations of 2 MiB or more.
template <class T>
struct ColumnAllocator {
  static_assert(std::is_trivially_default_constructible_v<T>, "ColumnAllocator holds trivial values only");
  using value_type = T;
  static constexpr std::size_t huge_page = std::size_t{2} << 20;

  ColumnAllocator() noexcept = default;
  template <class U>
  ColumnAllocator(const ColumnAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor): rebinding

  T* allocate(std::size_t n) {
    if (n > static_cast<std::size_t>(-1) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < huge_page) return static_cast<T*>(::operator new(bytes));
    const std::size_t rounded = (bytes + huge_page - 1) / huge_page * huge_page;
    void* p = std::aligned_alloc(huge_page, rounded);
    if (p == nullptr) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    (void)::madvise(p, rounded, MADV_HUGEPAGE);  // a hint: without it, ordinary pages
#endif
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < huge_page) {
      ::operator delete(p);
    } else {
      std::free(p);
    }
  }
  /// Value-less construction default-initialises: the value is left for the engine to write.
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }

  friend bool operator==(const ColumnAllocator&, const ColumnAllocator&) noexcept { return true; }
  friend bool operator!=(const ColumnAllocator&, const ColumnAllocator&) noexcept { return false; }
};

}  // namespace detail

/// One value per scenario. Sized columns hold unspecified values until written.
using Column = std::vector<double, detail::ColumnAllocator<double>>;

}  // namespace aci::sweep
