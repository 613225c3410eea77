"""Static checks of nbcheck.py on tiny in-memory notebooks (no kernel, no Jupyter install needed
beyond nbformat). Run: /usr/bin/python3 -m unittest discover -s kernel/src/test/python
"""

import importlib.util
import os
import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("nbcheck", HERE.parent.parent / "main" / "python" / "nbcheck.py")
nbcheck = importlib.util.module_from_spec(_spec)
sys.modules["nbcheck"] = nbcheck  # dataclasses look the module up
_spec.loader.exec_module(nbcheck)

GOOD_MD = "## Judul / Title\n**[ID]** Ini teks Indonesia.\n\n**[EN]** This is English text."


def notebook(*cells, kernel="kursus-rnn", language="java", budget=60):
    """A minimal notebook dict: cells are ('md', text) or ('code', text)."""
    meta = {"kernelspec": {"name": kernel, "display_name": "Java 17 · Kursus RNN", "language": "java"},
            "language_info": {"name": language}}
    if budget is not None:
        meta["kursus"] = {"budget_seconds": budget}
    return {"metadata": meta, "nbformat": 4, "nbformat_minor": 5,
            "cells": [{"cell_type": "markdown" if k == "md" else "code", "source": s, "metadata": {},
                       **({} if k == "md" else {"outputs": [], "execution_count": None})}
                      for k, s in cells]}


class StaticChecks(unittest.TestCase):
    def test_conforming_notebook_has_no_problem(self):
        nb = notebook(("md", GOOD_MD), ("code", "int x = 1 % 2;\nSystem.out.println(x);"))
        self.assertEqual([], nbcheck.static_problems(nb))

    def test_markdown_without_en_part_fails(self):
        nb = notebook(("md", "**[ID]** Hanya bahasa Indonesia."))
        problems = nbcheck.static_problems(nb)
        self.assertEqual(1, len(problems))
        self.assertIn("missing the **[EN]** part", problems[0])

    def test_markdown_with_en_before_id_fails(self):
        self.assertIn("before", nbcheck.check_markdown("**[EN]** English first.\n**[ID]** Lalu Indonesia."))

    def test_marker_without_text_fails(self):
        self.assertIn("no text after **[ID]**", nbcheck.check_markdown("**[ID]**\n\n**[EN]** Only English."))

    def test_kernel_magic_fails(self):
        nb = notebook(("md", GOOD_MD), ("code", "%maven org.nd4j:nd4j-native:1.0.0-M2.1\nint x = 1;"))
        problems = nbcheck.static_problems(nb)
        self.assertEqual(1, len(problems))
        self.assertIn("kernel magic", problems[0])

    def test_wrong_kernelspec_name_fails(self):
        nb = notebook(("md", GOOD_MD), kernel="java")
        problems = nbcheck.static_problems(nb)
        self.assertEqual(1, len(problems))
        self.assertIn("kernelspec.name is 'java'", problems[0])

    def test_rapaio_options_call_fails_but_not_in_comment_or_method(self):
        self.assertEqual(1, len(nbcheck.check_code('options().display().defaultMime("text/plain");')))
        self.assertEqual([], nbcheck.check_code('// do not call options() here\nvar o = reader.options();'))

    def test_options_inside_strings_and_block_comments_is_not_a_call(self):
        code = 'String s = "options()";\n/* options()\n */ char c = \'(\';\nvar t = """\noptions()\n""";'
        self.assertEqual([], nbcheck.check_code(code))

    def test_modulo_operator_is_not_a_magic(self):
        self.assertEqual([], nbcheck.check_code("int r = 7 % 3;"))
        self.assertEqual(1, len(nbcheck.check_code("  %%time\nint r = 1;")))

    def test_unbalanced_solution_markers_fail(self):
        self.assertEqual(1, len(nbcheck.check_code("// BEGIN SOLUTION\nint x = 1;")))
        self.assertEqual([], nbcheck.check_code("// BEGIN SOLUTION\nint x = 1;\n// END SOLUTION"))

    def test_bad_budget_fails_and_missing_budget_defaults(self):
        self.assertTrue(nbcheck.static_problems(notebook(("md", GOOD_MD), budget="soon")))
        self.assertEqual(nbcheck.DEFAULT_BUDGET, nbcheck.budget_of(notebook(budget=None)))


