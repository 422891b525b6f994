"""WeCom callback crypto on top of wechatpy: constant-time signature check and media decryption.

Algorithm (docs/protocols.md §1; https://developer.work.weixin.qq.com/document/path/96466 and
/101033): ``msg_signature = sha1(sorted(token, timestamp, nonce, encrypt))``; the payload is
AES-256-CBC with ``key = b64decode(EncodingAESKey + "=")``, ``IV = key[:16]``, PKCS#7 to 32 bytes,
framing ``random16 + len + msg + receiveid`` (receiveid = CorpID for the app, "" for the AI bot).
wechatpy compares signatures with ``!=`` and checks no timestamp, so both checks live here and
only the cipher is wechatpy's. Pure functions: no I/O.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from wechatpy.crypto.base import WeChatCipher
from wechatpy.enterprise.crypto import PrpCrypto, WeChatCrypto

__all__ = ["CallbackCrypto", "CryptoError", "signature", "decrypt_media"]


class CryptoError(Exception):
    """A callback failed verification; ``reason`` is safe to log (no content)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def signature(token: str, timestamp: str, nonce: str, encrypt: str) -> str:
    return hashlib.sha1("".join(sorted([token, timestamp, nonce, encrypt])).encode("utf-8")).hexdigest()


def aes_key(encoding_aes_key: str) -> bytes:
    key = base64.b64decode(encoding_aes_key + "=")
    if len(key) != 32:
        raise ValueError("EncodingAESKey must be 43 characters (32 bytes once decoded)")
    return key


class CallbackCrypto:
    """Verify and decrypt (or encrypt and sign, for fakes and replies) one receiver's callbacks."""

    def __init__(self, token: str, encoding_aes_key: str, receive_id: str) -> None:
        self.token = token
        self.key = aes_key(encoding_aes_key)
        self.receive_id = receive_id
        self._wechatpy = WeChatCrypto(token, encoding_aes_key, receive_id)

    def decrypt(self, msg_signature: str, timestamp: str, nonce: str, encrypt: str) -> str:
        expected = signature(self.token, timestamp, nonce, encrypt)
        if not hmac.compare_digest(expected.encode(), (msg_signature or "").encode()):
            raise CryptoError("bad_signature")
        try:
            return str(PrpCrypto(self.key).decrypt(encrypt, self.receive_id))
        except Exception as exc:  # wechatpy raises InvalidCorpIdException, or ValueError on bad padding
            if exc.__class__.__name__ == "InvalidCorpIdException":
                raise CryptoError("bad_receive_id") from None
            raise CryptoError("bad_ciphertext") from None

    def encrypt(self, plaintext: str, nonce: str, timestamp: str) -> tuple[str, str]:
        """(encrypt, msg_signature) for a plaintext: what WeCom sends, and what a passive reply carries."""
        encrypt = PrpCrypto(self.key).encrypt(plaintext, self.receive_id)
        encrypt_text = encrypt.decode() if isinstance(encrypt, bytes) else str(encrypt)
        return encrypt_text, signature(self.token, timestamp, nonce, encrypt_text)


def decrypt_media(data: bytes, encoding_aes_key: str) -> bytes:
    """An AI-bot image/file download: AES-256-CBC, IV = key[:16], PKCS#7 (32-byte blocks), no framing.

    Source: WecomTeam/aibot-node-sdk src/crypto.ts (docs/protocols.md §3 "File decrypt").
    """
    key = aes_key(encoding_aes_key)
    plain = WeChatCipher(key).decrypt(data)
    pad = plain[-1] if plain else 0
    if not 1 <= pad <= 32:
        raise CryptoError("bad_padding")
    return bytes(plain[:-pad])


def encrypt_media(data: bytes, encoding_aes_key: str) -> bytes:
    """The inverse of ``decrypt_media`` (used by the fake server)."""
    key = aes_key(encoding_aes_key)
    pad = 32 - len(data) % 32
    return bytes(WeChatCipher(key).encrypt(data + bytes([pad]) * pad))
