"""Test helper: read files each in a process of its own under hard CPU and memory limits.

A hostile file must give items or one InputError, within bounds. Timing it in the test process
would neither stop a read that runs for minutes nor catch one that takes gigabytes, so a worker
process (started once, with the readers imported) forks a child per file, sets
``RLIMIT_CPU``/``RLIMIT_AS`` in it and reads the file there; a read over the limits is killed
by the kernel (SIGXCPU, or a MemoryError in the child), and the worker reports what happened
with the child's CPU time and peak RSS from ``wait4``. Forking in the single-threaded worker,
not in the test process, keeps fork away from pytest's threads.

Run as ``python -m tests.extractors.reading.bounded CPU_SECONDS MEMORY_BYTES``; it reads one
JSON request a line on stdin and writes one JSON outcome a line on stdout.
"""

from __future__ import annotations

import json
import os
import resource
import select
import signal
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What reading one file in a bounded child gave.

    ``kind`` is "items" (``items`` items were read), "error" (an InputError, ``message``),
    "crash" (any other exception: ``message`` is its traceback), "stdout" (the read wrote
    ``message`` to stdout) or "killed" (by ``signal``).
    """

    kind: str
    message: str = ""
    items: int = 0
    signal: int | None = None
    cpu_seconds: float = 0.0
    peak_rss_bytes: int = 0


class BoundedReader:
    """A worker process reading files under limits; use as a context manager."""

    def __init__(self, cpu_seconds: int = 10, memory_bytes: int = 1 << 30) -> None:
        worker = [sys.executable, "-m", "tests.extractors.reading.bounded"]
        self.process = subprocess.Popen(
            [*worker, str(cpu_seconds), str(memory_bytes)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=ROOT,
            text=True,
            encoding="utf-8",
        )
        self.wall_seconds = cpu_seconds * 4 + 30

    def read(self, path: Path, **options: Any) -> Outcome:
        """The outcome of ``read_list(path, **options)`` in a bounded child (with
        ``batches=True``: of ``open_list(path, min_bytes=0)``, read in batches)."""
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(json.dumps({"path": str(path), "options": options}) + "\n")
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], self.wall_seconds)
        if not ready:
            self.close()
            raise AssertionError(f"{path}: no outcome within {self.wall_seconds} s of wall time")
        return Outcome(**json.loads(self.process.stdout.readline()))

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()

    def __enter__(self) -> BoundedReader:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _child(path: str, options: dict[str, Any], cpu: int, memory: int, out: int) -> None:
    """Read ``path`` under the limits and write the outcome to the pipe ``out``; never returns."""
    from extractors.errors import InputError
    from extractors.models import PowerList
    from extractors.reading.read import read_list
    from extractors.reading.stream import open_list

    code = 0
    try:
        with open("/proc/self/status") as status:
            size = next(int(ln.split()[1]) * 1024 for ln in status if ln.startswith("VmSize:"))
        resource.setrlimit(resource.RLIMIT_AS, (size + memory, size + memory))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 2))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        # What the read writes to stdout is kept apart: `quanze parse` prints items there.
        stdout = tempfile.TemporaryFile()  # noqa: SIM115 - open until os._exit
        os.dup2(stdout.fileno(), 1)
        try:
            if options.pop("batches", False):
                # read in batches (``open_list``), as a large list is, and put back together
                opened = open_list(path, min_bytes=0, **options)
                if not isinstance(opened, PowerList):
                    items = tuple(i for batch in opened.batches() for i in batch)
                    opened = replace(opened.head, items=items)
                plist = opened
            else:
                plist = read_list(path, **options)
            # What the CLI does with the items: write them out as UTF-8 JSON.
            for item in plist.items:
                json.dumps(item.to_json(), ensure_ascii=False).encode("utf-8")
            assert plist.rows_seen == plist.rows_accounted(), "rows not accounted for"
            result: dict[str, Any] = {"kind": "items", "items": len(plist.items)}
        except InputError as err:
            result = {"kind": "error", "message": str(err)}
        except BaseException:
            result = {"kind": "crash", "message": traceback.format_exc()[-3000:]}
        sys.stdout.flush()
        if os.fstat(1).st_size:
            stdout.seek(0)
            result = {"kind": "stdout", "message": stdout.read(500).decode("utf-8", "replace")}
        data = json.dumps(result).encode()
        while data:
            data = data[os.write(out, data) :]
    except BaseException:
        code = 3
    finally:
        os._exit(code)


def _serve(cpu: int, memory: int) -> None:
    import extractors.reading.read  # noqa: F401 - imported once, before the forks

    # Outcomes go out on the stdout the worker was given; its fd 1 (and its children's, until
    # they set their own) is stderr, so nothing else can run into them.
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    for line in sys.stdin:
        request = json.loads(line)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_end)
            _child(request["path"], request["options"], cpu, memory, write_end)
        os.close(write_end)
        chunks = []
        while chunk := os.read(read_end, 1 << 16):
            chunks.append(chunk)
        os.close(read_end)
        _, status, usage = os.wait4(pid, 0)
        measured = {
            "cpu_seconds": usage.ru_utime + usage.ru_stime,
            "peak_rss_bytes": usage.ru_maxrss * 1024,
        }
        if os.WIFSIGNALED(status) or not chunks:
            number = os.WTERMSIG(status) if os.WIFSIGNALED(status) else None
            name = signal.Signals(number).name if number else f"exit {os.WEXITSTATUS(status)}"
            outcome = {"kind": "killed", "signal": number, "message": name, **measured}
        else:
            outcome = {**json.loads(b"".join(chunks)), **measured}
        protocol.write(json.dumps(outcome) + "\n")
        protocol.flush()


if __name__ == "__main__":
    _serve(int(sys.argv[1]), int(sys.argv[2]))
