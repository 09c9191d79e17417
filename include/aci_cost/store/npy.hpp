// aci::store::write_npy / read_npy: one-dimensional arrays in NumPy's .npy format, version 1.0
// (numpy.lib.format): the magic "\x93NUMPY", the version, a little-endian header length and a
// Python-literal header padded to 64 bytes, then the raw little-endian values. numpy.load reads
// what write_npy writes; read_npy reads only that layout back, and refuses a file whose size is
// not exactly header + count x 8 bytes (a torn write) with an InvalidInput naming the file.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include "aci_cost/error.hpp"

namespace aci::store {

namespace detail {
/// "<f8" or "<u8": the only element types the sweep directory stores.
template <class T>
constexpr std::string_view npy_descr() {
  static_assert(sizeof(T) == 8 && (std::is_same_v<T, double> || std::is_same_v<T, std::uint64_t>),
                "npy: double or std::uint64_t only");
  return std::is_same_v<T, double> ? "<f8" : "<u8";
}

/// The header (magic to the newline) of a 1-D array of `count` values of type descr.
inline std::string npy_header(std::string_view descr, std::uint64_t count) {
  std::string dict =
      "{'descr': '" + std::string(descr) + "', 'fortran_order': False, 'shape': (" + std::to_string(count) + ",), }";
  const std::size_t unpadded = 10 + dict.size() + 1;  // magic 6, version 2, length 2; newline
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict.push_back('\n');
  std::string h("\x93NUMPY\x01\x00", 8);
  h.push_back(static_cast<char>(dict.size() & 0xff));
  h.push_back(static_cast<char>(dict.size() >> 8));
  return h + dict;
}

/// The 8 bytes of w in reverse order (std::byteswap is C++23).
constexpr std::uint64_t swap_bytes(std::uint64_t w) {
  std::uint64_t r = 0;
  for (int i = 0; i < 8; ++i, w >>= 8) r = (r << 8) | (w & 0xff);
  return r;
}

/// Values to or from little-endian bytes (a no-op on little-endian machines).
template <class T>
void to_little_endian(std::vector<T>& v) {
  if constexpr (std::endian::native == std::endian::big) {
    for (auto& x : v) x = std::bit_cast<T>(swap_bytes(std::bit_cast<std::uint64_t>(x)));
  }
}
}  // namespace detail

/// The bytes of a .npy file holding `values` (1-D, little-endian).
template <class T>
std::string npy_bytes(const T* values, std::size_t count) {
  std::string out = detail::npy_header(detail::npy_descr<T>(), count);
  const std::size_t head = out.size();
  out.resize(head + count * sizeof(T));
  if (count != 0) std::memcpy(out.data() + head, values, count * sizeof(T));
  if constexpr (std::endian::native == std::endian::big) {
    for (std::size_t i = 0; i < count; ++i) {
      std::uint64_t w;
      std::memcpy(&w, out.data() + head + i * 8, 8);
      w = detail::swap_bytes(w);
      std::memcpy(out.data() + head + i * 8, &w, 8);
    }
  }
  return out;
}

/// The whole content of a file (InvalidInput naming it when it cannot be opened or read).
inline std::string read_file_bytes(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InvalidInput(file.string(), "missing", "cannot open the file");
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw InvalidInput(file.string(), "unreadable", "the file could not be read");
  return bytes;
}

/// Parses the bytes of a 1-D .npy file of T written by npy_bytes; `name` (the file) is named in
/// the InvalidInput when they are not that layout, or torn (their size is not the header's
/// count of values).
template <class T>
std::vector<T> parse_npy(std::string_view bytes, const std::string& name) {
  if (bytes.size() < 10 || std::memcmp(bytes.data(), "\x93NUMPY\x01\x00", 8) != 0)
    throw InvalidInput(name, "not .npy 1.0", "expected a NumPy .npy file, version 1.0");
  const std::size_t length =
      static_cast<unsigned char>(bytes[8]) | static_cast<std::size_t>(static_cast<unsigned char>(bytes[9])) << 8;
  const std::string want_descr =
      "{'descr': '" + std::string(detail::npy_descr<T>()) + "', 'fortran_order': False, 'shape': (";
  if (bytes.size() < 10 + length || bytes.substr(10, length).rfind(want_descr, 0) != 0)
    throw InvalidInput(name, "header", "expected a 1-D C-order array of " + std::string(detail::npy_descr<T>()));
  const std::string_view dict = bytes.substr(10, length);
  std::uint64_t count = 0;
  std::size_t pos = want_descr.size();
  bool digits = false;
  for (; pos < dict.size() && dict[pos] >= '0' && dict[pos] <= '9'; ++pos, digits = true) {
    if (count > (UINT64_MAX - 9) / 10) throw InvalidInput(name, "shape", "count too large");
    count = count * 10 + static_cast<std::uint64_t>(dict[pos] - '0');
  }
  if (!digits || dict.compare(pos, 3, ",),") != 0) throw InvalidInput(name, "shape", "expected a 1-D shape (n,)");
  const std::uint64_t size = bytes.size();
  const std::uint64_t expected = 10 + length + count * sizeof(T);
  if (count > (UINT64_MAX - 10 - length) / sizeof(T) || size != expected)
    throw InvalidInput(
        name, std::to_string(size) + " bytes",
        "torn file: its header promises " + std::to_string(count) + " values, " + std::to_string(expected) + " bytes");
  std::vector<T> values(static_cast<std::size_t>(count));
  if (count != 0) std::memcpy(values.data(), bytes.data() + 10 + length, static_cast<std::size_t>(count * sizeof(T)));
  detail::to_little_endian(values);
  return values;
}

/// Reads a 1-D .npy file of T written by npy_bytes. InvalidInput naming the file when it is
/// missing, not that layout, or torn (its size is not the header's count of values).
template <class T>
std::vector<T> read_npy(const std::filesystem::path& file) {
  return parse_npy<T>(read_file_bytes(file), file.string());
}

}  // namespace aci::store
