"""Run the notebooks in order under papermill, then render the report, atomically.

Notebooks write into a staging folder of the run's own; only when all succeed (and the
report renders) is the new tree published, in one atomic switch (see ``publish.py``), so a
failure or a kill never leaves a half-written or mixed report over a good one.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
import threading
import time
from pathlib import Path
from queue import Empty
from typing import Any

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import KernelManager

from . import cache, paths, publish
from .errors import InputError
from .params import Params

KERNEL_NAME = "deal-coverage"


def _papermill() -> Any:
    """papermill, imported when notebooks run.

    jsonschema (under papermill's nbformat) imports rfc3987_syntax when it is installed
    (jupyterlab brings it), which builds a grammar for 1.2 s on every run, only to check
    "iri" string formats that no notebook schema uses; marked absent, jsonschema skips that
    one format checker.
    """
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    import papermill

    return papermill


class NotebookFailed(RuntimeError):
    """A notebook raised; the message names the notebook and the cell."""


QUIET = "--IPKernelApp.log_level=ERROR"  # the kernel's TCP warning is noise on a local run


def ensure_kernel() -> str:
    """A kernelspec that starts *this* interpreter (papermill otherwise may pick another)."""
    ksm = KernelSpecManager()
    try:
        spec = ksm.get_kernel_spec(KERNEL_NAME)
        if (spec.argv and Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()
                and QUIET in spec.argv):
            return KERNEL_NAME
    except NoSuchKernel:
        pass
    from ipykernel.kernelspec import install

    path = Path(install(kernel_name=KERNEL_NAME, display_name="Python (deal coverage)",
                        prefix=sys.prefix))
    spec_file = path / "kernel.json"
    spec_json = json.loads(spec_file.read_text(encoding="utf-8"))
    spec_json["argv"] = [*spec_json["argv"], QUIET]
    spec_file.write_text(json.dumps(spec_json, indent=1), encoding="utf-8")
    return KERNEL_NAME


def notebooks() -> list[Path]:
    found = sorted(paths.NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
    if not found:
        raise InputError(f"no notebooks found in {paths.NOTEBOOKS_DIR}")
    return found


def run(values: dict[str, Any], render_report: bool = True, log=print) -> Path:
    """Execute every notebook with ``values``; publish artifacts and the report under out_dir.

    Everything is built in a staging folder of this run's own and published by one atomic
    switch (:mod:`analysis.publish`); a second run on the same out_dir is refused while this
    one holds the lock, and a failed run leaves the published report as it was.
    """
    if not values.get("out_dir"):  # the CLI's default; Params alone never writes to build/
        values = {**values, "out_dir": str(paths.DEFAULT_OUT_DIR)}
    p = Params.from_mapping(values)
    out = Path(p.out_dir)
    publish.check_output(out)  # an existing folder of the user's is refused, never adopted
    from .stages import check_inputs

    check_inputs(p)  # fail fast on a bad corpus, events, rules or lexicon file, before any kernel
    # the stage cache sits beside the runs it serves, unless the user names one (or none)
    cache_root = None if p.cache_dir == "none" else Path(p.cache_dir) if values.get("cache_dir") else out / "cache"
    values = {**values, "cache_dir": str(cache_root or "none")}
    if cache_root is not None:
        cache.check_root(cache_root)
    books = notebooks()
    with publish.locked(out):
        publish.check_output(out)  # again under the lock: what another run left meanwhile
        stage = publish.new_staging(out)
        try:
            _write_run_log(stage, Params.from_mapping(values))
            _execute(values, stage, out, render_report, log)
            publish.record_artifacts(stage)  # what `render` checks the artifacts against
            if not render_report:  # an older report would not match these artifacts
                (stage / "report").mkdir()
                (stage / "report" / "NOT_RENDERED.txt").write_text(
                    "This run stopped before rendering (--no-render).\n"
                    "Render the report from its artifacts with: python -m analysis render\n",
                    encoding="utf-8")
            publish.publish(stage, out)
            if cache_root is not None:
                cache.prune_stale(cache_root)
        except BaseException:
            publish.discard(stage)
            raise
        publish.clear_failed(out, [nb.name for nb in books])
    return out


def _write_run_log(stage: Path, p: Params) -> None:
    """The run's parameters with their absolute paths (which corpus, which files), beside the
    artifacts, not among them: params.json records paths without where they lie, so that the
    artifacts stay byte-identical wherever the corpus is."""
    log = {"command": "python -m analysis run", "parameters": dataclasses.asdict(p)}
    (stage / publish.RUN_LOG).write_text(json.dumps(log, indent=2, sort_keys=True) + "\n", encoding="utf-8")


class ReadyClient(BlockingKernelClient):
    """A kernel client whose readiness check ends when the kernel has answered on both channels.

    jupyter_client's check, after the kernel has answered, waits until its message stream has
    been silent for 0.2 s, on every notebook. Here it waits for the one message that proves the
    stream is connected (the kernel going idle after answering this request); messages left
    over are ignored by nbclient, which matches every message to the request it made.
    """

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (timeout if timeout is not None else 60.0)
        while True:
            msg_id = self.kernel_info()
            if self._answered(msg_id, deadline) and self._idle_seen(msg_id, time.monotonic() + 0.2):
                return
            if not self.is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")

    def _answered(self, msg_id: str, deadline: float) -> bool:
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = self.shell_channel.get_msg(timeout=min(left, 1.0))
            except Empty:
                return False
            if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "kernel_info_reply":
                self._handle_kernel_info_reply(msg)
                return True
        return False

    def _idle_seen(self, msg_id: str, deadline: float) -> bool:
        while (left := deadline - time.monotonic()) > 0:
            try:
                msg = self.iopub_channel.get_msg(timeout=left)
            except Empty:
                return False
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"].get("execution_state") == "idle"):
                return True
        return False


class _Manager(KernelManager):
    """A kernel manager that closes the clients made from it when its kernel stops.

    nbclient leaves the client it opens on a manager it was handed (not its own) running: a
    heartbeat thread and a dozen file descriptors per notebook, for as long as the process
    lives (a Jupyter session that reruns the pipeline would pile them up).
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.clients: list[Any] = []

    def client(self, **kwargs: Any) -> Any:
        kc = super().client(**kwargs)
        self.clients.append(kc)
        return kc


#: Imported (silently) by a kernel started ahead, while the notebook before it runs.
WARM_UP = "import analysis.artifacts, analysis.figures, analysis.params, analysis.stages, IPython.display"
AHEAD = 2  # kernels started ahead of the notebook that runs


class Kernels:
    """A fresh kernel for each notebook, started ahead while the notebooks before it run.

    Starting a kernel and importing the package take longer than a notebook whose stages
    are cached, and papermill starts each kernel only when its notebook begins. Here each
    notebook still gets a kernel of its own (nothing carries over from one notebook to the
    next), started ``AHEAD`` notebooks early in the notebooks' folder, with the package
    imported by a silent request (no output, no execution count); it is shut down after.
    """

    def __init__(self, kernel_name: str, count: int, ahead: int = AHEAD) -> None:
        self.kernel_name, self.left, self.ahead = kernel_name, count, ahead
        self.ready: list[Any] = []
        self._stopping: list[threading.Thread] = []
        self._fill()

    def _start(self) -> Any:
        km = _Manager(kernel_name=self.kernel_name, client_factory=ReadyClient)
        km.start_kernel(cwd=str(paths.NOTEBOOKS_DIR))
        kc = km.client()
        # no heartbeat: the warm-up needs the shell and output channels only, and a heartbeat
        # thread still opening its socket while close() stops an unused kernel raised "Too many
        # open files" in that thread (the manager watches the kernel's process instead)
        kc.start_channels(hb=False)
        return km, kc, kc.execute(WARM_UP, silent=True, store_history=False)

    def _fill(self) -> None:
        while self.left > len(self.ready) and len(self.ready) < self.ahead:
            self.ready.append(self._start())

    def take(self) -> Any:
        """The next notebook's kernel (the next one starts meanwhile)."""
        km, kc, warm_up = self.ready.pop(0)
        self.left -= 1
        self._fill()
        # a request still queued when its client closes is dropped: wait for the warm-up's
        # answer (the kernel has imported the package), then papermill connects its own client
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and km.is_alive():
            try:
                msg = kc.get_shell_msg(timeout=0.5)
            except Empty:
                continue
            if msg["parent_header"].get("msg_id") == warm_up:
                break
        kc.stop_channels()
        return km

    @staticmethod
    def stop(km: Any) -> None:
        for kc in getattr(km, "clients", ()):
            kc.stop_channels()
        try:
            km.shutdown_kernel(now=True)
        except RuntimeError:  # already gone
            pass

    def retire(self, km: Any) -> None:
        """Stop a used kernel in the background (the next notebook need not wait for it)."""
        thread = threading.Thread(target=self.stop, args=(km,), daemon=True)
        thread.start()
        self._stopping.append(thread)

    def close(self) -> None:
        """Stop the kernels not used and wait until every kernel has stopped."""
        while self.ready:
            km, kc, _ = self.ready.pop()
            kc.stop_channels()
            self.retire(km)
        for thread in self._stopping:
            thread.join()
        self._stopping.clear()


def _execute(values: dict[str, Any], stage: Path, out: Path, render_report: bool, log) -> None:
    (stage / "notebooks").mkdir(parents=True)
    staged = Params.from_mapping({**values, "out_dir": str(stage)})
    kernel = ensure_kernel()
    books = notebooks()
    kernels = Kernels(kernel, len(books))
    try:
        _run_notebooks(books, staged, stage, out, kernels, log)
    finally:
        kernels.close()
    if render_report:
        from .report import build_report

        log("rendering report ...", end="", flush=True)
        t0 = time.perf_counter()
        cache_dir = staged.cache_dir
        engine = build_report(stage, None if cache_dir == "none" else Path(cache_dir))
        log(f" ok with {engine} ({time.perf_counter() - t0:.1f} s)")


def _run_notebooks(books: list[Path], staged: Params, stage: Path, out: Path, kernels: Kernels, log) -> None:
    for i, nb in enumerate(books, start=1):
        t0 = time.perf_counter()
        log(f"[{i}/{len(books)}] {nb.name} ...", end="", flush=True)
        target = stage / "notebooks" / nb.name
        pm = _papermill()
        km = kernels.take()
        try:
            pm.execute_notebook(
                str(nb), str(target), parameters=_as_dict(staged), kernel_name=kernels.kernel_name,
                cwd=str(paths.NOTEBOOKS_DIR), progress_bar=False, log_output=False, km=km,
            )
        except pm.PapermillExecutionError as exc:
            log(" FAILED")
            kept = out / "failed" / nb.name
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(target, kept)
            raise NotebookFailed(
                f"notebook {nb.name} failed in cell {exc.cell_index} "
                f"(execution count {exc.exec_count}): {exc.ename}: {exc.evalue}\n"
                f"executed copy kept at {kept}; the published report was not touched"
            ) from None
        finally:
            kernels.retire(km)
        log(f" ok ({time.perf_counter() - t0:.1f} s)")


def _as_dict(p: Params) -> dict[str, Any]:
    return dataclasses.asdict(p)
