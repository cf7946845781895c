"""Cove's only crypto primitives: AEAD sealing, key derivation, key wrapping, sealed boxes.

Nothing here is hand-rolled: AES-256-GCM and HKDF come from `cryptography`, Argon2id from
`argon2-cffi`, X25519 sealed boxes from PyNaCl. Every other module calls these functions
and never the libraries directly, so the crypto inventory in docs/security.md stays whole.
"""

from __future__ import annotations

import base64
import hmac
import os
import secrets
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives import hmac as crypto_hmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox

KEY_BYTES = 32
NONCE_BYTES = 12
# Suite 1: AES-256-GCM, 96-bit random nonce, 128-bit tag. A new suite gets a new byte so
# old ciphertexts stay readable while they are re-encrypted.
SUITE_AES256GCM = 1
CURRENT_SUITE = SUITE_AES256GCM
# Suite 2 (sealed values of records): AES-256-GCM as suite 1, the plaintext padded first
# (`pad`), and the header names the version of the area key that sealed it:
#   [2][key version, 4 bytes big-endian][nonce, 12][ciphertext + tag]
# The whole header is associated data, so the version cannot be changed without detection.
SUITE_PADDED_VERSIONED = 2
_VERSION_BYTES = 4
VALUE_HEADER_BYTES = 1 + _VERSION_BYTES
_SUITE_2 = bytes([SUITE_PADDED_VERSIONED])
_SUITE_2_BODY = VALUE_HEADER_BYTES + NONCE_BYTES  # where the ciphertext starts
_SUITE_2_SHORTEST = _SUITE_2_BODY + 16
# Every padded value is at least this long, then grows in power-of-two steps up to
# PAD_POWER_OF_TWO_UP_TO, then by Padmé (at most ~12 % overhead). Closed choices, scores
# and short texts all land in the same bucket; see docs/security.md, "Lengths".
PAD_MINIMUM = 64
PAD_POWER_OF_TWO_UP_TO = 4096


class VaultError(Exception):
    """A ciphertext could not be opened: wrong key, wrong place, or tampered with."""


# One key made ready for AES-256-GCM. Making it costs about as much as opening a value,
# so a vault opening many values with one key makes it once (Vault.cipher_of_version) and
# holds it exactly as long as the key itself; nothing else keeps one.
Cipher = AESGCM


def cipher(key: bytes) -> Cipher:
    return AESGCM(key)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def seal(key: bytes, plaintext: bytes, aad: bytes) -> bytes:
    """Encrypt and authenticate plaintext, binding it to aad."""
    nonce = os.urandom(NONCE_BYTES)
    header = bytes([CURRENT_SUITE])
    return header + nonce + AESGCM(key).encrypt(nonce, plaintext, header + aad)


def open_sealed(key: bytes | Cipher, blob: bytes | memoryview, aad: bytes) -> bytes:
    """Decrypt a sealed blob; raise VaultError unless key, aad and bytes all match."""
    blob = bytes(blob)
    if len(blob) < 1 + NONCE_BYTES + 16 or blob[0] != SUITE_AES256GCM:
        raise VaultError("unknown or truncated ciphertext")
    header, nonce, body = blob[:1], blob[1 : 1 + NONCE_BYTES], blob[1 + NONCE_BYTES :]
    aead = key if isinstance(key, AESGCM) else AESGCM(key)
    try:
        return aead.decrypt(nonce, body, header + aad)
    except InvalidTag as exc:
        raise VaultError("ciphertext does not open with this key and context") from exc


def padded_length(length: int, minimum: int = PAD_MINIMUM) -> int:
    """The padded size of a plaintext of `length` bytes (one marker byte included)."""
    needed = length + 1
    if needed <= minimum:
        return minimum
    if needed <= PAD_POWER_OF_TWO_UP_TO:
        return 1 << (needed - 1).bit_length()
    # Padmé (Nikitin et al., "Reducing metadata leakage from encrypted files", 2019).
    exponent = needed.bit_length() - 1
    significant = exponent.bit_length()
    mask = (1 << (exponent - significant)) - 1
    return (needed + mask) & ~mask


def pad(plaintext: bytes, minimum: int = PAD_MINIMUM) -> bytes:
    """ISO/IEC 7816-4 padding: one 0x80 byte, then zeros, to `padded_length`."""
    size = padded_length(len(plaintext), minimum)
    return plaintext + b"\x80" + bytes(size - len(plaintext) - 1)


def unpad(padded: bytes) -> bytes:
    body = padded.rstrip(b"\x00")
    if not body or body[-1] != 0x80:
        raise VaultError("padding is damaged")
    return body[:-1]


