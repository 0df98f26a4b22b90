#pragma once

// Core-private: the checksum of tensor blobs (checkpoints). Format WBT2 is WBT1 (magic,
// count, named tensors) with "WBT2" as magic and the CRC-32 of everything before it appended;
// WBT1 blobs (sessions written before) carry none and are read as they are.
#include <zlib.h>

#include <cstdint>
#include <cstring>
#include <string>

namespace wb::core::detail {

inline std::uint32_t blobCrc(const char *data, std::size_t size)
{
    uLong crc = crc32(0L, Z_NULL, 0);
    while (size > 0) { // zlib takes uInt lengths
        const uInt chunk = uInt(size > (1u << 30) ? (1u << 30) : size);
        crc = crc32(crc, reinterpret_cast<const Bytef *>(data), chunk);
        data += chunk;
        size -= chunk;
    }
    return std::uint32_t(crc);
}

/// Appends the checksum to a blob whose first four bytes are "WBT2".
inline void appendBlobChecksum(std::string &blob)
{
    const std::uint32_t crc = blobCrc(blob.data(), blob.size());
    blob.append(reinterpret_cast<const char *>(&crc), sizeof crc);
}

/// Why a WBT2 `blob` is damaged ("" when its checksum holds; other blobs carry none and are
/// checked by their reader).
inline std::string blobDamage(const std::string &blob)
{
    if (blob.size() < 4 || std::memcmp(blob.data(), "WBT2", 4) != 0)
        return {};
    if (blob.size() < 12)
        return "truncated";
    std::uint32_t stored = 0;
    std::memcpy(&stored, blob.data() + blob.size() - 4, 4);
    return blobCrc(blob.data(), blob.size() - 4) == stored ? std::string() : std::string("checksum mismatch");
}

} // namespace wb::core::detail
