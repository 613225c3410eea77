#!/usr/bin/env python3
"""coursework: student versions of the lesson notebooks, and grading a class (Kursus RNN).

Usage:
    python3 coursework.py student --notebooks DIR --out DIR [--only GLOB] [--force]
    python3 coursework.py grade --submissions DIR --out DIR [--kernel NAME] [--jobs N]
                                [--timeout SECONDS] [--memory-mb MB] [--reference DIR]

student
    Reads every lesson notebook in --notebooks and writes a student version of it to --out. In each code
    cell, the lines between ``// BEGIN SOLUTION`` and ``// END SOLUTION`` are replaced by one statement that
    compiles and fails loudly::

        throw new UnsupportedOperationException("Latihan 2.1: tulis kode Anda di sini / Exercise 2.1: write your code here");

    (``if (true) throw ...;`` when statements follow the region in the same method, so they stay reachable).
    The outputs of each solution cell and of its check cell (the next code cell) are cleared; everything else
    is kept. Each notebook is stamped in ``metadata.kursus.student`` with the source notebook's name, the hash
    of its cell sources, the exercise ids with their cell ids, and the course version (pom.xml).
    It refuses to write into the notebooks folder itself, and over existing files unless --force.

grade
    Executes every file in --submissions (one notebook per student, any names; files are only read) in a
    fresh kernel, several at once (--jobs), each with a time limit (--timeout) and a memory cap on the
    kernel process (--memory-mb, resident memory, checked twice a second). A broken, empty, non-JSON,
    wrong-language, endless, memory-hungry or System.exit-calling notebook is reported for that student and
    never stops the others. Writes to --out:

    * ``grades.csv``: student_file, exercise, status (pass / fail / not_run), mistake, verdict, note —
      sorted, without timings, so grading the same folder twice gives the same file;
    * ``times.csv``: student_file, seconds, outcome (timings vary between runs);
    * ``summary.md``: a readable table per student and per exercise, with the mistakes the class made most.

    A submission stamped by another course version, or from a reference notebook whose exercises changed
    since, is flagged in the note column.

Exit status: 0 on success (grading reports failing students, it does not fail itself); 2 on a usage
problem (bad folders, refusing to overwrite).
Needs Python 3.9+ with nbformat, nbclient and jupyter_client (Debian: python3-nbclient).
"""

from __future__ import annotations

import argparse
import asyncio
import concurrent.futures
import csv
import fnmatch
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]  # kernel/src/main/python -> repository root
sys.path.insert(0, str(HERE))

BEGIN_SOLUTION = "// BEGIN SOLUTION"
END_SOLUTION = "// END SOLUTION"
KERNEL_NAME = "kursus-rnn"
STUB = ('throw new UnsupportedOperationException("Latihan {id}: tulis kode Anda di sini / '
        'Exercise {id}: write your code here");')
# "Latihan 3.1: FORGOT_DH_NEXT" at the start of a failed check's message (kursus.rnn.latihan)
MISTAKE_RE = re.compile(r"Latihan\s+[\d.]+\s*:\s*([A-Z][A-Z0-9_]+)")
STUB_RE = re.compile(r"tulis kode Anda di sini / Exercise [\d.]+: write your code here")
ANSI_RE = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
HEX_RE = re.compile(r"@[0-9a-f]{6,}")


def say(id_text: str, en_text: str, stream=sys.stdout) -> None:
    print(f"[ID] {id_text}\n[EN] {en_text}", file=stream)


def usage_error(id_text: str, en_text: str) -> int:
    say(id_text, en_text, sys.stderr)
    return 2


