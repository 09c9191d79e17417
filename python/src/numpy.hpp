// numpy arrays that take over a std::vector's buffer: the engine's results reach Python
// without a copy.
#pragma once

#include <vector>

#include <pybind11/numpy.h>

namespace aci::python {

/// A 1-D numpy array owning the moved vector's buffer (any allocator).
template <class T, class A>
pybind11::array_t<T> numpy_of(std::vector<T, A>&& v) {
  using V = std::vector<T, A>;
  auto* owner = new V(std::move(v));
  pybind11::capsule free_when_done(owner, [](void* p) { delete static_cast<V*>(p); });
  return pybind11::array_t<T>({owner->size()}, {sizeof(T)}, owner->data(), free_when_done);
}

/// A 2-D (rows x cols, row-major) numpy array owning the moved vector's buffer.
template <class T>
pybind11::array_t<T> numpy_matrix(std::vector<T>&& v, std::size_t cols) {
  auto* owner = new std::vector<T>(std::move(v));
  pybind11::capsule free_when_done(owner, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  const std::size_t rows = cols ? owner->size() / cols : 0;
  return pybind11::array_t<T>({rows, cols}, {cols * sizeof(T), sizeof(T)}, owner->data(), free_when_done);
}

}  // namespace aci::python
