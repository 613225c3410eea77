"""Tests of coursework.py: student versions (no kernel) and grading a class (real course kernel).

The grading tests need the course kernelspec ``kursus-rnn`` (installed into kernel/target/it-jupyter by
``mvn -B -ntp verify``, which runs these tests with JUPYTER_PATH pointing there). Without it they are
skipped with a clear reason; the build always has it.
"""

import copy
import csv
import io
import json
import os
import shutil
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[3]
sys.path.insert(0, str(REPO / "kernel/src/main/python"))

import coursework as cw  # noqa: E402

FIXTURE_DIR = REPO / "kernel/src/test/coursework"
FIXTURE = FIXTURE_DIR / "99-latihan-contoh.ipynb"
NOTEBOOKS = REPO / "notebooks"


def load(path):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def quiet(fn, *args):
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        rc = fn(*args)
    return rc, out.getvalue() + err.getvalue()


def student_main(*argv):
    return quiet(cw.main, ["student", *argv])


def kernel_available():
    try:
        from jupyter_client.kernelspec import KernelSpecManager
        return cw.KERNEL_NAME in KernelSpecManager().find_kernel_specs()
    except Exception:  # noqa: BLE001
        return False


class StudentVersionTest(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="cw-test-"))

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_each_solution_region_becomes_a_loud_stub(self):
        student, exercises = cw.make_student(load(FIXTURE), FIXTURE.name)
        self.assertEqual([e["id"] for e in exercises], ["99.1", "99.2"])
        sources = {c["id"]: cw.source_of(c) for c in student["cells"]}
        self.assertIn('throw new UnsupportedOperationException("Latihan 99.1: tulis kode Anda di sini / '
                      'Exercise 99.1: write your code here");', sources["ex1-solution"])
        self.assertNotIn("Transforms.tanh(a)", sources["ex1-solution"])
        self.assertIn(cw.BEGIN_SOLUTION, sources["ex1-solution"])  # markers stay for the student
        self.assertIn(cw.END_SOLUTION, sources["ex1-solution"])

    def test_stub_stays_reachable_when_statements_follow_the_region(self):
        student, _ = cw.make_student(load(FIXTURE), FIXTURE.name)
        src = next(cw.source_of(c) for c in student["cells"] if c.get("id") == "ex2-solution")
        self.assertIn("    if (true) throw new UnsupportedOperationException(\"Latihan 99.2:", src)
        self.assertIn("return s;", src)  # code after the region is kept

    def test_outputs_of_solution_and_check_cells_are_cleared_and_others_kept(self):
        nb = load(FIXTURE)
        for c in nb["cells"]:
            if c["cell_type"] == "code":
                c["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x\n"}]
                c["execution_count"] = 1
        student, _ = cw.make_student(nb, FIXTURE.name)
        by_id = {c["id"]: c for c in student["cells"]}
        for cid in ("ex1-solution", "ex1-check", "ex2-solution", "ex2-check"):
            self.assertEqual(by_id[cid]["outputs"], [], cid)
            self.assertIsNone(by_id[cid]["execution_count"], cid)
        self.assertEqual(len(by_id["imports"]["outputs"]), 1)
        self.assertEqual(len(by_id["after"]["outputs"]), 1)

    def test_stamp_names_source_hash_exercises_and_version(self):
        nb = load(FIXTURE)
        student, _ = cw.make_student(nb, FIXTURE.name)
        stamp = student["metadata"]["kursus"]["student"]
        self.assertEqual(stamp["source"], FIXTURE.name)
        self.assertEqual(stamp["source_hash"], cw.sources_hash(nb))
        self.assertEqual(stamp["course_version"], cw.course_version())
        self.assertNotEqual(stamp["course_version"], "unknown")
        self.assertEqual(stamp["exercises"][0],
                         {"id": "99.1", "solution_cell": "ex1-solution", "check_cell": "ex1-check"})
        # the reference notebook itself is not modified
        self.assertNotIn("student", nb["metadata"]["kursus"])

    def test_pasting_the_reference_back_restores_every_code_cell(self):
        nb = load(FIXTURE)
        student, _ = cw.make_student(nb, FIXTURE.name)
        restored = cw.paste_solutions(student, nb)
        self.assertEqual([cw.source_of(c) for c in restored["cells"]], [cw.source_of(c) for c in nb["cells"]])

    def test_every_course_notebook_gets_a_student_version_without_its_solutions(self):
        rc, out = student_main("--notebooks", str(NOTEBOOKS), "--out", str(self.tmp / "s"))
        self.assertEqual(rc, 0, out)
        for ref_path in sorted(NOTEBOOKS.glob("*.ipynb")):
            ref = load(ref_path)
            stu = load(self.tmp / "s" / ref_path.name)
            regions = cw.solution_regions(ref)
            self.assertEqual(len(cw.solution_regions(stu)), len(regions), ref_path.name)
            for r in regions:
                body = cw.source_of(stu["cells"][r.cell_index]).split("\n")
                self.assertIn("UnsupportedOperationException", "\n".join(body), ref_path.name)
            restored = cw.paste_solutions(stu, ref)
            self.assertEqual([cw.source_of(c) for c in restored["cells"]],
                             [cw.source_of(c) for c in ref["cells"]], ref_path.name)

    def test_refuses_to_write_into_the_notebooks_folder(self):
        src = self.tmp / "nbs"
        src.mkdir()
        shutil.copy(FIXTURE, src)
        rc, out = student_main("--notebooks", str(src), "--out", str(src / "student"))
        self.assertEqual(rc, 2)
        self.assertIn("Will not write student versions into the notebooks folder", out)
        self.assertFalse((src / "student").exists())

    def test_does_not_overwrite_existing_files_unless_forced(self):
        out_dir = self.tmp / "out"
        out_dir.mkdir()
        mine = out_dir / FIXTURE.name
        mine.write_text("my own work", encoding="utf-8")
        rc, out = student_main("--notebooks", str(FIXTURE_DIR), "--out", str(out_dir))
        self.assertEqual(rc, 2)
        self.assertIn("not overwritten", out)
        self.assertEqual(mine.read_text(encoding="utf-8"), "my own work")
        rc, out = student_main("--notebooks", str(FIXTURE_DIR), "--out", str(out_dir), "--force")
        self.assertEqual(rc, 0, out)
        self.assertIn("student", load(mine)["metadata"]["kursus"])

    def test_unbalanced_markers_are_an_error_naming_the_cell(self):
        nb = load(FIXTURE)
        nb["cells"][3]["source"] = nb["cells"][3]["source"].replace(cw.END_SOLUTION, "")
        with self.assertRaises(ValueError) as e:
            cw.make_student(nb, FIXTURE.name)
        self.assertIn("cell 4", str(e.exception))

    def test_two_regions_in_one_cell_are_paired_with_their_own_check_calls(self):
        nb = load(NOTEBOOKS / "02-rnn-vanilla.ipynb")
        _, exercises = cw.make_student(nb, "02-rnn-vanilla.ipynb")
        by_id = {c.get("id"): cw.source_of(c) for c in nb["cells"]}
        self.assertEqual([e["id"] for e in exercises], ["2.1", "2.2"])
        self.assertEqual(exercises[0]["solution_cell"], exercises[1]["solution_cell"])
        self.assertIn("checkRnnCellForward", by_id[exercises[0]["check_cell"]])
        self.assertIn("checkRnnForward", by_id[exercises[1]["check_cell"]])

    def test_mistake_ids_come_from_the_check_message(self):
        self.assertEqual(cw.mistake_of("ExerciseFailedException: Latihan 3.1: FORGOT_DH_NEXT\n[ID] ..."),
                         "FORGOT_DH_NEXT")
        self.assertEqual(cw.mistake_of("EvalException: Latihan 2.1: tulis kode Anda di sini / Exercise 2.1: "
                                       "write your code here"), "NOT_ATTEMPTED")
        self.assertEqual(cw.mistake_of("EvalException: Java heap space"), "OUT_OF_MEMORY")
        self.assertEqual(cw.mistake_of("CompilerException: "), "COMPILE_ERROR")
        self.assertEqual(cw.mistake_of("EvalException: boom"), "ERROR")


