"""Atomic file writes: a reader sees the old file or the new one, never half of either."""

from __future__ import annotations

import os
import secrets
from pathlib import Path


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