def source_of(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def course_version() -> str:
    """The course version: the <version> of the root pom.xml (first one after <artifactId>kursus-rnn)."""
    pom = REPO / "pom.xml"
    try:
        text = pom.read_text(encoding="utf-8")
    except OSError:
        return "unknown"
    m = re.search(r"<artifactId>kursus-rnn</artifactId>\s*<version>([^<]+)</version>", text)
    return m.group(1).strip() if m else "unknown"


def sources_hash(nb) -> str:
    """sha256 of the cells' types and sources (outputs and metadata ignored: a refresh keeps the hash)."""
    h = hashlib.sha256()
    for c in nb.get("cells", []):
        h.update(c.get("cell_type", "").encode())
        h.update(b"\0")
        h.update(source_of(c).encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


def lesson_of(name: str) -> str:
    m = re.match(r"(\d+)", name)
    return str(int(m.group(1))) if m else "?"


# ----------------------------------------------------------------------------------------------
# student versions
# ----------------------------------------------------------------------------------------------

@dataclass
class Region:
    cell_index: int
    begin: int  # line index of the BEGIN marker
    end: int    # line index of the END marker


def solution_regions(nb) -> List[Region]:
    """Every BEGIN/END SOLUTION pair, in notebook order. Raises ValueError on unbalanced markers."""
    regions = []
    for ci, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        lines = source_of(cell).split("\n")
        open_at = None
        for li, line in enumerate(lines):
            s = line.strip()
            if s.startswith(BEGIN_SOLUTION):
                if open_at is not None:
                    raise ValueError(f"cell {ci + 1}: '{BEGIN_SOLUTION}' twice without '{END_SOLUTION}'")
                open_at = li
            elif s.startswith(END_SOLUTION):
                if open_at is None:
                    raise ValueError(f"cell {ci + 1}: '{END_SOLUTION}' without '{BEGIN_SOLUTION}'")
                regions.append(Region(ci, open_at, li))
                open_at = None
        if open_at is not None:
            raise ValueError(f"cell {ci + 1}: '{BEGIN_SOLUTION}' without '{END_SOLUTION}'")
    return regions


def _next_code_cell(cells, after: int) -> Optional[int]:
    for j in range(after + 1, len(cells)):
        if cells[j].get("cell_type") == "code":
            return j
    return None


CHECK_CALL_RE = re.compile(r"\bLatihan\d+\s*\.\s*check\w*\s*\(")


def _check_cells(cells, after: int, count: int) -> List[Optional[int]]:
    """The check cells of the `count` solution regions of cell `after`, in order: the next code cells that call
    a library check (``LatihanNN.checkXxx(...)``), one per region; without such calls, the next code cell."""
    found = [j for j in range(after + 1, len(cells))
             if cells[j].get("cell_type") == "code" and CHECK_CALL_RE.search(source_of(cells[j]))]
    nxt = _next_code_cell(cells, after)
    return [found[k] if k < len(found) else nxt for k in range(count)]


def _stub_line(lines: List[str], region: Region, ex_id: str) -> str:
    indent = re.match(r"\s*", lines[region.begin]).group(0)
    # statements after the region in the same block would be unreachable after a plain throw
    follows = ""
    for line in lines[region.end + 1:]:
        s = line.strip()
        if s and not s.startswith("//"):
            follows = s
            break
    stub = STUB.format(id=ex_id)
    if follows and not follows.startswith("}"):
        stub = "if (true) " + stub
    return indent + stub


def make_student(nb: dict, name: str) -> Tuple[dict, List[dict]]:
    """The student version of a notebook (a new dict) and its exercises [{id, solution_cell, check_cell}]."""
    import copy

    regions = solution_regions(nb)
    lesson = lesson_of(name)
    out = copy.deepcopy(nb)
    cells = out["cells"]
    exercises = []
    by_cell: Dict[int, List[Tuple[Region, str]]] = {}
    for k, r in enumerate(regions, 1):
        ex_id = f"{lesson}.{k}"
        by_cell.setdefault(r.cell_index, []).append((r, ex_id))
    for ci, items in by_cell.items():
        cell = cells[ci]
        lines = source_of(cell).split("\n")
        # replace from the last region up, so earlier line numbers stay valid
        for r, ex_id in sorted(items, key=lambda t: -t[0].begin):
            lines[r.begin + 1:r.end] = [_stub_line(lines, r, ex_id)]
        cell["source"] = "\n".join(lines)
        ordered = sorted(items, key=lambda t: t[0].begin)
        checks = _check_cells(cells, ci, len(ordered))
        for c in [ci] + [k for k in checks if k is not None]:
            cells[c]["outputs"] = []
            cells[c]["execution_count"] = None
        for (r, ex_id), check in zip(ordered, checks):
            exercises.append({"id": ex_id, "solution_cell": cell.get("id"),
                              "check_cell": cells[check].get("id") if check is not None else None})
    meta = out.setdefault("metadata", {}).setdefault("kursus", {})
    meta["student"] = {"source": name, "source_hash": sources_hash(nb),
                       "exercises": exercises, "course_version": course_version()}
    return out, exercises


def paste_solutions(student: dict, reference: dict) -> dict:
    """The student notebook with the reference solution regions pasted back (what a perfect student writes)."""
    import copy

    out = copy.deepcopy(student)
    ref_regions = solution_regions(reference)
    st_regions = solution_regions(out)
    if len(ref_regions) != len(st_regions):
        raise ValueError(f"{len(st_regions)} solution regions in the student notebook, {len(ref_regions)} in the reference")
    by_cell: Dict[int, List[Tuple[Region, Region]]] = {}
    for s, r in zip(st_regions, ref_regions):
        by_cell.setdefault(s.cell_index, []).append((s, r))
    for ci, pairs in by_cell.items():
        lines = source_of(out["cells"][ci]).split("\n")
        for s, r in sorted(pairs, key=lambda t: -t[0].begin):
            ref_lines = source_of(reference["cells"][r.cell_index]).split("\n")
            lines[s.begin + 1:s.end] = ref_lines[r.begin + 1:r.end]
        out["cells"][ci]["source"] = "\n".join(lines)
    return out


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except ValueError:
        return False


def cmd_student(args) -> int:
    src = Path(args.notebooks)
    out = Path(args.out)
    if not src.is_dir():
        return usage_error(f"Folder notebook tidak ada: {src}", f"Notebook folder not found: {src}")
    if _inside(out, src):
        return usage_error(
            f"Tidak menulis versi mahasiswa ke dalam folder notebook ({out}): pilih folder lain, mis. target/student.",
            f"Will not write student versions into the notebooks folder ({out}): choose another folder, e.g. target/student.")
    notebooks = sorted(p for p in src.glob("*.ipynb") if fnmatch.fnmatch(p.name, args.only or "*"))
    if not notebooks:
        return usage_error(f"Tidak ada notebook di {src}", f"No notebook in {src}")
    targets = [out / p.name for p in notebooks]
    existing = [t for t in targets if t.exists()]
    if existing and not args.force:
        names = ", ".join(t.name for t in existing[:5]) + (" …" if len(existing) > 5 else "")
        return usage_error(
            f"{len(existing)} berkas sudah ada di {out} ({names}); tidak ditimpa. Tambahkan --force untuk menimpa.",
            f"{len(existing)} files already exist in {out} ({names}); not overwritten. Add --force to overwrite.")
    out.mkdir(parents=True, exist_ok=True)
    total = 0
    for p, t in zip(notebooks, targets):
        nb = json.loads(p.read_text(encoding="utf-8"))
        try:
            student, exercises = make_student(nb, p.name)
        except ValueError as e:
            return usage_error(f"{p.name}: penanda solusi tidak seimbang: {e}", f"{p.name}: unbalanced solution markers: {e}")
        t.write_text(json.dumps(student, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        total += len(exercises)
        ids = ", ".join(e["id"] for e in exercises) or "-"
        print(f"{p.name:34s} {len(exercises):2d} latihan / exercises: {ids}")
    print(f"student: {len(notebooks)} notebooks, {total} exercises -> {out}")
    return 0


# ----------------------------------------------------------------------------------------------
# grading
# ----------------------------------------------------------------------------------------------

@dataclass
class Graded:
    file: str
    outcome: str = "ok"  # ok | not a notebook | wrong language | no exercises | time limit | memory limit | kernel died | kernel did not start
    note: str = ""
    seconds: float = 0.0
    peak_mb: float = 0.0
    rows: List[dict] = field(default_factory=list)  # one per exercise


def _clean(text: str, limit: int = 400) -> str:
    text = ANSI_RE.sub("", text)
    text = HEX_RE.sub("@…", text)
    text = " ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return text[:limit]


def exercises_of(nb: dict, file_name: str) -> Tuple[List[dict], str]:
    """The exercises to grade (from the stamp, else from the solution markers) and a note."""
    stamp = ((nb.get("metadata") or {}).get("kursus") or {}).get("student")
    notes = []
    if isinstance(stamp, dict) and isinstance(stamp.get("exercises"), list):
        exercises = [e for e in stamp["exercises"] if isinstance(e, dict) and e.get("id")]
        version = stamp.get("course_version")
        if version != course_version():
            notes.append(f"other course version {version!r} (this course is {course_version()!r})")
        return exercises, "; ".join(notes)
    try:
        regions = solution_regions(nb)
    except ValueError as e:
        return [], f"unbalanced solution markers: {e}"
    cells = nb.get("cells", [])
    lesson = lesson_of(file_name)
    exercises = []
    per_cell: Dict[int, int] = {}
    for k, r in enumerate(regions, 1):
        j = per_cell.get(r.cell_index, 0)
        per_cell[r.cell_index] = j + 1
        n_in_cell = sum(1 for q in regions if q.cell_index == r.cell_index)
        check = _check_cells(cells, r.cell_index, n_in_cell)[j]
        exercises.append({"id": f"{lesson}.{k}", "solution_cell": cells[r.cell_index].get("id"),
                          "check_cell": cells[check].get("id") if check is not None else None,
                          "_solution_index": r.cell_index, "_check_index": check})
    return exercises, "not stamped by the student-version generator"


def _cell_index(cells, cell_id, fallback) -> Optional[int]:
    if cell_id is not None:
        for i, c in enumerate(cells):
            if c.get("id") == cell_id:
                return i
    return fallback


def _error_of(cell) -> Optional[str]:
    for o in cell.get("outputs", []) or []:
        if o.get("output_type") == "error":
            return f"{o.get('ename', '')}: {o.get('evalue', '')}"
    return None


def _stdout_of(cell) -> str:
    return "".join("".join(o.get("text", "")) if isinstance(o.get("text"), list) else o.get("text", "")
                   for o in cell.get("outputs", []) or [] if o.get("output_type") == "stream")


def mistake_of(error: str) -> str:
    """The mistake id of a failed cell: the check's own id ("Latihan 3.1: FORGOT_DH_NEXT"), NOT_ATTEMPTED for
    the generated stub, else a category from the exception (COMPILE_ERROR, OUT_OF_MEMORY, ERROR)."""
    if STUB_RE.search(error):
        return "NOT_ATTEMPTED"
    m = MISTAKE_RE.search(error)
    if m:
        return m.group(1)
    if "OutOfMemoryError" in error or "Java heap space" in error:
        return "OUT_OF_MEMORY"
    if error.startswith("CompilerException") or "CompilationException" in error:
        return "COMPILE_ERROR"
    return "ERROR"


def rows_for(nb: dict, exercises: List[dict], executed_upto: int, stop_reason: str) -> List[dict]:
    """One row per exercise from the executed notebook: pass, fail (with the mistake) or not_run."""
    cells = nb.get("cells", [])
    rows = []
    for e in exercises:
        si = _cell_index(cells, e.get("solution_cell"), e.get("_solution_index"))
        ci = _cell_index(cells, e.get("check_cell"), e.get("_check_index"))
        row = {"exercise": e["id"], "status": "", "mistake": "", "verdict": ""}
        involved = [i for i in (si, ci) if i is not None]
        if not involved:
            row.update(status="fail", mistake="CELL_MISSING",
                       verdict="sel latihan tidak ditemukan / exercise cell not found")
        elif max(involved) > executed_upto:
            row.update(status="not_run", mistake=stop_reason.upper().replace(" ", "_"),
                       verdict=f"tidak dijalankan: {stop_reason} / not run: {stop_reason}")
        else:
            err = next((x for x in (_error_of(cells[i]) for i in involved) if x), None)
            if err is None:
                row.update(status="pass", verdict=_clean(_stdout_of(cells[involved[-1]]), 200))
            else:
                mistake = mistake_of(err)
                row.update(status="fail", mistake=mistake, verdict=_clean(err))
        rows.append(row)
    return rows


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children in MB (Linux /proc; 0 elsewhere)."""
    total = 0.0
    try:
        pids = [pid]
        children = Path(f"/proc/{pid}/task/{pid}/children")
        if children.exists():
            pids += [int(x) for x in children.read_text().split()]
        for p in pids:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) / 1024.0
    except (OSError, ValueError):
        pass
    return total


async def _grade_run(nb, kernel: str, cwd: Path, timeout: float, memory_mb: float, log,
                     peak: List[float]) -> Tuple[int, str]:
    """Executes all code cells (errors allowed). Returns (index of the last cell run, stop reason or '');
    the kernel's peak resident memory (MB) is stored in peak[0]."""
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellTimeoutError, DeadKernelError
    import nbcheck

    client = NotebookClient(nb, kernel_name=kernel, timeout=None, startup_timeout=60, allow_errors=True,
                            record_timing=False, iopub_timeout=15, raise_on_iopub_timeout=False,
                            interrupt_on_timeout=False, shutdown_kernel="immediate")
    client.reset_execution_trackers()
    env = dict(os.environ)
    env.setdefault("KURSUS_DATA", str(REPO / "data"))
    t0 = time.monotonic()
    last = -1
    over_memory = threading.Event()
    stop_watch = threading.Event()
    started = False
    for attempt in range(3):
        try:
            client.km = client.create_kernel_manager()
            await client.async_start_new_kernel(cwd=str(cwd), env=env, stdout=log, stderr=log)
            nbcheck._LIVE.add(client.km)
            client.kc = client.km.client()
            client.kc.start_channels()
            await nbcheck._wait_ready(client, 60)
            await nbcheck._probe_iopub(client.kc, 30)
            client.kc.allow_stdin = False
            started = True
            break
        except Exception as e:  # noqa: BLE001 - any start-up failure is retried, then reported
            log.write(f"start attempt {attempt + 1} failed: {e}\n".encode())
            await nbcheck._stop(client)
    if not started:
        return -1, "kernel did not start"
    proc = getattr(getattr(client.km, "provisioner", None), "process", None)

    def watch():
        while not stop_watch.wait(0.5):
            if proc is None or proc.poll() is not None:
                continue
            rss = _rss_mb(proc.pid)
            peak[0] = max(peak[0], rss)
            if rss > memory_mb:
                over_memory.set()
                proc.kill()
                return

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    reason = ""
    try:
        for idx, cell in enumerate(nb.cells):
            if cell.cell_type != "code" or not source_of(cell).strip():
                continue
            remaining = timeout - (time.monotonic() - t0)
            if remaining <= 0:
                reason = "time limit"
                break
            client.timeout = max(1, int(remaining))
            try:
                await client.async_execute_cell(cell, idx)
                last = idx
            except CellTimeoutError:
                reason = "memory limit" if over_memory.is_set() else "time limit"
                break
            except DeadKernelError:
                reason = "memory limit" if over_memory.is_set() else "kernel died"
                break
            except Exception as e:  # noqa: BLE001 - e.g. the kernel vanished mid-message
                reason = "memory limit" if over_memory.is_set() else f"kernel died ({type(e).__name__})"
                break
            if proc is not None and proc.poll() is not None:
                last = idx
                reason = "memory limit" if over_memory.is_set() else "kernel died"
                break
    finally:
        stop_watch.set()
        await nbcheck._stop(client)
    return last, reason


def grade_one(path: Path, kernel: str, timeout: float, memory_mb: float, workdir: Path) -> Graded:
    """Grades one submission in this process (called in a child process by `grade`)."""
    import nbformat

    g = Graded(path.name)
    t0 = time.monotonic()
    try:
        raw = path.read_bytes()
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
            raise ValueError("no 'cells' list")
    except (OSError, UnicodeDecodeError, ValueError) as e:
        g.outcome = "not a notebook"
        g.note = _clean(f"not a notebook (empty, or not notebook JSON): {e}", 200)
        return g
    lang = ((data.get("metadata") or {}).get("language_info") or {}).get("name")
    if lang not in (None, "java"):
        g.outcome = "wrong language"
        g.note = f"wrong kernel language {lang!r} (expected java)"
        return g
    exercises, note = exercises_of(data, path.name)
    notes = [note] if note else []
    ks = ((data.get("metadata") or {}).get("kernelspec") or {}).get("name")
    if ks not in (None, KERNEL_NAME):
        notes.append(f"kernelspec {ks!r}, graded with {KERNEL_NAME!r}")
    if not exercises:
        g.outcome = "no exercises"
        g.note = "; ".join(notes + ["no exercise found"])
        return g
    try:
        nb = nbformat.reads(json.dumps(data), as_version=4)
    except Exception as e:  # noqa: BLE001 - nbformat rejects a malformed structure
        g.outcome = "not a notebook"
        g.note = _clean(f"malformed notebook: {e}", 200)
        return g
    workdir.mkdir(parents=True, exist_ok=True)
    peak = [0.0]
    with open(workdir / "kernel.log", "ab") as log:
        last, reason = asyncio.run(_grade_run(nb, kernel, workdir, timeout, memory_mb, log, peak))
    g.peak_mb = peak[0]
    g.seconds = time.monotonic() - t0
    if reason:
        g.outcome = reason
        notes.append(reason)
    g.rows = rows_for(nb, exercises, last if reason else len(nb.cells), reason or "")
    g.note = "; ".join(notes)
    return g


def _grade_child(args) -> int:
    g = grade_one(Path(args.file), args.kernel, args.timeout, args.memory_mb, Path(args.workdir))
    Path(args.result).write_text(json.dumps(g.__dict__), encoding="utf-8")
    return 0


def _default_jobs(memory_mb: float) -> int:
    cpus = os.cpu_count() or 1
    try:
        mem_total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**20
    except (ValueError, OSError, AttributeError):
        mem_total = 4096
    return max(1, min(cpus, int(mem_total * 0.7 // max(memory_mb, 256))))


def _run_child(path: Path, args, tmp: Path, index: int) -> Graded:
    result = tmp / f"{index}.json"
    work = tmp / f"work-{index}"
    cmd = [sys.executable, str(Path(__file__).resolve()), "_grade-one", "--file", str(path), "--kernel", args.kernel,
           "--timeout", str(args.timeout), "--memory-mb", str(args.memory_mb), "--workdir", str(work),
           "--result", str(result)]
    with open(tmp / f"{index}.log", "wb") as log:
        p = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            p.wait(timeout=args.timeout + 120)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    if result.exists():
        return Graded(**json.loads(result.read_text(encoding="utf-8")))
    tail = (tmp / f"{index}.log").read_text(errors="replace")[-300:]
    return Graded(path.name, outcome="grader error", note=_clean(tail, 200))


def cmd_grade(args) -> int:
    subs = Path(args.submissions)
    out = Path(args.out)
    if not subs.is_dir():
        return usage_error(f"Folder kiriman tidak ada: {subs}", f"Submissions folder not found: {subs}")
    if _inside(out, subs):
        return usage_error(f"Folder hasil ({out}) tidak boleh di dalam folder kiriman.",
                           f"The output folder ({out}) must not be inside the submissions folder.")
    files = sorted(p for p in subs.iterdir() if p.is_file() and not p.name.startswith("."))
    if not files:
        return usage_error(f"Tidak ada berkas di {subs}", f"No file in {subs}")
    jobs = args.jobs or _default_jobs(args.memory_mb)
    out.mkdir(parents=True, exist_ok=True)
    print(f"grade: {len(files)} submissions, {jobs} at once, time limit {args.timeout:.0f} s, "
          f"memory cap {args.memory_mb:.0f} MB")
    t0 = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="kursus-grade-") as tmp:
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_run_child, f, args, Path(tmp), i) for i, f in enumerate(files)]
            graded = []
            for f in futures:
                g = f.result()
                graded.append(g)
                passed = sum(1 for r in g.rows if r["status"] == "pass")
                print(f"  {g.file:40s} {passed}/{len(g.rows)} pass  {g.seconds:6.1f} s  {g.peak_mb:5.0f} MB  {g.outcome}")
    graded.sort(key=lambda g: g.file)
    write_reports(graded, out)
    print(f"grade: done in {time.monotonic() - t0:.0f} s -> {out / 'grades.csv'}, {out / 'summary.md'}")
    return 0


GRADE_COLUMNS = ["student_file", "exercise", "status", "mistake", "verdict", "note"]


def write_reports(graded: List[Graded], out: Path) -> None:
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(GRADE_COLUMNS)
        for g in graded:
            if not g.rows:
                w.writerow([g.file, "", "not_run", g.outcome.upper().replace(" ", "_"), g.note, g.note])
            for r in sorted(g.rows, key=lambda r: [int(x) if x.isdigit() else 0 for x in r["exercise"].split(".")]):
                w.writerow([g.file, r["exercise"], r["status"], r["mistake"], r["verdict"], g.note])
    with open(out / "times.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["student_file", "seconds", "peak_memory_mb", "outcome"])
        for g in graded:
            w.writerow([g.file, f"{g.seconds:.1f}", f"{g.peak_mb:.0f}", g.outcome])
    lines = ["# Hasil penilaian / Grading results", "",
             f"{len(graded)} kiriman / submissions.", "",
             "## Per mahasiswa / Per student", "",
             "| berkas / file | lulus / passed | hasil / outcome | waktu / time (s) | catatan / note |",
             "|---|---|---|---|---|"]
    for g in graded:
        passed = sum(1 for r in g.rows if r["status"] == "pass")
        lines.append(f"| `{g.file}` | {passed}/{len(g.rows)} | {g.outcome} | {g.seconds:.1f} | {g.note} |")
    per_ex: Dict[str, Dict[str, int]] = {}
    mistakes: Dict[str, Dict[str, int]] = {}
    for g in graded:
        for r in g.rows:
            d = per_ex.setdefault(r["exercise"], {"pass": 0, "fail": 0, "not_run": 0})
            d[r["status"]] = d.get(r["status"], 0) + 1
            if r["status"] == "fail":
                m = mistakes.setdefault(r["exercise"], {})
                m[r["mistake"]] = m.get(r["mistake"], 0) + 1
    lines += ["", "## Per latihan / Per exercise", "",
              "| latihan / exercise | lulus / pass | gagal / fail | tidak jalan / not run | kesalahan terbanyak / most common mistakes |",
              "|---|---|---|---|---|"]
    for ex in sorted(per_ex, key=lambda x: [int(p) if p.isdigit() else 0 for p in x.split(".")]):
        d = per_ex[ex]
        top = sorted(mistakes.get(ex, {}).items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        tops = ", ".join(f"{k} ({v})" for k, v in top) or "-"
        lines.append(f"| {ex} | {d['pass']} | {d['fail']} | {d['not_run']} | {tops} |")
    (out / "summary.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ----------------------------------------------------------------------------------------------

def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("student", help="write student versions of the notebooks")
    s.add_argument("--notebooks", default=str(REPO / "notebooks"))
    s.add_argument("--out", required=True)
    s.add_argument("--only", default="")
    s.add_argument("--force", action="store_true")
    g = sub.add_parser("grade", help="grade a folder of submitted notebooks")
    g.add_argument("--submissions", required=True)
    g.add_argument("--out", required=True)
    g.add_argument("--kernel", default=KERNEL_NAME)
    g.add_argument("--jobs", type=int, default=0)
    g.add_argument("--timeout", type=float, default=300.0)
    g.add_argument("--memory-mb", type=float, default=2000.0)
    c = sub.add_parser("_grade-one")
    for name in ("--file", "--kernel", "--workdir", "--result"):
        c.add_argument(name, required=True)
    c.add_argument("--timeout", type=float, required=True)
    c.add_argument("--memory-mb", type=float, required=True)
    args = ap.parse_args(argv)
    if args.cmd == "student":
        return cmd_student(args)
    if args.cmd == "grade":
        if args.jobs < 0 or args.timeout <= 0 or args.memory_mb <= 0:
            return usage_error("--jobs, --timeout dan --memory-mb harus positif.",
                               "--jobs, --timeout and --memory-mb must be positive.")
        return cmd_grade(args)
    return _grade_child(args)


if __name__ == "__main__":
    sys.exit(main())
