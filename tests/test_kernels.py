"""Kernels the course starts (render, execute, nbval) use IPC sockets, so they cannot race for ports."""

import glob
import os

import nbval.kernel
import pytest
import zmq

from warcourse import kernels

needs_ipc = pytest.mark.skipif(not zmq.has("ipc"), reason="this zmq has no IPC transport (Windows)")


@needs_ipc
@pytest.mark.parametrize("manager", [kernels.LocalKernelManager, kernels.AsyncLocalKernelManager])
def test_managers_default_to_ipc_in_the_temporary_folder(manager):
    km = manager(kernel_name="python3")
    assert km.transport == "ipc"
    assert len(km.ip) < 90, "socket paths must stay under the ~100-character limit"
    assert km.ip == os.path.splitext(km.connection_file)[0] + "-ipc"


def test_two_managers_never_share_a_connection_file():
    assert kernels.LocalKernelManager().connection_file != kernels.LocalKernelManager().connection_file


def test_nbval_uses_the_course_manager():
    assert nbval.kernel.KernelManager is kernels.LocalKernelManager  # set in the root conftest.py


@needs_ipc
def test_a_kernel_runs_code_over_ipc_and_leaves_no_socket_files():
    km, kc = nbval.kernel.start_new_kernel(kernel_name="python3")
    try:
        reply = kc.execute_interactive("x = 6 * 7", timeout=30)
        assert reply["content"]["status"] == "ok"
        assert glob.glob(km.ip + "-*"), "the kernel's sockets are files next to its connection file"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    assert glob.glob(km.ip + "-*") == [] and not os.path.exists(km.connection_file)


def test_a_deep_temporary_folder_falls_back_to_a_short_one():
    deep = "/tmp/" + "d" * 120
    path = kernels.connection_file(deep)
    if kernels.TRANSPORT == "ipc":
        assert path.startswith("/tmp/kernel-")
        assert len(path.removesuffix(".json") + "-ipc-4") <= kernels.SOCKET_PATH_LIMIT
    assert kernels.connection_file("/tmp").startswith("/tmp/kernel-")

