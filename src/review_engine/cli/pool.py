"""Reviewing many documents on several processes: fork after loading, results in input order, a crash is one
document's error.

``ordered(items, work, jobs=N, crashed=…)`` yields ``work(item)`` for every item, in the order of ``items``.
With ``jobs`` 1 (or one item, or a platform without ``fork``) it simply calls ``work`` in this process. Otherwise
it forks ``jobs`` workers *after* the caller has loaded what every review needs (rule set, profile, law
registry, parser tables: ``engine.warm_up``), so the workers share those pages with the parent instead of
loading them again; the items are not sent either — a worker reads ``items[i]`` from the memory it inherited,
and only the index goes down a pipe. A worker sends back ``work(item)`` pickled, with its length in front.

The parent hands out indices one or two at a time to each worker, keeps what comes back early in a small buffer
(never more than ``window`` items ahead of the next one due, so memory does not grow with the stock) and yields
strictly in order, so the output of a run does not depend on ``jobs``. A worker that dies while reviewing (a
crash in a C extension, the kernel's out-of-memory killer, ``os._exit`` in a plug-in) costs only the document
it was working on: that document's result is ``crashed(item, reason)``, the documents queued behind it go to
the other workers, and a fresh worker is forked in its place. An exception inside ``work`` is ``work``'s to
turn into a result (``engine`` reports it as the draft's error); ``KeyboardInterrupt`` stops the run: the
workers are killed and reaped.
"""

from __future__ import annotations

import os
import pickle
import selectors
import signal
import struct
from collections import deque
from collections.abc import Callable, Iterator, Sequence

_HEADER = struct.Struct("<Q")


def default_jobs() -> int:
    """The processors this process may run on (a container's CPU set), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def can_fork() -> bool:
    return hasattr(os, "fork") and hasattr(os, "waitpid")


def ordered(items: Sequence, work: Callable, *, jobs: int, crashed: Callable[[object, str], object],
            window: int | None = None) -> Iterator:
    """``work(item)`` for each item, in order, on ``jobs`` processes (see the module docstring)."""
    if jobs <= 1 or len(items) <= 1 or not can_fork():
        for item in items:
            yield work(item)
        return
    yield from _Pool(items, work, min(jobs, len(items)), crashed, window or 8 * jobs).run()


class _Worker:
    __slots__ = ("pid", "tasks", "results", "pending", "buffer", "gone")

    def __init__(self, pid: int, tasks: int, results: int):
        self.pid = pid
        self.tasks = tasks  # write end: indices to review
        self.results = results  # read end: pickled (index, result)
        self.pending: deque[int] = deque()
        self.buffer = bytearray()
        self.gone = False  # its task pipe is broken: it died; its results pipe will say so


class _Pool:
    def __init__(self, items, work, jobs, crashed, window):
        self.items = items
        self.work = work
        self.jobs = jobs
        self.crashed = crashed
        self.window = window
        self.workers: list[_Worker] = []
        self.selector = selectors.DefaultSelector()
        self.queue: deque[int] = deque(range(len(items)))
        self.done: dict[int, object] = {}

    # ---- the parent ----------------------------------------------------------------------------------------

    def run(self) -> Iterator:
        following = 0
        try:
            for _ in range(self.jobs):
                self._spawn()
            while following < len(self.items):
                self._dispatch(following)
                if following not in self.done:
                    self._collect()  # wait for a result (the next one due is with a worker)
                while following in self.done:
                    yield self.done.pop(following)
                    following += 1
        finally:
            self._shutdown()

    def _dispatch(self, following: int) -> None:
        """Give idle workers the next indices, up to two each and never beyond the window."""
        for depth in (1, 2):
            for worker in self.workers:
                if not self.queue or self.queue[0] >= following + self.window:
                    return
                if len(worker.pending) < depth and not worker.gone:
                    index = self.queue.popleft()
                    try:
                        os.write(worker.tasks, _HEADER.pack(index))
                    except BrokenPipeError:
                        worker.gone = True
                        self.queue.appendleft(index)
                        continue
                    worker.pending.append(index)

    def _collect(self) -> None:
        for key, _ in self.selector.select():
            worker = key.data
            try:
                chunk = os.read(worker.results, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                self._lost(worker)
                continue
            worker.buffer += chunk
            while len(worker.buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(worker.buffer)
                if len(worker.buffer) < _HEADER.size + size:
                    break
                index, result = pickle.loads(bytes(worker.buffer[_HEADER.size:_HEADER.size + size]))
                del worker.buffer[:_HEADER.size + size]
                worker.pending.remove(index)
                self.done[index] = result

    def _lost(self, worker: _Worker) -> None:
        """A worker closed its pipe: it died. Its current document failed; the ones queued behind it go back."""
        self.selector.unregister(worker.results)
        os.close(worker.results)
        os.close(worker.tasks)
        self.workers.remove(worker)
        reason = _reaped(worker.pid)
        if worker.pending:
            index = worker.pending.popleft()
            self.done[index] = self.crashed(self.items[index], reason)
            self.queue.extendleft(reversed(worker.pending))
        if self.queue:
            self._spawn()

    def _spawn(self) -> None:
        task_r, task_w = os.pipe()
        result_r, result_w = os.pipe()
        pid = os.fork()
        if pid == 0:  # the worker: never returns
            os.close(task_w)
            os.close(result_r)
            for other in self.workers:
                os.close(other.tasks)
                os.close(other.results)
            _serve(task_r, result_w, self.items, self.work, self.crashed)
        os.close(task_r)
        os.close(result_w)
        worker = _Worker(pid, task_w, result_r)
        self.workers.append(worker)
        self.selector.register(result_r, selectors.EVENT_READ, worker)

    def _shutdown(self) -> None:
        for worker in self.workers:
            for fd in (worker.tasks, worker.results):
                try:
                    os.close(fd)
                except OSError:
                    pass
        for worker in self.workers:  # a closed task pipe ends a worker's loop; a busy one is stopped
            try:
                os.kill(worker.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            _reaped(worker.pid)
        self.workers.clear()
        self.selector.close()


def _reaped(pid: int) -> str:
    """Wait for ``pid``; how it ended, in Chinese."""
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:
        return "审核进程意外结束"
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        try:
            name = signal.Signals(number).name
        except ValueError:
            name = str(number)
        return f"审核进程异常终止（信号 {name}）"
    return f"审核进程意外退出（退出码 {os.waitstatus_to_exitcode(status)}）"


# ---- the worker ------------------------------------------------------------------------------------------------

def _serve(tasks: int, results: int, items, work, crashed) -> None:
    """Review the indices read from ``tasks`` until the pipe closes; never returns."""
    code = 0
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        while True:
            header = _read_exactly(tasks, _HEADER.size)
            if header is None:
                break
            (index,) = _HEADER.unpack(header)
            try:
                data = pickle.dumps((index, work(items[index])), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as exc:  # work's own error (or a result that cannot be sent): this document's
                result = crashed(items[index], f"审核时出错：{type(exc).__name__}: {exc}")
                data = pickle.dumps((index, result), protocol=pickle.HIGHEST_PROTOCOL)
            _write_all(results, _HEADER.pack(len(data)) + data)
        _flush_caches()
    except BaseException:  # noqa: BLE001 - the parent reports the document as failed
        code = 70
    finally:
        os._exit(code)


def _flush_caches() -> None:
    from .. import recache

    recache.save()


def _read_exactly(fd: int, size: int) -> bytes | None:
    data = b""
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            return None
        data += chunk
    return data


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]
