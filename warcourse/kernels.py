"""Kernel managers that talk to their kernels over local sockets, not TCP ports.

jupyter_client gives a new kernel five TCP ports that were free a moment
before; when several kernels start at once (a render with ``--jobs``, the
test suite on several cores) another process can take one of them first,
and the kernel dies with "Address already in use". IPC sockets are files
named after the kernel's own connection file, so they cannot collide, and
the kernel no longer warns about unencrypted TCP. Where zmq has no IPC
(Windows) the managers keep TCP.

The sockets sit next to the connection file, which gets a short unique name
in the temporary folder. A socket path is limited to about 100 characters, so
when the temporary folder's path is too long for that (a deep ``TMPDIR``) the
files go to ``/tmp`` instead.
"""

from __future__ import annotations

import os
import tempfile
import uuid

import zmq
from jupyter_client.manager import AsyncKernelManager, KernelManager
from traitlets import default

TRANSPORT = "ipc" if zmq.has("ipc") else "tcp"


SOCKET_PATH_LIMIT = 100  # bytes; Linux allows 107 for a Unix socket path, macOS 103
_SOCKET_SUFFIX = "-ipc-4"  # what jupyter_client appends for the last of a kernel's five sockets


def connection_file(folder: str | None = None) -> str:
    """A fresh connection-file path in the temporary folder (``/tmp`` when that path is too long for a socket)."""
    folder = folder or tempfile.gettempdir()
    name = f"kernel-{uuid.uuid4().hex[:16]}"
    if TRANSPORT == "ipc" and len(os.path.join(folder, name + _SOCKET_SUFFIX).encode()) > SOCKET_PATH_LIMIT:
        folder = "/tmp"
    return os.path.join(folder, name + ".json")


class _Local:
    """Trait defaults shared by both managers below."""

    @default("transport")
    def _transport_default(self) -> str:
        return TRANSPORT

    @default("connection_file")
    def _connection_file_default(self) -> str:
        return connection_file()


class LocalKernelManager(_Local, KernelManager):
    """A blocking kernel manager (the kind nbval starts)."""


class AsyncLocalKernelManager(_Local, AsyncKernelManager):
    """An asynchronous kernel manager (the kind nbclient and papermill start)."""
