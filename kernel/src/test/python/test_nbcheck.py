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


PARAMS = "// parameter / parameters\nint hidden = 16;\ndouble lr = 0.03;   // laju / rate\nint[] seeds = {1, 2, 3, 4, 5};"


def claims_notebook(claims, params=PARAMS, tagged=True):
    """A notebook with cell ids: imports, a parameters cell 'exp-params', a run cell 'exp-run'."""
    nb = notebook(("md", GOOD_MD), ("code", "import java.util.*;"), ("code", params),
                  ("code", "double finalLoss = lr * hidden;\nint succeeded = seeds.length;"))
    for cell, cid in zip(nb["cells"], ["intro", "imports", "exp-params", "exp-run"]):
        cell["id"] = cid
    if tagged:
        nb["cells"][2]["metadata"]["tags"] = ["parameters"]
    nb["metadata"]["kursus"]["claims"] = claims
    return nb


def claim(**kw):
    c = {"id": "lr-small", "text": "Coba ubah lr = 0.01 / Try lr = 0.01",
         "run": ["imports", "exp-params", "exp-run"], "set": {"lr": "0.01"}, "expect": "finalLoss < 1.0"}
    c.update(kw)
    return c


class ClaimStaticChecks(unittest.TestCase):
    def test_wellformed_claims_have_no_problem(self):
        nb = claims_notebook([claim(), claim(id="default", set={}, expect="succeeded == 5")])
        self.assertEqual([], nbcheck.static_problems(nb))

    def test_notebook_without_claims_has_no_claim_problem(self):
        self.assertEqual([], nbcheck.claim_problems(notebook(("md", GOOD_MD))))

    def test_unknown_cell_id_fails(self):
        problems = nbcheck.static_problems(claims_notebook([claim(run=["imports", "exp-params", "nope"])]))
        self.assertEqual(1, len(problems))
        self.assertIn("'nope', which does not exist", problems[0])

    def test_set_variable_not_declared_in_a_parameters_cell_of_the_run_fails(self):
        problems = nbcheck.claim_problems(claims_notebook([claim(set={"learningRate": "0.01"})]))
        self.assertEqual(1, len(problems))
        self.assertIn("'learningRate': not declared", problems[0])
        # declared, but the parameters cell is not among the claim's run cells
        problems = nbcheck.claim_problems(claims_notebook([claim(run=["imports", "exp-run"])]))
        self.assertTrue(any("'lr': not declared" in p for p in problems), problems)

    def test_set_variable_in_an_untagged_cell_fails(self):
        problems = nbcheck.claim_problems(claims_notebook([claim()], tagged=False))
        self.assertEqual(1, len(problems))
        self.assertIn("tagged 'parameters'", problems[0])

    def test_missing_text_and_expect_fail(self):
        problems = nbcheck.claim_problems(claims_notebook([claim(text=" ", expect="")]))
        self.assertEqual(2, len(problems))
        self.assertIn("no 'text'", problems[0])
        self.assertIn("no 'expect'", problems[1])

    def test_expect_must_be_one_expression(self):
        problems = nbcheck.claim_problems(claims_notebook([claim(expect="x = 1; finalLoss < 1")]))
        self.assertIn("one expression", problems[0])

    def test_duplicate_claim_id_and_unknown_key_fail(self):
        problems = nbcheck.claim_problems(claims_notebook([claim(), claim(expects="x")]))
        self.assertEqual(2, len(problems))
        self.assertIn("id used by two claims", problems[0])
        self.assertIn("unknown key(s) expects", problems[1])

    def test_claims_not_a_list_fails(self):
        self.assertEqual(["metadata kursus.claims is not a list"],
                         nbcheck.claim_problems(claims_notebook({"id": "x"})))

    def test_parameters_cell_holds_only_simple_declarations(self):
        bad = PARAMS + "\nfor (int i = 0; i < 3; i++) hidden++;\nint a = 1, b = 2;"
        problems = nbcheck.claim_problems(claims_notebook([], params=bad))
        self.assertEqual(2, len(problems), problems)
        self.assertIn("not one simple declaration", problems[0])
        self.assertIn("declares several variables", problems[1])

    def test_declarations_with_commas_inside_initializers_are_simple(self):
        code = ('double[] rhos = {0.5, 0.9};\nString[] modes = {"a, b = c", "d"};\n'
                'List<Integer> gaps = List.of(5, 10);\nMap<String, Integer> m = Map.of("a", 1);\nfinal var s = "x;y";')
        names, problems = nbcheck.parameter_declarations(code)
        self.assertEqual([], problems)
        self.assertEqual(["rhos", "modes", "gaps", "m", "s"], names)


