#!/usr/bin/env python3
"""nbcheck: execute and check the course notebooks (Kursus RNN).

Usage:
    python3 nbcheck.py --kernel NAME --notebooks DIR --out DIR
                       [--refresh] [--only GLOB] [--retries N] [--static-only]

Every ``*.ipynb`` under ``--notebooks`` (sorted, ``.ipynb_checkpoints`` skipped) is first checked
statically (no kernel needed), then executed with nbclient through the kernelspec ``--kernel``,
which Jupyter finds through the caller's ``JUPYTER_PATH`` (and the usual Jupyter data dirs).

A notebook FAILS on:
  * static: notebook metadata ``kernelspec.name`` is not ``kursus-rnn``; ``language_info.name`` is
    not ``java``; ``kursus.budget_seconds`` is not a positive number; a markdown cell without the
    bilingual parts (``**[ID]**`` then Indonesian text, later ``**[EN]**`` then English text); a
    code line starting with ``%`` (kernel magic); a call to rapaio-only API (``options()``);
    unbalanced ``// BEGIN SOLUTION`` / ``// END SOLUTION`` markers;
  * run: an ``error`` output or an execute reply with status error; the kernel dying; the notebook
    over its budget (``metadata.kursus.budget_seconds``, default 180 s, see "Time budget" below);
    a stray display-id result (an ``execute_result`` whose text is a bare
    UUID, i.e. ``display(x);`` as the last statement, or ``java.io.PrintStream@...``, i.e.
    ``printf`` as the last statement).

Time budget: the budget counts the **CPU seconds of the kernel process** (user + system time of the
kernel and its child processes, from its start to the end of the last cell; ``/proc`` on Linux,
``psutil`` elsewhere when installed), so other jobs on a busy CI machine do not eat a notebook's
budget, while a notebook that really computes too much still fails. A notebook that waits without
computing (a sleep, a stuck kernel) is caught by a wall-clock cap of ``WALL_FACTOR`` (3) x budget.
Without a way to read CPU time the budget is wall-clock time, as before. The status line shows both.

Kernel start-up is retried (``--retries``, default 3 attempts in total) when the kernel does not
answer within the start-up timeout: rapaio-jupyter-kernel 3.0.1 has start-up races where a kernel
never answers or answers on the shell channel but not on IOPub. After ``kernel_info`` succeeds a
second ``kernel_info`` probe must produce busy/idle on IOPub too, otherwise the start is retried.

Kernels are stopped with a kill after the last cell (a graceful rapaio shutdown costs ~3 s
per notebook and checks nothing the course needs).

Executed copies go to ``--out`` (same relative paths), with the kernel's own output in
``NAME.kernel.log`` next to them. The committed notebooks are never written unless ``--refresh``:
then each notebook that PASSED is written back into ``--notebooks`` with its new outputs and its
original notebook metadata (so the file does not change with the machine's JDK version).

Prints one line per notebook (notebook, seconds, code cells run/total, status or reason) and a
final line ``notebooks: N passed, M failed``. Exit status 0 iff every notebook passed; 2 on a usage
problem (unknown kernel, no notebook found).

Needs only Python 3.9+ with nbformat and nbclient (Debian: python3-nbformat, python3-nbclient).
"""

from __future__ import annotations

import argparse
import atexit
import asyncio
import fnmatch
import math
import os
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from queue import Empty
from typing import List, Optional

KERNEL_NAME = "kursus-rnn"
DEFAULT_BUDGET = 180.0
# wall-clock cap, as a multiple of the (CPU-time) budget: catches notebooks that wait instead of computing
WALL_FACTOR = 3.0
STARTUP_TIMEOUT = 45
IOPUB_TIMEOUT = 15
# a kernel whose heartbeat answers but whose shell stays silent this long is stuck (rapaio race)
STALL_TIMEOUT = 15.0

ID_MARK = "**[ID]**"
EN_MARK = "**[EN]**"
BEGIN_SOLUTION = "// BEGIN SOLUTION"
END_SOLUTION = "// END SOLUTION"

