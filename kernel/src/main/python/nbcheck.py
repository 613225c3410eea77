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

Claims (CONTRIBUTING.md, "Experiments"): notebook metadata ``kursus.claims`` lists predictions of the
"Coba ubah / Try changing" kind. After a notebook's main run passed, each claim runs in a fresh kernel:
only its ``run`` code cells (by cell id, in order), with its ``set`` replacements applied to the
declarations of the ``parameters``-tagged cells among them, then its ``expect`` Java boolean expression.
A claim whose cells fail or whose expression is false fails the notebook. Claim runs are never written
into the notebook (``--refresh`` stores the main run only); their executed copies are kept in ``--out``
as ``NAME.claim-ID.ipynb``. Static claim checks: ids unique, every cell id exists, every ``set`` variable
is declared in a ``parameters`` cell of the claim's run, text and expect present, parameters cells hold
only simple one-line declarations.

Prints one line per notebook (notebook, seconds, code cells run/total, status or reason), for a notebook
with claims one line per claim and ``claims: N checked, N passed``, and a
final line ``notebooks: N passed, M failed``. Exit status 0 iff every notebook passed; 2 on a usage
problem (unknown kernel, no notebook found).

Needs only Python 3.9+ with nbformat and nbclient (Debian: python3-nbformat, python3-nbclient).
"""

from __future__ import annotations

import argparse
import atexit
import asyncio
import copy
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
    problems += claim_problems(nb)
    return problems


# ----------------------------------------------------------------------------------------------
# claims: declared "Coba ubah / Try changing" predictions (static part)
# ----------------------------------------------------------------------------------------------

PARAMETERS_TAG = "parameters"
CLAIM_KEYS = ("id", "text", "run", "set", "expect")
CLAIM_ID_RE = re.compile(r"^[A-Za-z0-9][\w.-]*$")
JAVA_NAME_RE = re.compile(r"^[A-Za-z_$][\w$]*$")
# One simple declaration on one line: [final] TYPE NAME = INITIALIZER; [// comment]
# TYPE: a (qualified) name, optional generic arguments, optional [] pairs (int, double[], List<Integer>, var).
DECL_RE = re.compile(
    r"^(?P<head>\s*(?:final\s+)?[A-Za-z_$][\w$.]*(?:\s*<[^=;]*>)?(?:\s*\[\s*\])*\s+(?P<name>[A-Za-z_$][\w$]*)"
    r"(?:\s*\[\s*\])*\s*=\s*)(?P<init>\S.*?)\s*;(?P<tail>\s*(?://.*)?)$")


SECOND_DECLARATOR_RE = re.compile(r",\s*[A-Za-z_$][\w$]*\s*(?:\[\s*\]\s*)*=(?!=)")


def _top_level(code: str) -> str:
    """The code with everything inside (), [] and {} removed (for finding top-level commas)."""
    out, depth = [], 0
    for c in code:
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(c)
    return "".join(out)


def claims_of(nb) -> list:
    """The notebook's declared claims (``metadata.kursus.claims``); [] when it has none."""
    k = nb.get("metadata", {}).get("kursus", {}) or {}
    c = k.get("claims", [])
    return c if c is not None else []


def is_parameters_cell(cell) -> bool:
    tags = (cell.get("metadata", {}) or {}).get("tags", []) or []
    return cell.get("cell_type") == "code" and PARAMETERS_TAG in tags


