"""Render on several processes: forked workers share the corpus and are sent only item ranges.

The corpus and the Jinja environment are set in a module global before the workers fork, so
each worker has its own copy-on-write copy of both (and of the lookups worked out before the
fork) and nothing large is pickled on the way out; only the pages come back. This process
renders too: the workers take jobs from the front of the queue and this process from the back,
until they meet, so n cores need only n - 1 forks (each costs memory as it touches the corpus).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import jinja2

from generator.models import Corpus, Page

Job = tuple[int, int, int]
Work = Callable[[Corpus, jinja2.Environment, Job], list[Page]]
_shared: tuple[Corpus, jinja2.Environment, Work] | None = None


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


def render_forked(
    corpus: Corpus,
    env: jinja2.Environment,
    jobs: Sequence[Job],
    workers: int,
    work: Work,
    share: bool = True,
) -> Generator[list[Page], None, None]:
    """Yield work(corpus, env, job) for each job in order, done on `workers` processes.

    Jobs that render a whole maker's rest (item -1) are queued first, as the longest jobs (the
    export, the charts) are among them; the ranges of items then fill in, so every process
    finishes at about the same time. This process is one of the `workers` when it may `share`
    the jobs, else it only waits.
    """
    global _shared
    _shared = (corpus, env, work)
    _compile(env)
    forks = max(1, workers - 1 if share else workers)
    pool = ProcessPoolExecutor(forks, mp_context=multiprocessing.get_context("fork"))
    try:
        order = sorted(range(len(jobs)), key=lambda i: jobs[i][1] >= 0)
        futures = {i: pool.submit(_work, jobs[i]) for i in order}
        for i in reversed(order if share else []):  # jobs no worker has started yet
            if not futures[i].cancel():
                break
            futures[i] = _here(work, corpus, env, jobs[i])
        for i in range(len(jobs)):
            yield futures[i].result()
    finally:
        _shared = None
        pool.shutdown(wait=True, cancel_futures=True)


def _compile(env: jinja2.Environment) -> None:
    """Compile the templates once, before the fork, rather than once in every worker."""
    try:
        names = env.list_templates(extensions=["j2"])
    except TypeError:  # a loader that cannot list its templates: each worker compiles them
        return
    for name in names:
        with contextlib.suppress(jinja2.TemplateError):  # raised again in its turn
            env.get_template(name)


def _here(work: Work, corpus: Corpus, env: jinja2.Environment, job: Job) -> Future[list[Page]]:
    """Do a job in this process; a fault is kept, to be raised in its turn."""
    done: Future[list[Page]] = Future()
    try:
        done.set_result(work(corpus, env, job))
    except Exception as exc:  # raised when the jobs before it have been checked
        done.set_exception(exc)
    return done


def _work(job: Job) -> list[Page]:
    assert _shared is not None, "render worker started without a corpus"
    corpus, env, work = _shared
    return work(corpus, env, job)