# A code line starting with % or %% (line and cell magics of IJava, JJava and rapaio).
MAGIC_RE = re.compile(r"^\s*%")
# rapaio-only API called as a free function (not a method such as table.options()).
RAPAIO_ONLY = ("options",)
RAPAIO_RE = re.compile(r"(?<![\w.$])(" + "|".join(RAPAIO_ONLY) + r")\s*\(")
UUID_RE = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
PRINTSTREAM_RE = re.compile(r"^java\.io\.PrintStream@[0-9a-fA-F]+$")
TAG_RE = re.compile(r"<[^>]+>")
HAS_WORD = re.compile(r"\w")


class StartupFailed(Exception):
    """The kernel did not become usable (no reply, died at start, IOPub silent)."""


# ----------------------------------------------------------------------------------------------
# static checks (no kernel)
# ----------------------------------------------------------------------------------------------

def source_of(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def strip_java_comments_and_strings(code: str) -> str:
    """Blanks out // and /* */ comments and string/char literals (text blocks too), keeping line breaks."""
    out = []
    i, n = 0, len(code)
    while i < n:
        c = code[i]
        if code.startswith("//", i):
            j = code.find("\n", i)
            i = n if j < 0 else j
        elif code.startswith("/*", i):
            j = code.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * code.count("\n", i, j))
            i = j
        elif code.startswith('"""', i):
            j = code.find('"""', i + 3)
            j = n if j < 0 else j + 3
            out.append('""' + "\n" * code.count("\n", i, j))
            i = j
        elif c in "\"'":
            j = i + 1
            while j < n and code[j] != c and code[j] != "\n":
                j += 2 if code[j] == "\\" else 1
            out.append(c + c)
            i = min(j + 1, n)
        else:
            out.append(c)
            i += 1
    return "".join(out)


def check_markdown(text: str) -> Optional[str]:
    """None if the markdown text has **[ID]** + text, then later **[EN]** + text; else the problem."""
    i = text.find(ID_MARK)
    e = text.find(EN_MARK)
    if i < 0 and e < 0:
        return f"no {ID_MARK} / {EN_MARK} parts"
    if i < 0:
        return f"missing the {ID_MARK} part"
    if e < 0:
        return f"missing the {EN_MARK} part"
    if e < i:
        return f"{EN_MARK} comes before {ID_MARK} (Indonesian first)"
    id_text = text[i + len(ID_MARK):e]
    en_text = text[e + len(EN_MARK):]
    if not HAS_WORD.search(id_text):
        return f"no text after {ID_MARK}"
    if not HAS_WORD.search(en_text):
        return f"no text after {EN_MARK}"
    return None


def check_code(code: str) -> List[str]:
    problems = []
    for ln, line in enumerate(code.splitlines(), 1):
        if MAGIC_RE.match(line):
            problems.append(f"line {ln}: kernel magic '{line.strip()[:40]}' (notebooks must run on IJava/JJava too)")
    bare = strip_java_comments_and_strings(code)
    for ln, line in enumerate(bare.splitlines(), 1):
        m = RAPAIO_RE.search(line)
        if m:
            problems.append(f"line {ln}: rapaio-only call {m.group(1)}()")
    begins = code.count(BEGIN_SOLUTION)
    ends = code.count(END_SOLUTION)
    if begins != ends or (begins and code.find(END_SOLUTION) < code.find(BEGIN_SOLUTION)):
        problems.append(f"unbalanced solution markers ({begins} x '{BEGIN_SOLUTION}', {ends} x '{END_SOLUTION}')")
    return problems


def budget_of(nb) -> float:
    k = nb.get("metadata", {}).get("kursus", {}) or {}
    b = k.get("budget_seconds", DEFAULT_BUDGET)
    try:
        b = float(b)
    except (TypeError, ValueError):
        return -1.0
    return b if math.isfinite(b) and b > 0 else -1.0