def parameter_declarations(code: str):
    """(names declared, problems) of a parameters cell: only blank lines, // comments and one simple
    declaration per line (``int hidden = 16;``) are allowed, so a claim can replace an initializer safely."""
    names, problems = [], []
    for ln, line in enumerate(code.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("//"):
            continue
        m = DECL_RE.match(line)
        if not m or m.group("head").strip().startswith(("return ", "new ")):
            problems.append(f"line {ln}: '{s[:60]}' is not one simple declaration (TYPE NAME = VALUE;) -"
                            " a parameters cell holds only those, one per line")
            continue
        if SECOND_DECLARATOR_RE.search(_top_level(strip_java_comments_and_strings(m.group("init")))):
            problems.append(f"line {ln}: '{s[:60]}' declares several variables - write one declaration per line")
            continue
        if m.group("name") in names:
            problems.append(f"line {ln}: '{m.group('name')}' is declared twice")
        names.append(m.group("name"))
    return names, problems


def claim_problems(nb) -> List[str]:
    """Static problems of the notebook's parameters cells and ``kursus.claims`` (no kernel needed)."""
    problems = []
    cells = nb.get("cells", [])
    by_id = {}
    for idx, cell in enumerate(cells, 1):
        cid = cell.get("id")
        if cid is not None:
            if cid in by_id:
                problems.append(f"cell {idx}: cell id {cid!r} is used twice")
            by_id.setdefault(cid, (idx, cell))
        if is_parameters_cell(cell):
            for p in parameter_declarations(source_of(cell))[1]:
                problems.append(f"cell {idx} (parameters): {p}")
    claims = claims_of(nb)
    if not isinstance(claims, list):
        return problems + ["metadata kursus.claims is not a list"]
    seen = set()
    for n, claim in enumerate(claims, 1):
        if not isinstance(claim, dict):
            problems.append(f"claim {n}: not an object")
            continue
        cid = claim.get("id")
        where = f"claim {cid!r}" if isinstance(cid, str) and cid else f"claim {n}"
        if not (isinstance(cid, str) and CLAIM_ID_RE.match(cid)):
            problems.append(f"{where}: 'id' must be a short name (letters, digits, - _ .), got {cid!r}")
        elif cid in seen:
            problems.append(f"{where}: id used by two claims")
        seen.add(cid)
        unknown = sorted(set(claim) - set(CLAIM_KEYS))
        if unknown:
            problems.append(f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(CLAIM_KEYS)})")
        text = claim.get("text")
        if not (isinstance(text, str) and HAS_WORD.search(text)):
            problems.append(f"{where}: no 'text' (the prediction as the prose states it)")
        expect = claim.get("expect")
        if not (isinstance(expect, str) and expect.strip()):
            problems.append(f"{where}: no 'expect' (a Java boolean expression)")
        elif "\n" in expect or ";" in strip_java_comments_and_strings(expect):
            problems.append(f"{where}: 'expect' must be one expression (no ';', one line)")
        run = claim.get("run")
        if not (isinstance(run, list) and run and all(isinstance(r, str) for r in run)):
            problems.append(f"{where}: 'run' must be a non-empty list of code cell ids")
            run = []
        if len(set(run)) != len(run):
            problems.append(f"{where}: 'run' lists a cell twice")
        declared = {}
        for rid in run:
            if rid not in by_id:
                problems.append(f"{where}: 'run' names cell id {rid!r}, which does not exist")
                continue
            idx, cell = by_id[rid]
            if cell.get("cell_type") != "code":
                problems.append(f"{where}: 'run' names cell id {rid!r} (cell {idx}), which is not a code cell")
            elif is_parameters_cell(cell):
                for name in parameter_declarations(source_of(cell))[0]:
                    declared.setdefault(name, []).append(rid)
        sets = claim.get("set", {})
        if sets is None:
            sets = {}
        if not isinstance(sets, dict):
            problems.append(f"{where}: 'set' must be an object {{variable: Java initializer}}")
            continue
        for var, value in sets.items():
            if not (isinstance(value, str) and value.strip() and "\n" not in value):
                problems.append(f"{where}: set {var!r}: the new value must be a one-line Java initializer string")
            if var not in declared:
                problems.append(f"{where}: set {var!r}: not declared in a cell tagged '{PARAMETERS_TAG}' among "
                                f"its 'run' cells ({', '.join(run) or 'none'})")
            elif len(declared[var]) > 1:
                problems.append(f"{where}: set {var!r}: declared in more than one parameters cell "
                                f"({', '.join(declared[var])})")
    return problems


def apply_set(code: str, sets: dict):
    """The parameters cell's code with the initializers of the variables in ``sets`` replaced
    (``double lr = 0.03;`` + {"lr": "0.01"} -> ``double lr = 0.01;``), and the names replaced."""
    out, done = [], []
    for line in code.split("\n"):
        m = DECL_RE.match(line)
        if m and m.group("name") in sets:
            name = m.group("name")
            line = f"{m.group('head')}{sets[name]};{m.group('tail')}"
            done.append(name)
        out.append(line)
    return "\n".join(out), done


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
    claims: list = field(default_factory=list)


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


def _execute(nb, path: Path, log_path: Path, budget: float, args, client_cls, nbformat, res: Result):
    """Runs a copy of ``nb`` in a fresh kernel (start retried, see --retries) and returns the executed
    copy, or None when the kernel did not start (``res.reason`` says why)."""
    last = ""
    for attempt in range(1, max(1, args.retries) + 1):
        res.attempts = attempt
        work = nbformat.reads(nbformat.writes(nb), as_version=4)
        try:
            asyncio.run(_run_once(work, client_cls, args.kernel, path.parent.resolve(), log_path, budget,
                                  args.startup_timeout, res))
            return work
        except StartupFailed as e:
            last = str(e).splitlines()[0][:200] if str(e) else "StartupFailed"
            res.notes.append(f"start {attempt}: {last}")
            continue
    res.reason = f"kernel did not start in {res.attempts} attempts ({last}; see {log_path.name})"
    return None


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
    work = _execute(nb, path, log_path, budget, args, client_cls, nbformat, res)
    if work is None:
        return res
    merge_streams(work)
    nbformat.write(work, str(out_path))
    if res.ok and claims_of(nb) and not getattr(args, "skip_claims", False):
        run_claims(nb, path, out_path, budget, args, client_cls, nbformat, res)
    if args.refresh and res.ok:
        work.metadata = nbformat.from_dict(original_metadata)
        nbformat.write(work, str(path))
        res.notes.append("refreshed")
    return res


