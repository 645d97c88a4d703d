"""Every command of docs/guide.md runs (issue 12): the three journeys (the legal officer with a Word draft, the
pipeline maintainer, the provincial rule author) and the reference sections, in order, in a scratch folder that
holds what the guide assumes — a copy of examples/drafts/ as drafts/, a Word draft, a province's law texts.

Fenced blocks: ``sh`` lines are run (exit code 0, or 1 for findings; never 2); a ``yaml``/``toml`` block whose
first line is ``# file: PATH`` is written to PATH (the guide's "put this in that file"); the ``run:`` steps of
the CI workflow are run but its ``pip install`` (what tests/test_packaging.py does with a wheel); ``python``
blocks are executed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from docx_support import write_docx

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide.md"
BIN = Path(sys.executable).parent
BLOCK = re.compile(r"^```(\w+)\n(.*?)^```", re.S | re.M)
LAW = """# 某省养犬管理条例

（2021年5月28日某省第十三届人民代表大会常务委员会第二十六次会议通过）

第一条 为了规范养犬行为，保障公民健康和人身安全，制定本条例。

第二条 在重点管理区内饲养犬只的，应当向公安机关申请办理养犬登记证。

第三条 本条例自2021年6月1日起施行。
"""

pytestmark = [pytest.mark.slow, pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")]


def blocks() -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(GUIDE.read_text(encoding="utf-8"))]


def _workspace(tmp_path: Path) -> Path:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "examples" / "drafts", work / "drafts")
    dog = (ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷" / "draft.md").read_text(encoding="utf-8")
    write_docx(work / "某县养犬管理办法（送审稿）.docx", [line.lstrip("# ") for line in dog.splitlines() if line.strip()])
    (work / "某省法规").mkdir()
    (work / "某省法规" / "某省养犬管理条例(2021-06-01).md").write_text(LAW, encoding="utf-8")
    return work


def _env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "gitconfig"
    config.write_text("[user]\n\tname = 审核测试\n\temail = review@example.org\n[init]\n\tdefaultBranch = main\n",
                      encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "REVIEW_ENGINE"))}
    env.update(GIT_CONFIG_GLOBAL=str(config), GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(tmp_path / "pc"),
               PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}", COLUMNS="160")
    return env


def _run(command: str, work: Path, env: dict) -> None:
    result = subprocess.run(["bash", "-c", command], cwd=work, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), (f"guide command failed ({result.returncode}): {command}\n"
                                         f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}")


def test_every_command_of_the_guide_runs(tmp_path: Path, monkeypatch):
    work = _workspace(tmp_path)
    env = _env(tmp_path)
    ran = []
    for lang, body in blocks():
        first = body.splitlines()[0] if body.strip() else ""
        if lang in ("yaml", "toml") and first.startswith("# file: "):
            target = work / first.removeprefix("# file: ").strip()
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif lang == "yaml" and "- run: " in body:  # the CI workflow's steps
            for step in re.findall(r"^- run: (.*)$", body, re.M):
                if not step.startswith("pip install"):
                    _run(step, work, env)
                    ran.append(step)
        elif lang == "sh":
            for line in body.splitlines():
                if line.strip() and not line.lstrip().startswith("#"):
                    _run(line, work, env)
                    ran.append(line)
        elif lang == "python":
            monkeypatch.chdir(work)
            exec(compile(body, str(GUIDE), "exec"), {})
    # the journeys did what they say
    assert sorted(p.name for p in (work / "意见书").iterdir()) == ["养犬管理办法.docx", "养犬管理办法.html",
                                                                 "养犬管理办法.md"]
    opinion = (work / "意见书" / "养犬管理办法.md").read_text(encoding="utf-8")
    assert "某县公安局：" in opinion and "某县养犬管理办法" in opinion and "不予适用" in opinion
    assert {"review.json", "review.sarif", "junit.xml"} <= {p.name for p in (work / "review").iterdir()}
    assert (work / "my-laws" / "某省").is_dir() and (work / "opinion.docx").is_file()
    assert len(ran) >= 20


def test_the_guide_names_no_repository_that_does_not_exist_and_no_file_outside_the_repository():
    text = GUIDE.read_text(encoding="utf-8")
    assert "example.org" not in text and "legal-review-spec" not in text and "pip install review-engine" not in text
    for name in re.findall(r"`((?:src|docs|scripts|tests|rules|laws|examples)/[\w./-]+)`", text):
        assert (ROOT / name.rstrip("/")).exists(), name
