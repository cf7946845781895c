"""How much memory one upload costs: `uv run python -m cove.voice.benchmark_memory`.

Starts `cove serve` with one worker and one thread, signs up, and uploads recordings of
growing size (WAV made by ffmpeg, up to the 20 MB limit, and one over it). After each, it
reads the worker's peak resident memory (VmHWM) from /proc, and samples the machine's shared
memory (where the memory files holding the upload and its cleaned copy live; they are not
counted in a process's resident memory) while the request runs. Bounded means: the worker
barely grows, the memory files peak at about the upload plus the cleaned copy, and a file
over the limit is never kept whole. Other work on the machine adds noise to the shared-memory
column.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def _peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise RuntimeError("no VmHWM")


def _shmem_kib() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("Shmem:"):
            return int(line.split()[1])
    raise RuntimeError("no Shmem")


class _ShmemPeak:
    """Samples the machine's shared memory (where memory files live) while a request runs."""

    def __init__(self) -> None:
        self.base = _shmem_kib()
        self.peak = self.base
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _shmem_kib())
            time.sleep(0.01)

    def __enter__(self) -> _ShmemPeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _worker(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def _wav(seconds: int, folder: Path) -> bytes:
    out = folder / f"{seconds}.wav"
    ffmpeg = shutil.which("ffmpeg") or "/usr/bin/ffmpeg"
    subprocess.run([ffmpeg, "-hide_banner",  # noqa: S603 - Debian's ffmpeg, our arguments "-v", "error", "-y", "-f", "lavfi", "-i",
                    f"anoisesrc=duration={seconds}:sample_rate=44100", "-ac", "1",
                    "-c:a", "pcm_s16le", str(out)], check=True)
    return out.read_bytes()


def main() -> int:
    os.environ.setdefault("COVE_DATA_DIR", tempfile.mkdtemp(prefix="cove-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cove.settings")
    import django

    django.setup()
    from cove.testing_server import CoveServer

    folder = Path(tempfile.mkdtemp(prefix="cove-sounds-"))
    server = CoveServer(workers=1, threads=1)
    server.start()
    try:
        assert server.process is not None
        worker = _worker(server.process.pid)
        person = server.sign_up("bench")
        person.get("/voice/")
        print(f"{'upload':>18} {'status':>6} {'worker peak MiB':>16} {'growth MiB':>11} "
              f"{'memory files peak MiB':>22}")
        before = _peak_kib(worker)
        print(f"{'(none)':>18} {'':>6} {before / 1024:16.1f} {0:11.1f}")
        for seconds in (30, 120, 230, 240):
            data = _wav(seconds, folder)
            with _ShmemPeak() as shared:
                response = person.http.post(
                    "/api/v1/voice/notes", files={"audio": ("n.wav", data, "audio/wav")},
                    headers={"X-CSRFToken": person.csrf()}, timeout=300)
            peak = _peak_kib(worker)
            label = f"{len(data) / 1048576:.1f} MB WAV"
            print(f"{label:>18} {response.status_code:>6} {peak / 1024:16.1f} "
                  f"{(peak - before) / 1024:11.1f} {(shared.peak - shared.base) / 1024:22.1f}")
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