# ----------------------------------------------------------------------------------------------
# claims: running them
# ----------------------------------------------------------------------------------------------

CLAIM_MARK = "[kursus-claim]"
CLAIM_VAR = "kursusClaimHolds"
EXPECT_CELL_ID = "kursus-claim-expect"
VALUES_CELL_ID = "kursus-claim-values"
CLAIM_LINE_RE = re.compile(re.escape(CLAIM_MARK) + r" expect (true|false)")
VALUES_LINE_RE = re.compile(re.escape(CLAIM_MARK) + r" values (.*)")
JAVA_WORDS = {"true", "false", "null", "instanceof", "new", "this", "super", "int", "long", "double", "float",
              "boolean", "char", "byte", "short", "var", "class"}
FLOAT_RE = re.compile(r"-?\d+\.\d+(?:[eE][-+]?\d+)?")


@dataclass
class ClaimResult:
    id: str
    ok: bool = False
    seconds: float = 0.0
    cpu_seconds: Optional[float] = None
    reason: str = ""
    values: str = ""


def expect_code(expect: str) -> str:
    return (f"boolean {CLAIM_VAR} = ({expect});\n"
            f'System.out.println("{CLAIM_MARK} expect " + {CLAIM_VAR});')


def value_names(expect: str, run_sources: List[str]) -> List[str]:
    """Variables named in ``expect`` that the run cells assign (printed next to a claim's verdict)."""
    bare = strip_java_comments_and_strings(expect)
    code = strip_java_comments_and_strings("\n".join(run_sources))
    names = []
    for m in re.finditer(r"(?<![\w$.])([a-z_$][\w$]*)(?![\w$])(?!\s*\()", bare):
        name = m.group(1)
        if name in JAVA_WORDS or name in names:
            continue
        if re.search(r"(?<![\w$.])" + re.escape(name) + r"\s*(?:\[\s*\]\s*)*=(?!=)", code):
            names.append(name)
    return names


def values_code(names: List[str]) -> str:
    parts = " + \", \" + ".join(f'"{n}=" + kursusClaimShow({n})' for n in names)
    return ("String kursusClaimShow(Object v) {\n"
            "    String s = java.util.Arrays.deepToString(new Object[]{v});\n"
            "    s = s.substring(1, s.length() - 1);\n"
            "    return s.length() > 80 ? s.substring(0, 77) + \"...\" : s;\n"
            "}\n"
            f'System.out.println("{CLAIM_MARK} values " + {parts});')


def claim_notebook(nb, claim, nbformat):
    """The notebook a claim runs: its ``run`` cells (``set`` applied to the parameters cells), then a cell
    evaluating ``expect`` and one printing the variables it names."""
    by_id = {c.get("id"): c for c in nb["cells"]}
    sets = claim.get("set") or {}
    cells, sources = [], []
    for rid in claim["run"]:
        cell = nbformat.from_dict(copy.deepcopy(dict(by_id[rid])))
        cell["outputs"] = []
        cell["execution_count"] = None
        cell.get("metadata", {}).pop("execution", None)
        if sets and is_parameters_cell(cell):
            cell["source"] = apply_set(source_of(cell), sets)[0]
        cells.append(cell)
        sources.append(source_of(cell))
    cells.append(nbformat.v4.new_code_cell(expect_code(claim["expect"]), id=EXPECT_CELL_ID))
    names = value_names(claim["expect"], sources)
    if names:
        cells.append(nbformat.v4.new_code_cell(values_code(names), id=VALUES_CELL_ID))
    meta = copy.deepcopy(dict(nb.get("metadata", {})))
    meta.get("kursus", {}).pop("claims", None)
    meta["kursus_claim"] = {"id": claim["id"], "set": sets}
    variant = nbformat.v4.new_notebook(cells=cells, metadata=meta)
    return variant


def _stream_text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.get("output_type") == "stream")


def short_values(text: str) -> str:
    return FLOAT_RE.sub(lambda m: f"{float(m.group(0)):.4g}", text.strip())[:300]


