// aci::schema::text_problem: the characters a text field of a scenario may not hold. Every string
// of a described struct is checked by schema::validate (a newline only where the field says
// `.lines()`): names and labels reach the devis and the invoice, where a control character or
// a right-to-left override would corrupt or reorder what the client reads (issue 34, item 12).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace aci::schema {

/// What is wrong with a text printed on a document ("" when it is fine): a control character
/// (C0 but newline where `lines`, DEL, C1) or a bidirectional embedding, override or isolate
/// (U+202A-U+202E, U+2066-U+2069, U+200E/U+200F, U+061C), which would reorder the text around
/// it (a right-to-left override in a client's name reverses a whole line of the devis).
inline std::string_view text_problem(std::string_view text, bool lines = false) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n' && lines) continue;
    if (c < 0x20 || c == 0x7f) return "must not contain control characters";
    const auto next = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0; };
    if (c == 0xc2 && next(1) >= 0x80 && next(1) <= 0x9f) return "must not contain control characters";
    if (c == 0xd8 && next(1) == 0x9c) return "must not contain bidirectional formatting characters";
    if (c == 0xe2 && next(1) == 0x80 && (next(2) == 0x8e || next(2) == 0x8f || (next(2) >= 0xaa && next(2) <= 0xae)))
      return "must not contain bidirectional formatting characters";
    if (c == 0xe2 && next(1) == 0x81 && next(2) >= 0xa6 && next(2) <= 0xa9)
      return "must not contain bidirectional formatting characters";
  }
  return "";
}

/// `text` with each byte below 0x20 or 0x7f written as \xNN, for an error message naming it.
inline std::string escaped(std::string_view text) {
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 15];
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace aci::schema