def static_problems(nb) -> List[str]:
    """All convention problems of a notebook that can be found without running it."""
    problems = []
    md = nb.get("metadata", {})
    ks = md.get("kernelspec") or {}
    if ks.get("name") != KERNEL_NAME:
        problems.append(f"metadata kernelspec.name is {ks.get('name')!r}, expected {KERNEL_NAME!r}")
    li = md.get("language_info") or {}
    if li.get("name") != "java":
        problems.append(f"metadata language_info.name is {li.get('name')!r}, expected 'java'")
    if budget_of(nb) < 0:
        problems.append(f"metadata kursus.budget_seconds {md.get('kursus', {}).get('budget_seconds')!r} "
                        "is not a positive number")
    for idx, cell in enumerate(nb.get("cells", []), 1):
        src = source_of(cell)
        if cell.get("cell_type") == "markdown":
            p = check_markdown(src)
            if p:
                first = src.strip().splitlines()[0][:50] if src.strip() else "(empty)"
                problems.append(f"cell {idx} (markdown '{first}'): {p}")
        elif cell.get("cell_type") == "code":
            for p in check_code(src):
                problems.append(f"cell {idx}: {p}")
    return problems


CR_OVERWRITTEN = re.compile(r".*\r(?=[^\n])")


def merge_streams(nb) -> None:
    """Joins consecutive stream outputs of the same name and drops text overwritten by a carriage
    return (progress lines), as nbconvert does, so a refreshed notebook stays small and its diff
    does not depend on how the kernel flushed its output."""
    for cell in nb.cells:
        merged = []
        for o in cell.get("outputs", []):
            if (merged and o.get("output_type") == "stream" and merged[-1].get("output_type") == "stream"
                    and merged[-1].get("name") == o.get("name")):
                merged[-1]["text"] += o["text"]
            else:
                merged.append(o)
        for o in merged:
            if o.get("output_type") == "stream" and "\r" in o["text"]:
                o["text"] = CR_OVERWRITTEN.sub("", o["text"])
        if "outputs" in cell:
            cell["outputs"] = merged


# ----------------------------------------------------------------------------------------------
# run checks
# ----------------------------------------------------------------------------------------------

def result_text(output) -> str:
    data = output.get("data", {})
    for mime in ("text/plain", "text/html"):
        if mime in data:
            v = data[mime]
            v = "".join(v) if isinstance(v, list) else v
            return TAG_RE.sub("", v).strip()
    return ""


def output_problem(cell_no: int, outputs) -> Optional[str]:
    for o in outputs:
        t = o.get("output_type")
        if t == "error":
            ev = str(o.get("evalue", "")).strip().splitlines()
            tb = [TAG_RE.sub("", re.sub(r"\x1b\[[0-9;]*m", "", str(x))).strip() for x in o.get("traceback", [])]
            detail = (ev[0] if ev and ev[0] else next((x for x in tb if x), ""))[:300]
            return f"cell {cell_no}: error {o.get('ename', '')}: {detail}"
        if t == "execute_result":
            txt = result_text(o)
            if UUID_RE.match(txt):
                return (f"cell {cell_no}: stray display id result '{txt}' (display(x); as the last statement:"
                        " make the image the last expression or write 'var id = display(x);')")
            if PRINTSTREAM_RE.match(txt):
                return (f"cell {cell_no}: stray result '{txt}' (printf as the last statement:"
                        " use System.out.println(String.format(...)))")
    return None


@dataclass
class Result:
    path: Path
    seconds: float = 0.0
    cells_run: int = 0
    cells_total: int = 0
    ok: bool = False
    reason: str = ""
    attempts: int = 0
    startup_seconds: float = 0.0
    shutdown_seconds: float = 0.0
    cpu_seconds: Optional[float] = None
    notes: List[str] = field(default_factory=list)


# ----------------------------------------------------------------------------------------------
# time budget: CPU time of the kernel process tree, with a wall-clock cap
# ----------------------------------------------------------------------------------------------