def claim_verdict(executed, run_res: Result) -> ClaimResult:
    """Reads an executed claim notebook: ok iff the expect cell printed true."""
    cr = ClaimResult(executed.metadata.get("kursus_claim", {}).get("id", "?"))
    ids = [c.get("id") for c in executed.cells]
    verdict = None
    for cell in executed.cells:
        if cell.get("id") == EXPECT_CELL_ID:
            m = CLAIM_LINE_RE.search(_stream_text(cell))
            verdict = m.group(1) if m else None
        elif cell.get("id") == VALUES_CELL_ID:
            m = VALUES_LINE_RE.search(_stream_text(cell))
            cr.values = short_values(m.group(1)) if m else ""
    if verdict == "true":
        cr.ok = True
    elif verdict == "false":
        cr.reason = "expect is false: the prediction does not hold"
    else:
        reason = run_res.reason or "the expect cell printed no verdict"
        m = re.match(r"cell (\d+)", reason)
        if m and 0 < int(m.group(1)) <= len(ids):
            reason = f"cell {ids[int(m.group(1)) - 1]!r}" + reason[m.end():]
        cr.reason = reason
    return cr


def _children_cpu() -> float:
    try:
        import resource
        ru = resource.getrusage(resource.RUSAGE_CHILDREN)
        return ru.ru_utime + ru.ru_stime
    except (ImportError, OSError):
        return float("nan")


def run_claims(nb, path: Path, out_path: Path, budget: float, args, client_cls, nbformat, res: Result) -> None:
    """Runs every claim of ``nb`` in its own fresh kernel; a failing claim fails the notebook."""
    claims = claims_of(nb)
    wanted = getattr(args, "claim", None)
    for claim in claims:
        if wanted and not fnmatch.fnmatch(claim["id"], wanted):
            continue
        variant = claim_notebook(nb, claim, nbformat)
        stem = f"{out_path.stem}.claim-{claim['id']}"
        log_path = out_path.with_name(stem + ".kernel.log")
        log_path.write_bytes(b"")
        run_res = Result(res.path)
        cpu0 = _children_cpu()
        executed = _execute(variant, path, log_path, budget, args, client_cls, nbformat, run_res)
        cpu = _children_cpu() - cpu0
        if executed is None:
            cr = ClaimResult(claim["id"], reason=run_res.reason)
        else:
            merge_streams(executed)
            nbformat.write(executed, str(out_path.with_name(stem + ".ipynb")))
            cr = claim_verdict(executed, run_res)
        cr.seconds = run_res.seconds
        # the kernel process tree's CPU time as the budget counts it; else what the reaped kernel used
        cr.cpu_seconds = run_res.cpu_seconds if run_res.cpu_seconds is not None else (
            cpu if math.isfinite(cpu) and cpu > 0 else None)
        res.claims.append(cr)
    failed = [c for c in res.claims if not c.ok]
    if failed:
        res.ok = False
        res.reason = "; ".join(f"claim {c.id}: {c.reason}" + (f" [{c.values}]" if c.values else "") for c in failed)


def claim_lines(res: Result) -> List[str]:
    """The report lines of a notebook's claims: one per claim, then 'claims: N checked, N passed'."""
    if not res.claims:
        return []
    lines = []
    width = max(len(c.id) for c in res.claims)
    for c in res.claims:
        cpu = f"  cpu {c.cpu_seconds:6.1f} s" if c.cpu_seconds is not None else ""
        status = "ok" if c.ok else "FAIL " + c.reason
        values = f"  [{c.values}]" if c.values else ""
        lines.append(f"  claim {c.id:<{width}}  {c.seconds:6.1f} s{cpu}  {status}{values}")
    passed = sum(c.ok for c in res.claims)
    wall = sum(c.seconds for c in res.claims)
    cpus = [c.cpu_seconds for c in res.claims if c.cpu_seconds is not None]
    cpu = f", cpu {sum(cpus):.1f} s" if cpus else ""
    lines.append(f"  claims: {len(res.claims)} checked, {passed} passed ({wall:.1f} s{cpu})")
    return lines


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
    ap.add_argument("--skip-claims", action="store_true", help="do not run the notebooks' claims (kursus.claims)")
    ap.add_argument("--claim", help="run only the claims whose id matches this glob")
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
        for line in claim_lines(r):
            print(line, flush=True)
    passed = sum(r.ok for r in results)
    failed = len(results) - passed
    all_claims = [c for r in results for c in r.claims]
    if all_claims:
        print(f"claims (all notebooks): {len(all_claims)} checked, {sum(c.ok for c in all_claims)} passed, "
              f"{sum(c.seconds for c in all_claims):.1f} s")
    where = "static checks only" if args.static_only else f"executed copies in {args.out}"
    print(f"total {time.monotonic() - t_all:.1f} s; {where}")
    print(f"notebooks: {passed} passed, {failed} failed", flush=True)
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
