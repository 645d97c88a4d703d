"""The pre-commit hook with the real `pre-commit` tool, in a temporary git repository of drafts: a draft with
an unlawful clause blocks the commit (exit code and the rule id in the output), the corrected draft commits.

Two set-ups:

* ``repo: local`` with ``language: system``, built from this project's ``.pre-commit-hooks.yaml`` (same
  entry, files, exclude, require_serial) but running the venv's ``review-engine``: offline, a few seconds;
* the hook exactly as users install it: this project as a hook repository (a git copy of it, since
  ``pre-commit`` clones a commit), ``language: python``, so pre-commit builds its own virtualenv and
  ``pip install``s the project from ``.pre-commit-hooks.yaml``. That needs PyPI for the dependencies (about
  15 s here) and skips, saying so, when PyPI cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
TEST_RULES = ROOT / "tests" / "golden" / "rules" / "test"

BAD = ("# 某市户外广告设置管理办法（送审稿）\n\n"
       "第一条　为了规范户外广告设置，根据《城市市容和环境卫生管理条例》，制定本办法。\n\n"
       "第二条　设置户外广告的，应当符合户外广告设置规划。\n\n"
       "第三条　违反本办法第二条规定的，由市城市管理局责令限期改正，处五百元罚款。\n\n"
       "第四条　本办法自2026年7月1日起施行，有效期5年。\n")
GOOD = BAD.replace("责令限期改正，处五百元罚款", "依照《城市市容和环境卫生管理条例》第三十六条的规定处理")
DOSSIER = "doc_type: 规范性文件\nissuer: {name: 某市人民政府, type: 人民政府, level: 设区的市}\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _env(home: Path) -> dict[str, str]:
    """Isolated from the user's git configuration and pre-commit cache."""
    config = home / "gitconfig"
    config.write_text("[user]\n\tname = 审核测试\n\temail = review@example.org\n[init]\n\tdefaultBranch = main\n"
                      "[commit]\n\tgpgsign = false\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(GIT_CONFIG_GLOBAL=str(config), GIT_CONFIG_NOSYSTEM="1", PRE_COMMIT_HOME=str(home / "pre-commit"),
               PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}")
    return env


def _git(repo: Path, env, *args) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=120)


def _drafts_repo(tmp_path: Path, env, config: dict) -> Path:
    repo = tmp_path / "drafts-repo"
    (repo / "drafts" / "户外广告办法").mkdir(parents=True)
    assert _git(repo, env, "init", "-q").returncode == 0
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                                 encoding="utf-8")
    (repo / "README.md").write_text("# 规范性文件草案库\n\n第一条 这不是草案。\n", encoding="utf-8")
    install = subprocess.run([str(BIN / "pre-commit"), "install"], cwd=repo, env=env, capture_output=True,
                             text=True, timeout=120)
    assert install.returncode == 0, install.stderr
    _git(repo, env, "add", ".pre-commit-config.yaml", "README.md")
    first = _git(repo, env, "commit", "-q", "-m", "草案库")
    assert first.returncode == 0, first.stdout + first.stderr  # README.md is excluded by the hook's pattern
    return repo


def _commit_bad_then_good(repo: Path, env) -> None:
    folder = repo / "drafts" / "户外广告办法"
    (folder / "draft.md").write_text(BAD, encoding="utf-8")
    (folder / "dossier.yaml").write_text(DOSSIER, encoding="utf-8")
    _git(repo, env, "add", "drafts")
    blocked = _git(repo, env, "commit", "-m", "送审稿")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "TFINE-01" in output and "drafts/户外广告办法/draft.md:7:31" in output
    assert "exit code: 1" in output
    assert _git(repo, env, "log", "--oneline").stdout.count("\n") == 1  # nothing committed

    (folder / "draft.md").write_text(GOOD, encoding="utf-8")
    _git(repo, env, "add", "drafts")
    passed = _git(repo, env, "commit", "-m", "送审稿（修改后）")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout + passed.stderr
    assert "送审稿（修改后）" in _git(repo, env, "log", "-1", "--format=%s").stdout

    # a change to the dossier alone re-reviews the draft (here: still clean)
    (folder / "dossier.yaml").write_text(DOSSIER + "stage: pre-issuance\n", encoding="utf-8")
    _git(repo, env, "add", "drafts")
    again = _git(repo, env, "commit", "-m", "程序记录")
    assert again.returncode == 0 and "Passed" in again.stdout + again.stderr


def _manifest_hook() -> dict:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    return next(h for h in hooks if h["id"] == "review-engine")


def test_manifest_declares_the_check_entry_files_and_serial_run():
    hook = _manifest_hook()
    assert hook["entry"] == "review-engine check" and hook["language"] == "python"
    assert hook["require_serial"] is True and hook["pass_filenames"] is True
    import re

    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])
    for path in ("drafts/a/draft.md", "drafts/a/dossier.yaml", "drafts/a/draft.docx", "drafts/a/起草说明.txt"):
        assert files.search(path) and not exclude.search(path), path
    for path in ("README.md", "docs/CHANGELOG.md", ".github/workflows/ci.yml", "drafts/a/data.csv"):
        assert not (files.search(path) and not exclude.search(path)), path


@pytest.mark.slow
def test_local_system_hook_blocks_a_bad_draft_and_passes_the_fixed_one(tmp_path: Path):
    env = _env(tmp_path)
    hook = dict(_manifest_hook())
    hook.update(language="system", entry=f"{BIN / 'review-engine'} check",
                args=["--no-builtin-rules", "--rules", str(TEST_RULES)])
    hook.pop("minimum_pre_commit_version", None)
    repo = _drafts_repo(tmp_path, env, {"repos": [{"repo": "local", "hooks": [hook]}]})
    _commit_bad_then_good(repo, env)


def _pypi_reachable() -> bool:
    try:
        with socket.create_connection(("pypi.org", 443), timeout=5):
            return True
    except OSError:
        return False


@pytest.mark.slow
@pytest.mark.network
def test_the_published_hook_installs_with_pre_commit_and_blocks_a_bad_draft(tmp_path: Path):
    if os.environ.get("REVIEW_ENGINE_OFFLINE") or not _pypi_reachable():
        pytest.skip("PyPI is not reachable: pre-commit cannot build the hook's environment (language: python)")
    env = _env(tmp_path)
    hook_repo = tmp_path / "hook-repo"
    hook_repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, hook_repo / name)
    for name in ("src", "grammars", "rules", "laws"):
        shutil.copytree(ROOT / name, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(TEST_RULES, hook_repo / "test-rules")
    assert _git(hook_repo, env, "init", "-q").returncode == 0
    _git(hook_repo, env, "add", "-A")
    assert _git(hook_repo, env, "commit", "-q", "-m", "hook").returncode == 0
    rev = _git(hook_repo, env, "rev-parse", "HEAD").stdout.strip()
    config = {"repos": [{"repo": str(hook_repo), "rev": rev,
                         "hooks": [{"id": "review-engine", "args": ["--no-builtin-rules", "--rules", str(hook_repo / "test-rules")]}]}]}
    repo = _drafts_repo(tmp_path, env, config)
    _commit_bad_then_good(repo, env)
    # pre-commit built its own environment from the manifest: the hook did not use this venv
    envs = list((tmp_path / "pre-commit").glob("repo*/py_env-*/bin/review-engine"))
    assert envs, "pre-commit did not install the hook's environment"