def _submissions(folder: Path, student: dict, reference: dict) -> None:
    """A class: right, untouched, wrong, endless, System.exit, memory-hungry, empty, non-JSON, Python, broken."""
    good = cw.paste_solutions(student, reference)

    def edit(nb, cell_id, fn):
        nb = copy.deepcopy(nb)
        for c in nb["cells"]:
            if c.get("id") == cell_id:
                c["source"] = fn(cw.source_of(c))
        return nb

    def write(name, nb):
        (folder / name).write_text(json.dumps(nb), encoding="utf-8")

    write("andi.ipynb", good)
    write("budi.ipynb", student)
    write("citra-salah.ipynb", edit(good, "ex2-solution", lambda s: s.replace("s += x * x;", "s += x;")))
    write("dedi-endless.ipynb", edit(good, "ex2-check", lambda s: "long spin = 0;\nwhile (spin >= 0) { spin++; }\n" + s))
    write("eka-exit.ipynb", edit(good, "ex1-check", lambda s: "System.exit(3);"))
    write("fajar-memory.ipynb", edit(good, "ex1-check", lambda s: (
        "java.util.List<org.nd4j.linalg.api.ndarray.INDArray> hog = new java.util.ArrayList<>();\n"
        "for (int i = 0; i < 40; i++) { hog.add(org.nd4j.linalg.factory.Nd4j.create("
        "org.nd4j.linalg.api.buffer.DataType.DOUBLE, 25_000_000).addi(1.0)); Thread.sleep(200); }\n" + s)))
    (folder / "gita-empty.ipynb").write_bytes(b"")
    (folder / "hadi-notjson.ipynb").write_text('{"cells": [ oops', encoding="utf-8")
    py = copy.deepcopy(good)
    py["metadata"]["language_info"] = {"name": "python"}
    py["metadata"]["kernelspec"] = {"name": "python3"}
    write("indah-python.ipynb", py)
    write("joko-compile.ipynb", edit(good, "ex2-solution", lambda s: s.replace("s += x * x;", "s += x * x")))
    # a real lesson: notebook 00's student version, untouched and solved
    lesson = NOTEBOOKS / "00-pengantar.ipynb"
    ref00 = load(lesson)
    st00, _ = cw.make_student(ref00, lesson.name)
    write("lina-00.ipynb", st00)
    write("mira-00.ipynb", cw.paste_solutions(st00, ref00))