def seal_value(key: bytes, key_version: int, plaintext: bytes, aad: bytes,
               pad_minimum: int = PAD_MINIMUM) -> bytes:
    """Seal a record's value: padded, and naming the area-key version that sealed it."""
    nonce = os.urandom(NONCE_BYTES)
    header = bytes([SUITE_PADDED_VERSIONED]) + key_version.to_bytes(_VERSION_BYTES, "big")
    padded = pad(plaintext, pad_minimum)
    return header + nonce + AESGCM(key).encrypt(nonce, padded, header + aad)


def value_key_version(blob: bytes | memoryview) -> int | None:
    """The area-key version named by a sealed value, or None for a suite-1 value (no name)."""
    blob = bytes(blob[:VALUE_HEADER_BYTES])
    if len(blob) == VALUE_HEADER_BYTES and blob[0] == SUITE_PADDED_VERSIONED:
        return int.from_bytes(blob[1:], "big")
    if blob[:1] == bytes([SUITE_AES256GCM]):
        return None
    raise VaultError("unknown or truncated ciphertext")


def value_is_current(blob: bytes | memoryview, key_version: int) -> bool:
    """True when a sealed value is padded and sealed by that key version (no re-seal due)."""
    try:
        return value_key_version(blob) == key_version
    except VaultError:
        return False


def open_value(key: bytes | Cipher, blob: bytes | memoryview, aad: bytes) -> bytes:
    """Open a record's value sealed by `seal_value` (suite 2) or by `seal` (suite 1).

    `key` is the key, or a `cipher` made from it (cheaper when many values share a key)."""
    blob = bytes(blob)
    if blob[:1] != _SUITE_2:
        return open_sealed(key, blob, aad)
    if len(blob) < _SUITE_2_SHORTEST:
        raise VaultError("unknown or truncated ciphertext")
    aead = key if isinstance(key, AESGCM) else AESGCM(key)
    try:
        return unpad(aead.decrypt(blob[VALUE_HEADER_BYTES:_SUITE_2_BODY], blob[_SUITE_2_BODY:],
                                  blob[:VALUE_HEADER_BYTES] + aad))
    except InvalidTag as exc:
        raise VaultError("ciphertext does not open with this key and context") from exc


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. Stored per user so it can be raised later without a reset."""

    memory_kib: int
    iterations: int
    lanes: int

    def as_dict(self) -> dict[str, int]:
        return {"memory_kib": self.memory_kib, "iterations": self.iterations, "lanes": self.lanes}

    def weaker_than(self, other: KdfParams) -> bool:
        return self.memory_kib < other.memory_kib or self.iterations < other.iterations


# security.md: Argon2id with at least 64 MiB and t >= 3.
STANDARD_KDF = KdfParams(memory_kib=64 * 1024, iterations=3, lanes=1)
# Only for the test suite (COVE_KDF_PROFILE=test with COVE_TESTING=1); see kdf_params().
TEST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)


def derive_passphrase_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.iterations,
        memory_cost=params.memory_kib,
        parallelism=params.lanes,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def derive_subkey(key_material: bytes, info: bytes, salt: bytes | None = None) -> bytes:
    """HKDF-SHA256: a key for one purpose from high-entropy material."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=salt, info=info).derive(
        key_material
    )


_RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: easy to copy by hand


def new_recovery_code() -> str:
    """A one-time recovery code: 32 characters from a 30-letter alphabet (157 bits)."""
    chars = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(32))
    return "-".join(chars[i : i + 4] for i in range(0, 32, 4))


def normalise_recovery_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def derive_recovery_key(code: str, salt: bytes) -> bytes:
    # The code carries ~157 bits of entropy, so a fast KDF is enough; Argon2 would add
    # nothing against guessing and only slow the recovery page.
    return derive_subkey(normalise_recovery_code(code).encode(), b"cove recovery wrap v1", salt)


def new_salt() -> bytes:
    return secrets.token_bytes(16)


def new_keypair() -> tuple[bytes, bytes]:
    """Return (private, public) X25519 key bytes for sharing."""
    private = PrivateKey.generate()
    return bytes(private), bytes(private.public_key)


def seal_to_public_key(public_key: bytes, plaintext: bytes) -> bytes:
    return bytes(SealedBox(PublicKey(public_key)).encrypt(plaintext))


def open_sealed_box(private_key: bytes, blob: bytes | memoryview) -> bytes:
    try:
        return bytes(SealedBox(PrivateKey(private_key)).decrypt(bytes(blob)))
    except CryptoError as exc:
        raise VaultError("sealed box does not open with this key") from exc


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text.encode("ascii"))


def mac(key: bytes, data: bytes) -> bytes:
    """HMAC-SHA256 of data under key."""
    signer = crypto_hmac.HMAC(key, hashes.SHA256())
    signer.update(data)
    return signer.finalize()


def verify_mac(key: bytes, data: bytes, tag: bytes) -> bool:
    return hmac.compare_digest(mac(key, data), bytes(tag))


def constant_time_equal(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
