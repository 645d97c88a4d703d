"""Time and memory on hostile input (issue 16): prints its figures, asserts nothing.

1. A .docx whose document.xml inflates to 1 GiB (about 1 MB on disk): refused, and the peak memory of the process
   that reads it (target: under 512 MiB). Measured in a fresh interpreter each, once with honest sizes in the
   archive and once with sizes that lie.
2. A rule pack's rule ``patterns: ['(a+)+$']`` on a 10,000-character line (target: under 2 s; Python ``re`` would
   run for longer than the age of the universe), and the same through ``matches(...)`` in a condition.
3. 2,500 and 10,000 findings rendered as the md and the docx opinion (target: linear, 4x the findings in at most
   5x the time).

Run: ``.venv/bin/python benchmarks/hostile.py``. For whole-process figures of one case, e.g.
``farm-bench -- .venv/bin/review-engine review DRAFT --rules PACK``.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # docx_support.zip_bomb and the test rule set

BASIS = "basis: [{law: 中华人民共和国立法法, article: 65, quote: 法律根据内容需要，可以分编、章、节、条、款、项、目。}]\n"


def docx_bomb() -> None:
    from docx_support import zip_bomb

    with tempfile.TemporaryDirectory() as tmp:
        for label, declared in (("honest sizes", None), ("lying sizes", 10_000)):
            path = Path(tmp) / "draft.docx"
            path.write_bytes(zip_bomb(inflated=1 << 30, declared=declared))
            probe = textwrap.dedent(f"""
                import resource, time
                from pathlib import Path
                from review_engine.reading import SourceError, read_source
                started = time.perf_counter()
                try:
                    read_source(Path({str(path)!r}))
                    verdict = "READ (not refused!)"
                except SourceError as exc:
                    verdict = "refused: " + exc.message
                print(f"{{time.perf_counter() - started:.3f}}")
                print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
                print(verdict)
            """)
            out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
            seconds, peak, verdict = out.strip().split("\n", 2)
            print(f"docx inflating to 1 GiB ({label}, {path.stat().st_size / 1e6:.1f} MB on disk): {seconds} s, "
                  f"peak {peak} MiB (target < 512 MiB) — {verdict}")


def user_regex() -> None:
    from review_engine import parse, userregex
    from review_engine.engine import get_profile
    from review_engine.ruleset import load_rules
    from review_engine.ruleset.run import make_context, run_rules

    rule = ("id: BENCH-REDOS-01\ntitle: 测试\nseverity: modify\ncheck: pattern\npatterns: ['(a+)+$']\n" + BASIS
            + 'message: "{label}"\nexamples: {fail: [aaaa]}\n')
    condition = ("id: BENCH-REDOS-02\ntitle: 测试\nseverity: modify\ncheck: pattern\npatterns: ['aab']\n" + BASIS
                 + "unless: 'matches(match.article, \"(a+)+$\")'\n" + 'message: "{label}"\nexamples: {fail: [aab]}\n')
    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "pack"
        pack.mkdir()
        (pack / "r1.yaml").write_text(rule, encoding="utf-8")
        (pack / "r2.yaml").write_text(condition, encoding="utf-8")
        rules = load_rules([pack], test=False)
        engine = userregex.engine_of(rules.rules[0].checker.regexes[0])
        for tail in ("b", ""):
            doc = parse("# 某办法\n\n第一条　" + "a" * 10_000 + tail + "\n")
            ctx = make_context(doc, profile=get_profile(None), doc_type="规范性文件")
            started = time.perf_counter()
            found = run_rules(rules.rules, ctx, [])
            seconds = time.perf_counter() - started
            print(f"rule pack '(a+)+$' (pattern and matches()) on a 10,000-character line{' + b' if tail else ''}: "
                  f"{seconds * 1000:.1f} ms on {engine}, {len(found)} findings (target < 2 s)")


def rendering() -> None:
    from review_engine import parse
    from review_engine.engine import get_profile, get_rules, review_document
    from review_engine.numerals import to_chinese
    from review_engine.report.opinion import render_opinion

    rules = get_rules([ROOT / "tests" / "golden" / "rules" / "test"])

    def review_with(n: int):
        lines = ["# 某市户外广告设置管理办法", ""]
        for i in range(1, n + 1):
            lines += [f"第{to_chinese(i)}条　违反本办法规定的，处五百元罚款。", ""]
        return review_document(parse("\n".join(lines)), rules=rules, profile=get_profile(None))

    reviews = {n: review_with(n) for n in (2_500, 10_000)}
    for fmt in ("md", "docx"):
        times = {}
        for n, review in reviews.items():
            best = float("inf")
            for _ in range(3):
                started = time.perf_counter()
                render_opinion(review, fmt)
                best = min(best, time.perf_counter() - started)
            times[n] = best
        ratio = times[10_000] / times[2_500]
        print(f"opinion {fmt}: 2,500 findings {times[2_500]:.2f} s, 10,000 findings {times[10_000]:.2f} s "
              f"-> {ratio:.1f}x the time for 4x the findings (target <= 5x)")


if __name__ == "__main__":
    docx_bomb()
    user_regex()
    rendering()