@unittest.skipIf(os.environ.get("KURSUS_SKIP_SLOW_SELFTESTS") == "1",
                 "slow kernel tests skipped for a -Dkursus.only run (every full verify runs them)")
@unittest.skipUnless(kernel_available(), "kernelspec 'kursus-rnn' not installed (mvn -B -ntp verify installs it)")
class GradingTest(unittest.TestCase):
    """Grades one class folder through the real kernel (once, shared by the tests: kernels are slow)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="cw-grade-"))
        reference = load(FIXTURE)
        student, _ = cw.make_student(reference, FIXTURE.name)
        cls.subs = cls.tmp / "subs"
        cls.subs.mkdir()
        _submissions(cls.subs, student, reference)
        cls.before = {p.name: p.read_bytes() for p in cls.subs.iterdir()}
        cls.rc, cls.log = quiet(cw.main, ["grade", "--submissions", str(cls.subs), "--out", str(cls.tmp / "out"),
                                          "--jobs", "2", "--timeout", "60", "--memory-mb", "1100"])
        print(cls.log)
        with open(cls.tmp / "out" / "grades.csv", encoding="utf-8") as f:
            cls.rows = list(csv.DictReader(f))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def row(self, file, exercise=""):
        found = [r for r in self.rows if r["student_file"] == file and r["exercise"] == exercise]
        self.assertEqual(len(found), 1, f"{file} {exercise}: {found}")
        return found[0]

    def test_grading_succeeds_and_every_file_is_reported(self):
        self.assertEqual(self.rc, 0, self.log)
        self.assertEqual(sorted({r["student_file"] for r in self.rows}), sorted(self.before))

    def test_student_files_are_only_read(self):
        self.assertEqual({p.name: p.read_bytes() for p in self.subs.iterdir()}, self.before)

    def test_reference_solutions_pass(self):
        self.assertEqual(self.row("andi.ipynb", "99.1")["status"], "pass")
        self.assertEqual(self.row("andi.ipynb", "99.2")["status"], "pass")

    def test_untouched_student_version_fails_each_check_with_the_bilingual_stub_message(self):
        for ex in ("99.1", "99.2"):
            r = self.row("budi.ipynb", ex)
            self.assertEqual((r["status"], r["mistake"]), ("fail", "NOT_ATTEMPTED"), r)
            self.assertIn(f"Latihan {ex}: tulis kode Anda di sini / Exercise {ex}: write your code here", r["verdict"])

    def test_a_wrong_answer_fails_with_the_checks_mistake_id_and_others_still_pass(self):
        r = self.row("citra-salah.ipynb", "99.2")
        self.assertEqual((r["status"], r["mistake"]), ("fail", "WRONG_SUM"), r)
        self.assertIn("expected 14", r["verdict"])
        self.assertEqual(self.row("citra-salah.ipynb", "99.1")["status"], "pass")

    def test_endless_notebook_hits_the_time_limit_after_its_first_exercise_passed(self):
        self.assertEqual(self.row("dedi-endless.ipynb", "99.1")["status"], "pass")
        r = self.row("dedi-endless.ipynb", "99.2")
        self.assertEqual((r["status"], r["mistake"]), ("not_run", "TIME_LIMIT"), r)

    def test_system_exit_is_reported_as_a_dead_kernel(self):
        r = self.row("eka-exit.ipynb", "99.1")
        self.assertEqual(r["status"], "not_run", r)
        self.assertIn("kernel died", r["note"])

    def test_memory_hungry_notebook_is_stopped_by_the_memory_cap(self):
        r = self.row("fajar-memory.ipynb", "99.1")
        self.assertNotEqual(r["status"], "pass", r)
        self.assertTrue("memory limit" in r["note"] or r["mistake"] == "OUT_OF_MEMORY", r)

    def test_empty_non_json_and_python_files_are_reported_not_run(self):
        self.assertEqual(self.row("gita-empty.ipynb")["mistake"], "NOT_A_NOTEBOOK")
        self.assertEqual(self.row("hadi-notjson.ipynb")["mistake"], "NOT_A_NOTEBOOK")
        self.assertEqual(self.row("indah-python.ipynb")["mistake"], "WRONG_LANGUAGE")

    def test_compile_error_fails_only_that_exercise(self):
        self.assertEqual(self.row("joko-compile.ipynb", "99.2")["mistake"], "COMPILE_ERROR")
        self.assertEqual(self.row("joko-compile.ipynb", "99.1")["status"], "pass")

    def test_real_lesson_student_version_fails_at_its_check_and_passes_when_solved(self):
        r = self.row("lina-00.ipynb", "0.1")
        self.assertEqual((r["status"], r["mistake"]), ("fail", "NOT_ATTEMPTED"), r)
        self.assertIn("Latihan 0.1: tulis kode Anda di sini / Exercise 0.1: write your code here", r["verdict"])
        self.assertEqual(self.row("mira-00.ipynb", "0.1")["status"], "pass")

    def test_summary_counts_the_most_common_mistakes(self):
        text = (self.tmp / "out" / "summary.md").read_text(encoding="utf-8")
        self.assertIn("| 99.2 | 1 |", text)  # only andi passes 99.2
        self.assertIn("NOT_ATTEMPTED (1)", text)

    def test_grading_again_gives_the_same_rows(self):
        again = self.tmp / "again"
        again.mkdir()
        for name in ("andi.ipynb", "budi.ipynb", "gita-empty.ipynb", "hadi-notjson.ipynb", "indah-python.ipynb"):
            shutil.copy(self.subs / name, again / name)
        rc, log = quiet(cw.main, ["grade", "--submissions", str(again), "--out", str(self.tmp / "out2"),
                                  "--jobs", "2", "--timeout", "120"])
        self.assertEqual(rc, 0, log)
        with open(self.tmp / "out2" / "grades.csv", encoding="utf-8") as f:
            rows2 = list(csv.DictReader(f))
        self.assertEqual(rows2, [r for r in self.rows if r["student_file"] in set(os.listdir(again))])

    def test_a_stamp_from_another_course_version_is_flagged(self):
        nb = load(self.subs / "andi.ipynb")
        nb["metadata"]["kursus"]["student"]["course_version"] = "0.0.1-old"
        exercises, note = cw.exercises_of(nb, "andi.ipynb")
        self.assertEqual(len(exercises), 2)
        self.assertIn("other course version '0.0.1-old'", note)


if __name__ == "__main__":
    unittest.main()