class Streams(unittest.TestCase):
    def test_consecutive_streams_merge_and_carriage_returns_collapse(self):
        import nbformat
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("x")
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="a\n"),
                        nbformat.v4.new_output("stream", name="stdout", text="step 1\rstep 2\n"),
                        nbformat.v4.new_output("stream", name="stderr", text="warn\n"),
                        nbformat.v4.new_output("stream", name="stdout", text="b\n")]
        nb.cells = [cell]
        nbcheck.merge_streams(nb)
        self.assertEqual([("stdout", "a\nstep 2\n"), ("stderr", "warn\n"), ("stdout", "b\n")],
                         [(o.name, o.text) for o in nb.cells[0].outputs])


class OutputChecks(unittest.TestCase):
    def test_stray_display_id_result_fails(self):
        out = [{"output_type": "execute_result",
                "data": {"text/html": "0bb7ccc3-a55d-4e26-aeef-9389c6f88ae0"}}]
        self.assertIn("stray display id", nbcheck.output_problem(3, out))

    def test_printstream_result_fails(self):
        out = [{"output_type": "execute_result", "data": {"text/plain": "java.io.PrintStream@2559f617"}}]
        self.assertIn("printf", nbcheck.output_problem(3, out))

    def test_error_output_fails_with_its_message(self):
        out = [{"output_type": "error", "ename": "EvalException", "evalue": "boom", "traceback": []}]
        self.assertEqual("cell 2: error EvalException: boom", nbcheck.output_problem(2, out))

    def test_ordinary_result_passes(self):
        out = [{"output_type": "execute_result", "data": {"text/plain": "3"}}]
        self.assertIsNone(nbcheck.output_problem(1, out))


class BudgetChecks(unittest.TestCase):
    """The budget counts the kernel's CPU time; a wall-clock cap catches a notebook that only waits."""

    def test_busy_machine_slow_wall_clock_passes_when_cpu_is_within_budget(self):
        # notebook 04 under load average 10: 148 s wall for about 60 s of its own computing
        self.assertIsNone(nbcheck.budget_problem(cpu=60.0, wall=300.0, budget=180.0))

    def test_truly_slow_notebook_fails_on_cpu_time_even_on_an_idle_machine(self):
        problem = nbcheck.budget_problem(cpu=200.0, wall=150.0, budget=180.0)
        self.assertIn("kernel CPU 200 s > 180 s", problem)

    def test_waiting_notebook_fails_on_the_wall_clock_cap(self):
        problem = nbcheck.budget_problem(cpu=5.0, wall=nbcheck.WALL_FACTOR * 180.0 + 1, budget=180.0)
        self.assertIn("wall clock", problem)

    def test_without_cpu_time_the_wall_clock_is_the_budget(self):
        self.assertIn("wall clock", nbcheck.budget_problem(cpu=None, wall=181.0, budget=180.0))
        self.assertIsNone(nbcheck.budget_problem(cpu=None, wall=179.0, budget=180.0))
        self.assertEqual(180.0, nbcheck.wall_limit(False, 180.0))
        self.assertEqual(nbcheck.WALL_FACTOR * 180.0, nbcheck.wall_limit(True, 180.0))

    def test_cpu_time_of_a_process_tree_counts_a_busy_child_not_a_sleeping_one(self):
        import subprocess
        import time
        if nbcheck.process_cpu_seconds(os.getpid()) is None:
            self.skipTest("no /proc and no psutil: CPU time cannot be read on this machine")
        # a parent that sleeps while its child burns about 0.6 s of CPU
        code = ("import subprocess,sys,time\n"
                "c=subprocess.Popen([sys.executable,'-c','import time\\nt=time.process_time()\\n"
                "while time.process_time()-t<0.6: pass\\ntime.sleep(30)'])\n"
                "time.sleep(30)")
        parent = subprocess.Popen([sys.executable, "-c", code], start_new_session=True)
        try:
            deadline = time.monotonic() + 20
            cpu = 0.0
            while time.monotonic() < deadline:
                cpu = nbcheck.process_cpu_seconds(parent.pid)
                if cpu is not None and cpu >= 0.6:
                    break
                time.sleep(0.2)
            self.assertGreaterEqual(cpu, 0.6)
            self.assertLess(cpu, 3.0)  # the sleeping parent adds only its start-up
        finally:
            import signal
            os.killpg(parent.pid, signal.SIGKILL)  # the test's own process group: parent and child
            parent.wait()

    def test_cpu_time_of_a_missing_process_is_none(self):
        self.assertIsNone(nbcheck.process_cpu_seconds(None))
        self.assertIsNone(nbcheck.process_cpu_seconds(2 ** 22 + 12345))


if __name__ == "__main__":
    unittest.main()
