"""The course's files: text decoded strictly, and atomic writes (a reader sees the old file or the new
one, never half of either)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from .errors import CourseError


def utf8(raw: bytes, where: str, advice: str = "") -> str:
    """``raw`` decoded as UTF-8; else a CourseError naming ``where``, the line and the first bad byte,
    then ``advice`` ("; expected the seed as UTF-8 text")."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise CourseError(f"{where}:{line}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}){advice}") from None


def temporary(target: Path, suffix: str = ".tmp") -> Path:
    """A fresh, empty file next to ``target`` (so a rename is atomic), with the umask's permissions."""
    target.parent.mkdir(parents=True, exist_ok=True)
    while True:
        tmp = target.parent / f".tmp-{target.stem}.{secrets.token_hex(4)}{suffix}"
        try:
            tmp.open("xb").close()
        except FileExistsError:
            continue
        return tmp


def write_atomic(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file in the same folder, then rename it."""
    tmp = temporary(target)
    try:
        with tmp.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