def _proc_stat(pid: int):
    """(ppid, utime + stime in seconds) from /proc/PID/stat, or None."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            data = f.read().decode("ascii", "replace")
    except OSError:
        return None
    rest = data[data.rfind(")") + 2:].split()  # the command name may hold spaces and parentheses
    # rest[0] is field 3 (state): ppid = field 4, utime = field 14, stime = field 15
    ticks = os.sysconf("SC_CLK_TCK")
    return int(rest[1]), (int(rest[11]) + int(rest[12])) / ticks


def process_cpu_seconds(pid: Optional[int]) -> Optional[float]:
    """User + system CPU seconds used so far by process ``pid`` and its live descendants; None when it
    cannot be read (no such process, no /proc and no psutil)."""
    if pid is None:
        return None
    if os.path.isdir("/proc/self"):
        own = _proc_stat(pid)
        if own is None:
            return None
        parent_of = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit() and int(entry) != pid:
                st = _proc_stat(int(entry))
                if st is not None:
                    parent_of[int(entry)] = st
        total, frontier = own[1], {pid}
        while frontier:
            children = {c for c, (pp, _) in parent_of.items() if pp in frontier}
            total += sum(parent_of[c][1] for c in children)
            for c in children:
                del parent_of[c]
            frontier = children
        return total
    try:
        import psutil
        proc = psutil.Process(pid)
        total = sum(proc.cpu_times()[:2])
        for c in proc.children(recursive=True):
            try:
                total += sum(c.cpu_times()[:2])
            except psutil.Error:
                pass
        return total
    except Exception:  # no psutil, process gone, access denied
        return None


def budget_problem(cpu: Optional[float], wall: float, budget: float) -> Optional[str]:
    """Why a notebook is over its budget, or None. ``cpu`` is the kernel's CPU seconds (None: unknown,
    then the wall-clock time counts), ``wall`` the seconds since the kernel start."""
    if cpu is None:
        return f"over budget: {wall:.0f} s > {budget:.0f} s (wall clock; kernel CPU time unavailable)" \
            if wall > budget else None
    if cpu > budget:
        return f"over budget: kernel CPU {cpu:.0f} s > {budget:.0f} s (wall {wall:.0f} s)"
    if wall > WALL_FACTOR * budget:
        return (f"over budget: wall clock {wall:.0f} s > {WALL_FACTOR:g} x {budget:.0f} s while the kernel "
                f"used only {cpu:.0f} s CPU (waiting, or a stuck kernel)")
    return None


def wall_limit(cpu_known: bool, budget: float) -> float:
    """Wall-clock seconds a notebook may take: the budget itself when CPU time is unknown, else the cap."""
    return WALL_FACTOR * budget if cpu_known else budget


def kernel_pid(km) -> Optional[int]:
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    return getattr(proc, "pid", None)


# kernels started and not yet stopped: killed at exit (Ctrl-C, harness crash) so no JVM is left behind
_LIVE: set = set()


def _kill_leftovers() -> None:
    for km in list(_LIVE):
        _kill_leftovers_of(km)


atexit.register(_kill_leftovers)


async def _stop(client) -> None:
    """Kills the kernel (no graceful shutdown: it costs ~3 s and tells us nothing) and closes channels."""
    km, kc = client.km, client.kc
    try:
        if kc is not None:
            kc.stop_channels()
        if km is not None and km.has_kernel:
            await km.shutdown_kernel(now=True)
    except Exception:
        pass
    finally:
        if km is not None:
            _kill_leftovers_of(km)
            _LIVE.discard(km)
        client.kc = None
        client.km = None


def _kill_leftovers_of(km) -> None:
    proc = getattr(getattr(km, "provisioner", None), "process", None)
    if proc is not None and proc.poll() is None:
        proc.kill()


async def _wait_ready(client, timeout: float) -> None:
    """Like jupyter_client's wait_for_ready, but gives up early on rapaio's start-up race: the JVM is
    up (heartbeat answers) yet the shell loop never answers kernel_info."""
    kc, km = client.kc, client.km
    t0 = time.monotonic()
    beating_since = None
    while True:
        kc.kernel_info()
        try:
            msg = await kc.get_shell_msg(timeout=1)
            if msg.get("msg_type") == "kernel_info_reply":
                return
        except Empty:
            pass
        now = time.monotonic()
        if not await km.is_alive():
            raise StartupFailed("kernel process exited during start-up")
        if kc.hb_channel.is_beating():
            beating_since = beating_since or now
        if beating_since is not None and now - beating_since > STALL_TIMEOUT:
            raise StartupFailed(f"heartbeat answers but no kernel_info reply for {STALL_TIMEOUT:.0f} s")
        if now - t0 > timeout:
            raise StartupFailed(f"no kernel_info reply within {timeout:.0f} s")


async def _probe_iopub(kc, timeout: float) -> None:
    """kernel_info again and require its busy/idle on IOPub (catches a silent IOPub loop)."""
    msg_id = kc.kernel_info()
    deadline = time.monotonic() + timeout
    got_reply = got_idle = False
    while not (got_reply and got_idle):
        left = deadline - time.monotonic()
        if left <= 0:
            what = "IOPub status" if got_reply else "kernel_info reply"
            raise StartupFailed(f"no {what} within {timeout:.0f} s after start")
        if not got_reply:
            try:
                m = await kc.get_shell_msg(timeout=min(left, 1.0))
                got_reply = m.get("parent_header", {}).get("msg_id") == msg_id or got_reply
            except Empty:
                pass
        if not got_idle:
            try:
                m = await kc.get_iopub_msg(timeout=min(max(deadline - time.monotonic(), 0.05), 1.0))
                if (m.get("parent_header", {}).get("msg_id") == msg_id and m.get("msg_type") == "status"
                        and m.get("content", {}).get("execution_state") == "idle"):
                    got_idle = True
            except Empty:
                pass


async def _run_once(nb, client_cls, kernel: str, cwd: Path, log_path: Path, budget: float,
                    startup_timeout: float, res: Result) -> None:
    """One attempt: start the kernel, probe it, run all code cells. Raises StartupFailed to retry."""
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    client = client_cls(nb, kernel_name=kernel, timeout=None, startup_timeout=int(startup_timeout),
                        allow_errors=True, record_timing=False, iopub_timeout=IOPUB_TIMEOUT,
                        raise_on_iopub_timeout=True, interrupt_on_timeout=False,
                        shutdown_kernel="immediate")
    client.reset_execution_trackers()
    code_cells = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and source_of(c).strip()]
    res.cells_total = len(code_cells)
    res.cells_run = 0
    t0 = time.monotonic()
    with open(log_path, "ab") as log:
        log.write(f"\n===== attempt {res.attempts} {time.strftime('%H:%M:%S')} =====\n".encode())
        log.flush()
        try:
            client.km = client.create_kernel_manager()
            await client.async_start_new_kernel(cwd=str(cwd), stdout=log, stderr=log)
            _LIVE.add(client.km)
            client.kc = client.km.client()
            client.kc.start_channels()
            await _wait_ready(client, startup_timeout)
            await _probe_iopub(client.kc, min(startup_timeout, 30))
            client.kc.allow_stdin = False
        except Exception as e:  # start-up timeout, kernel died before replying, silent IOPub ...
            await _stop(client)
            if isinstance(e, StartupFailed):
                raise
            raise StartupFailed(f"{type(e).__name__}: {e}") from e
        failed = None
        pid = kernel_pid(client.km)
        cpu_known = process_cpu_seconds(pid) is not None
        limit = wall_limit(cpu_known, budget)
        try:
            res.startup_seconds = time.monotonic() - t0
            for n, idx in enumerate(code_cells, 1):
                cell = nb.cells[idx]
                failed = budget_problem(process_cpu_seconds(pid) if cpu_known else None,
                                        time.monotonic() - t0, budget)
                if failed:
                    failed += f" before cell {idx + 1}"
                    break
                remaining = limit - (time.monotonic() - t0)
                client.timeout = max(1, int(math.ceil(remaining)))
                res.cells_run = n
                try:
                    await client.async_execute_cell(cell, idx, execution_count=n)
                except CellTimeoutError as e:
                    if "IOPub" in str(e):
                        failed = f"cell {idx + 1}: no IOPub output within {IOPUB_TIMEOUT} s after its reply"
                    else:
                        cpu = process_cpu_seconds(pid) if cpu_known else None
                        failed = (f"over budget: cell {idx + 1} still running after "
                                  f"{time.monotonic() - t0:.0f} s wall"
                                  + (f", kernel CPU {cpu:.0f} s" if cpu is not None else "")
                                  + f" (budget {budget:.0f} s)")
                    break
                except DeadKernelError:
                    failed = f"kernel died in cell {idx + 1} (see {log_path.name})"
                    break
                except CellExecutionError as e:  # not expected with allow_errors=True; kept for safety
                    failed = f"cell {idx + 1}: error {e.ename}: {str(e.evalue)[:300]}"
                    break
                p = output_problem(idx + 1, cell.get("outputs", []))
                if p:
                    failed = p
                    break
        finally:
            res.seconds = time.monotonic() - t0
            res.cpu_seconds = process_cpu_seconds(pid) if cpu_known else None
            t_exit = time.monotonic()
            await _stop(client)
            res.shutdown_seconds = time.monotonic() - t_exit
    # cells after a failure keep no stale outputs in the executed copy
    if failed:
        for idx in code_cells[res.cells_run:]:
            nb.cells[idx].outputs = []
            nb.cells[idx].execution_count = None
        res.reason = failed
    else:
        over = budget_problem(res.cpu_seconds, res.seconds, budget)
        if over:
            res.reason = over
        else:
            res.ok = True


def run_notebook(path: Path, rel: Path, args, client_cls, nbformat) -> Result:
    res = Result(rel)
    nb = nbformat.read(str(path), as_version=4)
    problems = static_problems(nb)
    res.cells_total = sum(1 for c in nb.cells if c.cell_type == "code" and source_of(c).strip())
    if problems:
        res.reason = "; ".join(problems)
        return res
    if args.static_only:
        res.ok = True
        return res
    original_metadata = dict(nb.metadata)
    out_path = Path(args.out) / rel
    out_path.parent.mkdir(parents=True, exist_ok=True)
    log_path = out_path.with_name(out_path.stem + ".kernel.log")
    log_path.write_bytes(b"")
    budget = budget_of(nb)
    last = ""
    for attempt in range(1, max(1, args.retries) + 1):
        res.attempts = attempt
        work = nbformat.reads(nbformat.writes(nb), as_version=4)
        try:
            asyncio.run(_run_once(work, client_cls, args.kernel, path.parent.resolve(), log_path, budget,
                                  args.startup_timeout, res))
            break
        except StartupFailed as e:
            last = str(e).splitlines()[0][:200] if str(e) else "StartupFailed"
            res.notes.append(f"start {attempt}: {last}")
            continue
    else:
        res.reason = f"kernel did not start in {res.attempts} attempts ({last}; see {log_path.name})"
        return res
    merge_streams(work)
    nbformat.write(work, str(out_path))
    if args.refresh and res.ok:
        work.metadata = nbformat.from_dict(original_metadata)
        nbformat.write(work, str(path))
        res.notes.append("refreshed")
    return res


def find_notebooks(root: Path, only: Optional[str]) -> List[Path]:
    found = []
    for p in sorted(root.rglob("*.ipynb")):
        rel = p.relative_to(root)
        if any(part.startswith(".ipynb_checkpoints") for part in rel.parts):
            continue
        if only and not (fnmatch.fnmatch(p.name, only) or fnmatch.fnmatch(rel.as_posix(), only)):
            continue
        found.append(p)
    return found


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Execute and check the Kursus RNN notebooks.")
    ap.add_argument("--kernel", default=KERNEL_NAME, help="kernelspec name to execute with (default kursus-rnn)")
    ap.add_argument("--notebooks", required=True, help="folder with the notebooks (searched recursively)")
    ap.add_argument("--out", required=True, help="folder for the executed copies and kernel logs")
    ap.add_argument("--refresh", action="store_true", help="write outputs of passing notebooks back into --notebooks")
    ap.add_argument("--only", help="only notebooks whose file name or relative path matches this glob")
    ap.add_argument("--retries", type=int, default=3, help="kernel start attempts per notebook (default 3)")
    ap.add_argument("--startup-timeout", type=float, default=STARTUP_TIMEOUT, help="seconds per start attempt")
    ap.add_argument("--static-only", action="store_true", help="only the checks that need no kernel")
    args = ap.parse_args(argv)
    if sys.platform == "win32":  # pyzmq's asyncio sockets need a selector loop, not the Proactor default
        asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())

    try:
        import nbformat
        from nbclient import NotebookClient
    except ImportError as e:
        print(f"nbcheck: {e}. Install nbclient/nbformat (Debian/Ubuntu: apt-get install python3-nbclient "
              "python3-nbformat; elsewhere: pip install nbclient).", file=sys.stderr)
        return 2

    root = Path(args.notebooks)
    if not root.is_dir():
        print(f"nbcheck: notebook folder {root} does not exist", file=sys.stderr)
        return 2
    if Path(args.out).resolve() == root.resolve() and not args.static_only:
        print("nbcheck: --out must differ from --notebooks (use --refresh to store outputs in the notebooks)",
              file=sys.stderr)
        return 2
    if not args.static_only:
        from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
        ksm = KernelSpecManager()
        try:
            ksm.get_kernel_spec(args.kernel)
        except NoSuchKernel:
            names = ", ".join(sorted(ksm.find_kernel_specs())) or "none"
            print(f"nbcheck: no kernelspec {args.kernel!r} (found: {names}; JUPYTER_PATH="
                  f"{os.environ.get('JUPYTER_PATH', '')!r})", file=sys.stderr)
            return 2
    notebooks = find_notebooks(root, args.only)
    if not notebooks:
        print(f"nbcheck: no notebook under {root}" + (f" matching {args.only!r}" if args.only else ""),
              file=sys.stderr)
        return 2
    Path(args.out).mkdir(parents=True, exist_ok=True)

    width = max(24, max(len(p.relative_to(root).as_posix()) for p in notebooks))
    print(f"{'notebook':<{width}}  {'seconds':>7}  {'cells':>7}  status", flush=True)
    results = []
    t_all = time.monotonic()
    for p in notebooks:
        rel = p.relative_to(root)
        t = time.monotonic()
        try:
            r = run_notebook(p, rel, args, NotebookClient, nbformat)
        except Exception as e:  # unreadable notebook, harness bug: report, go on with the others
            r = Result(rel, reason=f"harness error {type(e).__name__}: {e}")
        if not r.seconds:
            r.seconds = time.monotonic() - t
        results.append(r)
        status = "ok" if r.ok else "FAIL " + r.reason
        extra = []
        if r.attempts > 1:
            first = next((n for n in r.notes if n.startswith("start ")), "")
            extra.append(f"kernel start attempts: {r.attempts} ({first.split(': ', 1)[-1][:60]})")
        if r.cpu_seconds is not None:
            extra.append(f"kernel CPU {r.cpu_seconds:.1f} s")
        if r.startup_seconds:
            extra.append(f"start {r.startup_seconds:.1f} s")
        if r.shutdown_seconds >= 1:
            extra.append(f"shutdown {r.shutdown_seconds:.1f} s")
        extra += [n for n in r.notes if not n.startswith("start ")]
        if extra:
            status += "  [" + "; ".join(extra) + "]"
        print(f"{rel.as_posix():<{width}}  {r.seconds:7.1f}  {r.cells_run:>3}/{r.cells_total:<3}  {status}", flush=True)
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    where = "static checks only" if args.static_only else f"executed copies in {args.out}"
    print(f"total {time.monotonic() - t_all:.1f} s; {where}")
    print(f"notebooks: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
