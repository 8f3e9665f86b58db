"""Render on several processes: forked workers share the corpus and are sent no data at all.

The corpus and the Jinja environment are set in a module global before the workers fork, so
each worker has its own copy-on-write copy of both (and of the lookups worked out before the
fork). The jobs are one list, known to every process: workers take the next job from its
front and this process takes jobs from its back, through two shared counters, until they meet.
So n cores need n - 1 forks (each costs memory as it touches the corpus), and no process waits
on another to be handed work. Each worker sends its pages when it has no job left, in
messages of about a megabyte, so that neither end holds more than that of them pickled. A job's
pages come in a list per item, so that the caller knows which item made which pages.

The objects that exist at the fork are frozen out of the cycle collector first: a worker's
collections would otherwise walk, and so copy, all the memory that holds the shared corpus.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from multiprocessing.connection import Connection
from typing import Any

import jinja2

from generator.models import Corpus, Page

Job = tuple[int, int, int]
Pages = list[list[Page]]  # a job's pages, item by item
Work = Callable[[Corpus, jinja2.Environment, Job], Pages]
Done = Pages | Exception
_FRONT, _BACK = 0, 1  # the shared counters: next job from the front, one past the last
PIECE = 1 << 20  # bytes of pages a message carries, but for one larger page


def cores() -> int:
    """Return how many cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    """Tell whether workers can start as forks of this process.

    Not on Windows, which cannot fork, nor on macOS, where a fork may crash in system libraries.
    """
    return sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods()


class WorkerError(RuntimeError):
    """A render worker stopped without sending its pages."""


def render_forked(
    corpus: Corpus,
    env: jinja2.Environment,
    jobs: Sequence[Job],
    workers: int,
    work: Work,
    share: bool = True,
) -> Generator[Pages, None, None]:
    """Yield work(corpus, env, job) for each job in order, done on `workers` processes.

    Jobs that render a whole maker's rest (item -1) are taken first, as the longest jobs (the
    export, the charts) are among them; the ranges of items then fill in, so every process
    finishes at about the same time. This process is one of the `workers` when it may `share`
    the jobs, else it only waits. A job's fault is raised in its turn, as if done in order.
    """
    context = multiprocessing.get_context("fork")
    order = sorted(range(len(jobs)), key=lambda i: jobs[i][1] >= 0)
    counters = context.RawArray("l", [0, len(order)])
    lock = context.Lock()
    _compile(env)
    started: list[tuple[Any, Connection]] = []
    done: dict[int, Done] = {}
    try:
        thawed = gc.get_freeze_count() == 0  # else the caller froze what it holds, to stay so
        gc.freeze()  # the workers' copy stays frozen; this process thaws its own below
        try:
            for _ in range(max(1, workers - 1 if share else workers)):
                receive, send = context.Pipe(duplex=False)
                args = (corpus, env, jobs, order, work, counters, lock, send)
                process = context.Process(target=_worker, args=args, daemon=True)
                process.start()
                send.close()  # the worker holds its end; EOF here means it has stopped
                started.append((process, receive))
        finally:
            if thawed:
                gc.unfreeze()
        while share and (i := _take(counters, lock, _BACK)) is not None:
            done[order[i]] = _do(work, corpus, env, jobs[order[i]])
        for process, receive in started:
            done.update(_receive(receive))
            process.join()
    finally:
        for process, receive in started:
            receive.close()
            if process.is_alive():  # only when this process is stopped by a fault of its own
                process.terminate()
                process.join()
    for i in range(len(jobs)):
        if i not in done:
            raise WorkerError(f"no render worker sent the pages of job {jobs[i]}")
        result = done[i]
        if isinstance(result, Exception):
            raise result
        yield result


def _take(counters: Any, lock: Any, end: int) -> int | None:
    """Take the next job (a place in the order) from the front or the back, or None if none."""
    with lock:
        front, back = counters[_FRONT], counters[_BACK]
        if front >= back:
            return None
        if end == _FRONT:
            counters[_FRONT] = front + 1
            return int(front)
        counters[_BACK] = back - 1
        return int(back - 1)


def _do(work: Work, corpus: Corpus, env: jinja2.Environment, job: Job) -> Done:
    """Do a job; a fault is kept, to be raised in its turn."""
    try:
        return work(corpus, env, job)
    except Exception as exc:
        return exc


def _worker(
    corpus: Corpus,
    env: jinja2.Environment,
    jobs: Sequence[Job],
    order: Sequence[int],
    work: Work,
    counters: Any,
    lock: Any,
    send: Connection,
) -> None:
    """Do jobs from the front of the order while any are left, then send their pages.

    A message is (job, pages of it) or (job, its fault); None says there are no more.
    """
    done: dict[int, Done] = {}
    while (i := _take(counters, lock, _FRONT)) is not None:
        done[order[i]] = _do(work, corpus, env, jobs[order[i]])
    for job in sorted(done):
        result = done.pop(job)  # sent pages are let go at once
        if not isinstance(result, Exception):
            for piece in pieces(result):
                send.send((job, piece))
            continue
        try:
            send.send((job, result))
        except Exception:  # a fault that cannot be pickled: send what it says instead
            send.send((job, WorkerError(repr(result))))
    send.send(None)
    send.close()


def pieces(groups: Pages, size: int = PIECE) -> Iterator[Pages]:
    """Split groups of pages, in order, into runs of at most `size` bytes (or one larger group).

    There is at least one run: a job without pages is one empty run, so that it is still sent.
    """
    piece: Pages = []
    held = 0
    for group in groups:
        weight = sum(len(page.data) for page in group)
        if piece and held + weight > size:
            yield piece
            piece, held = [], 0
        piece.append(group)
        held += weight
    yield piece


def _receive(receive: Connection) -> dict[int, Done]:
    """Return the results a worker sends, up to the None that ends them."""
    found: dict[int, Done] = {}
    try:
        while (message := receive.recv()) is not None:
            job, result = message
            pages = found.get(job)
            if isinstance(result, list) and isinstance(pages, list):
                pages += result
            else:
                found[job] = result
    except EOFError:
        raise WorkerError("a render worker stopped without sending its pages") from None
    return found


def _compile(env: jinja2.Environment) -> None:
    """Compile the templates once, before the fork, rather than once in every worker."""
    try:
        names = env.list_templates(extensions=["j2"])
    except TypeError:  # a loader that cannot list its templates: each worker compiles them
        return
    for name in names:
        with contextlib.suppress(jinja2.TemplateError):  # raised again in its turn
            env.get_template(name)