class ClaimVariants(unittest.TestCase):
    def test_apply_set_replaces_only_the_named_initializers_and_keeps_comments(self):
        code, done = nbcheck.apply_set(PARAMS, {"lr": "0.01", "seeds": "{7, 8}"})
        self.assertEqual(["lr", "seeds"], done)
        self.assertIn("double lr = 0.01;   // laju / rate", code)
        self.assertIn("int[] seeds = {7, 8};", code)
        self.assertIn("int hidden = 16;", code)

    def test_claim_notebook_runs_only_the_listed_cells_with_the_change_then_the_expectation(self):
        import nbformat
        nb = nbformat.from_dict(claims_notebook([claim(run=["exp-params", "exp-run"])]))
        variant = nbcheck.claim_notebook(nb, nb.metadata.kursus.claims[0], nbformat)
        self.assertEqual(["exp-params", "exp-run", nbcheck.EXPECT_CELL_ID, nbcheck.VALUES_CELL_ID],
                         [c.id for c in variant.cells])
        self.assertIn("double lr = 0.01;", variant.cells[0].source)
        self.assertIn("(finalLoss < 1.0)", variant.cells[2].source)
        self.assertIn('"finalLoss=" + kursusClaimShow(finalLoss)', variant.cells[3].source)
        self.assertIn("double lr = 0.03;", nb.cells[2].source)  # the notebook itself is unchanged
        nbformat.validate(variant)

    def test_value_names_are_the_assigned_variables_of_the_expectation(self):
        names = nbcheck.value_names("median(loss) > 1.0 && succeeded <= 1 && Math.abs(x) < eps && s.ok()",
                                    ["double[] loss = f();\nint succeeded = 0;\nvar s = g();", "x = 2;"])
        self.assertEqual(["loss", "succeeded", "x", "s"], names)

    def _executed(self, expect_text, values_text="", reason=""):
        import nbformat
        nb = nbformat.from_dict(claims_notebook([claim()]))
        variant = nbcheck.claim_notebook(nb, nb.metadata.kursus.claims[0], nbformat)
        for cell, text in zip(variant.cells[-2:], [expect_text, values_text]):
            if text:
                cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
        res = nbcheck.Result(Path("x.ipynb"), reason=reason)
        return nbcheck.claim_verdict(variant, res)

    def test_verdict_true_passes_and_false_fails_with_the_values(self):
        ok = self._executed("[kursus-claim] expect true\n", "[kursus-claim] values finalLoss=0.16000000000000003\n")
        self.assertTrue(ok.ok)
        self.assertEqual("finalLoss=0.16", ok.values)
        bad = self._executed("[kursus-claim] expect false\n")
        self.assertFalse(bad.ok)
        self.assertIn("expect is false", bad.reason)

    def test_a_failing_run_cell_fails_the_claim_naming_the_cell_id(self):
        bad = self._executed("", reason="cell 3: error EvalException: boom")
        self.assertFalse(bad.ok)
        self.assertEqual("cell 'exp-run': error EvalException: boom", bad.reason)

    def test_report_lines(self):
        res = nbcheck.Result(Path("x.ipynb"))
        res.claims = [nbcheck.ClaimResult("a", ok=True, seconds=2.0, cpu_seconds=3.0),
                      nbcheck.ClaimResult("b", ok=False, seconds=1.5, reason="expect is false")]
        lines = nbcheck.claim_lines(res)
        self.assertEqual(3, len(lines))
        self.assertIn("FAIL expect is false", lines[1])
        self.assertEqual("  claims: 2 checked, 1 passed (3.5 s, cpu 3.0 s)", lines[2])


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
