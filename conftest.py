"""pytest set-up for everything collected: tests/, notebooks/ and exercises/.

nbval starts its kernels with jupyter_client's ``KernelManager``, which gives
each kernel TCP ports that another kernel starting at the same moment can
take first. Swapping in ``warcourse.kernels.LocalKernelManager`` makes
nbval's kernels use IPC sockets, like every kernel the course itself starts.
"""

import nbval.kernel

from warcourse.kernels import LocalKernelManager


def pytest_configure(config):
    nbval.kernel.KernelManager = LocalKernelManager
