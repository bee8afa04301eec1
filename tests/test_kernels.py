"""The kernels the pipeline starts ahead: ready when used, every output kept, all stopped after."""

from __future__ import annotations

import subprocess
import sys
from queue import Empty

from analysis import pipeline
from analysis.paths import PROJECT_ROOT


def outputs_of(kc, code: str) -> list[str]:
    """The stream text a request printed, read until the kernel reports idle for it."""
    msg_id = kc.execute(code)
    texts = []
    while True:
        try:
            msg = kc.get_iopub_msg(timeout=30)
        except Empty:
            raise AssertionError(f"no idle status for {code!r}") from None
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            texts.append(msg["content"]["text"])
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return texts


def test_a_kernel_taken_is_ready_and_no_output_is_lost() -> None:
    """A fresh client's readiness check returns only once its output stream is connected: the
    first request's printed text arrives (a client subscribed late would lose it)."""
    kernels = pipeline.Kernels(pipeline.ensure_kernel(), count=3)
    used = []
    try:
        for n in range(3):
            km = kernels.take()
            used.append(km)
            kc = km.client()
            assert isinstance(kc, pipeline.ReadyClient)
            kc.start_channels()
            kc.wait_for_ready(timeout=60)
            assert outputs_of(kc, f"print({n} * 7)") == [f"{n * 7}\n"]
            # the warm-up imported the package, silently, without counting an execution
            assert outputs_of(kc, "import sys; print('analysis.stages' in sys.modules)") == ["True\n"]
            kc.stop_channels()
            kernels.retire(km)
    finally:
        kernels.close()
    assert all(not km.is_alive() for km in used)


def test_close_stops_kernels_started_but_never_used() -> None:
    """... and the kernels waiting run no heartbeat thread: one still opening its socket while
    close() stopped its kernel raised "Too many open files" in that thread."""
    import threading

    from jupyter_client.channels import HBChannel

    kernels = pipeline.Kernels(pipeline.ensure_kernel(), count=4)
    waiting = [km for km, *_ in kernels.ready]
    assert len(waiting) == pipeline.AHEAD
    assert not any(isinstance(t, HBChannel) and t.is_alive() for t in threading.enumerate())
    kernels.close()
    assert all(not km.is_alive() for km in waiting)


def test_notebook_imports_leave_matplotlib_to_the_first_chart() -> None:
    """What a notebook imports does not load matplotlib (0.3 s a kernel): charts read from the
    cache never need it, and drawing one loads it."""
    code = ("import sys; import analysis.artifacts, analysis.figures, analysis.params, analysis.stages; "
            "print('matplotlib' in sys.modules); analysis.figures.nothing_to_compare(); "
            "print('matplotlib.pyplot' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          check=True, timeout=120)
    assert done.stdout.split() == ["False", "True"]


def test_a_notebook_run_leaves_no_client_behind(tmp_path) -> None:
    """nbclient keeps its client open on a kernel it did not start; the pipeline closes it with the
    kernel, so rerunning in one process (a Jupyter session) holds no more threads or files."""
    import gc
    import os
    import threading

    import nbformat

    book = tmp_path / "tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1 + 1")]), book)
    pm = pipeline._papermill()

    def run_once() -> None:
        kernels = pipeline.Kernels(pipeline.ensure_kernel(), count=1)
        km = kernels.take()
        try:
            pm.execute_notebook(str(book), str(tmp_path / "out.ipynb"), kernel_name=kernels.kernel_name,
                                cwd=str(tmp_path), progress_bar=False, log_output=False, km=km)
        finally:
            kernels.retire(km)
            kernels.close()

    run_once()
    gc.collect()
    threads, files = threading.active_count(), len(os.listdir("/proc/self/fd"))
    for _ in range(3):
        run_once()
    gc.collect()
    assert threading.active_count() <= threads
    assert len(os.listdir("/proc/self/fd")) <= files + 2  # +2: slack for the interpreter's own files
