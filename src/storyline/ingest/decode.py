"""Bytes to text: BOMs, UTF-8, legacy encodings, and refusing what is not text."""

from __future__ import annotations

import codecs
import io
import zlib
from typing import BinaryIO

from ..knowledge import load_signatures

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]
# C0 controls other than tab, newline, form feed and carriage return; DEL
_CONTROL = frozenset(range(0, 9)) | {11, 14, 15, *range(16, 27), *range(28, 32), 127}


class DecodeError(ValueError):
    """The bytes are not text in any encoding we accept."""


def is_gzip(head: bytes) -> bool:
    """Gzip streams start with the magic bytes 1f 8b."""
    return head[:2] == b"\x1f\x8b"


class Gunzip(io.RawIOBase):
    """Streaming gunzip that hands over every byte before a truncation, then raises EOFError."""

    def __init__(self, raw: BinaryIO):
        self.raw = raw
        self.inflate = zlib.decompressobj(wbits=31)
        self.pending = b""
        self.done = False
        self.truncated = False  # set even when a caller swallows the EOFError

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while not self.pending:
            if self.done:
                return 0
            if self.inflate.eof:  # a member ended: another may follow (concatenated gzip)
                rest = self.inflate.unused_data
                self.inflate = zlib.decompressobj(wbits=31)
                chunk = rest or self.raw.read(1 << 16)
                if not chunk:
                    self.done = True
                    return 0
            else:
                chunk = self.inflate.unconsumed_tail or self.raw.read(1 << 16)
                if not chunk:
                    self.truncated = True
                    raise EOFError("gzip stream ended before its end marker")
            self.pending = self.inflate.decompress(chunk, 1 << 20)
        n = min(len(buffer), len(self.pending))
        buffer[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def binary_kind(head: bytes) -> str | None:
    """Name the binary format of a file from its first bytes, if it is one we know."""
    for magic, name in load_signatures():
        if head.startswith(magic):
            return name
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.3 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.3 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    return None


def decode(data: bytes, declared: tuple[str, ...] = ()) -> tuple[str, str | None]:
    """Decode text, with a warning when it was not UTF-8 or a declared charset.

    Order: binary signatures, byte-order marks, valid UTF-8 (declarations are
    often wrong), the declared charsets, UTF-16 without BOM, then refusing
    control bytes, then Windows-1252 or Latin-1.
    """
    kind = binary_kind(data[:16])
    if kind:
        raise DecodeError(f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as e:
                raise DecodeError(
                    f"invalid {encoding.upper()} after its byte-order mark: {e.reason}"
                ) from e
            note = (
                None
                if encoding == "utf-8-sig"
                else f"decoded as {encoding.upper()} (byte-order mark)"
            )
            return text.lstrip("\ufeff"), note
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    for charset in declared:  # what the page or its HTTP headers say, when not UTF-8
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            pass
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), f"decoded as {utf16.upper()} (no byte-order mark)"
        except UnicodeDecodeError:
            pass
    sample = data[:65536]
    if sample.count(0) or sum(b in _CONTROL for b in sample) > 0.01 * len(sample):
        raise DecodeError("binary content (control bytes), not text")
    try:
        return data.decode("cp1252"), "not UTF-8; decoded as Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "not UTF-8; decoded as Latin-1"
