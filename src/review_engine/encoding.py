"""Decoding text files without being told the encoding: drafts, materials, dossiers, rule and calendar files.

Order: a byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32, GB18030); else strict UTF-8; else GB18030 (a
superset of GBK and GB2312, what Chinese Windows writes as "ANSI"). Bytes that look binary (NUL bytes without a
UTF-16/32 BOM, or many control characters) are refused rather than decoded into noise. The mark itself is never
part of the text, so that columns on the first line are right.
"""

from __future__ import annotations

import codecs

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
    (b"\x84\x31\x95\x33", "gb18030-sig"),  # U+FEFF encoded in GB18030
)
_CONTROL = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13}))


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise ValueError (message in Chinese) for binary or undecodable data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as exc:
                raise ValueError(f"按 {encoding} 解码失败（字节 {exc.start}）") from None
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if b"\x00" in sample or controls > max(8, len(sample) // 100):
        raise ValueError("不是文本文件（含二进制内容）")
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ValueError("无法识别文件编码（支持 UTF-8、UTF-16（带 BOM）、GB18030/GBK）")
