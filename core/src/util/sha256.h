#pragma once

// Core-private: SHA-256 (FIPS 180-4) and base64 (RFC 4648), for the model files a session
// carries: the hash names a file's exact bytes, base64 carries them inside JSON.
#include <string>

namespace wb::core::detail {

/// Lower-case hex SHA-256 of `bytes`. Pure, thread-safe.
std::string sha256Hex(const std::string &bytes);

/// Standard base64 with padding. Pure.
std::string base64Encode(const std::string &bytes);

/// Decodes standard base64 (padding optional, no whitespace); false on any other character
/// or a length that cannot be base64.
bool base64Decode(const std::string &text, std::string &bytes);

} // namespace wb::core::detail
