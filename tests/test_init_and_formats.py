"""The officer's first steps (issue 12): `init`, then her Word draft copied into the folder, is what `review`
reviews; `init` on a folder holding a draft (or two) still writes the dossier; a .doc/.wps draft is told to be
saved as .docx; SARIF and GitHub annotations of a Word draft point at its paragraphs, not at lines of a zip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from docx_support import write_docx
from review_engine.cli import main
from review_engine.engine import review_path

ROOT = Path(__file__).resolve().parents[1]
DOG = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷"
LINES = ["某县养犬管理办法", "第一条　为了规范养犬行为，制定本办法。", "第二条　在重点管理区内饲养犬只的，须经县公安局批准。",
         "第三条　违反本办法第二条规定的，处五百元罚款。", "第四条　本办法自2026年7月1日起施行，有效期5年。"]


def test_init_then_copying_the_word_draft_reviews_the_word_draft(tmp_path: Path, capsys):
    folder = tmp_path / "养犬管理办法"
    assert main(["init", str(folder)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["dossier.yaml"]
    assert "请把草案" in capsys.readouterr().out
    write_docx(folder / "某县养犬管理办法（征求意见稿）.docx", LINES)
    review = review_path(folder)
    assert review.files["draft"] == "某县养犬管理办法（征求意见稿）.docx"
    assert review.title == "某县养犬管理办法"


@pytest.mark.parametrize("names", [["某县养犬管理办法.docx"], ["某县养犬管理办法（送审稿）.docx", "起草说明.docx"],
                                   ["草案一.docx", "草案二.docx"]])
def test_init_on_a_folder_holding_word_files_writes_the_dossier(tmp_path: Path, names: list[str], capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    for name in names:
        write_docx(folder / name, LINES if "说明" not in name else ["起草说明", "本办法由县公安局起草。"])
    assert main(["init", str(folder)]) == 0
    out = capsys.readouterr().out
    assert (folder / "dossier.yaml").is_file() and not (folder / "draft.md").exists()
    if len(names) == 2 and "起草说明.docx" not in names:
        assert "无法确定哪个文件是草案" in out
    else:
        assert f"草案：{names[0]}" in out


@pytest.mark.parametrize("suffix", [".doc", ".wps"])
def test_an_old_word_or_wps_draft_is_told_to_be_saved_as_docx(tmp_path: Path, suffix: str, capsys):
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / f"某县养犬管理办法{suffix}").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert main(["review", str(folder), "--format", "json", "--quiet"]) == 2
    data = json.loads(capsys.readouterr().out)
    assert "另存为" in data["errors"][0]["message"] and ".docx" in data["errors"][0]["message"]
    assert main(["review", str(folder / f"某县养犬管理办法{suffix}"), "--format", "json", "--quiet"]) == 2
    assert "另存为" in json.loads(capsys.readouterr().out)["errors"][0]["message"]


def test_sarif_and_github_point_at_the_paragraph_of_a_word_draft(tmp_path: Path, capsys):
    folder = tmp_path / "w"
    folder.mkdir()
    write_docx(folder / "draft.docx", LINES)
    assert main(["review", str(folder), "--format", "sarif", "--quiet"]) == 1
    results = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    in_docx = [r for r in results if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(".docx")]
    assert in_docx
    for r in in_docx:
        physical = r["locations"][0]["physicalLocation"]
        assert "region" not in physical
    pen = next(r for r in in_docx if r["ruleId"] == "CONT-PEN-01")
    assert pen["locations"][0]["physicalLocation"]["properties"]["paragraph"] >= 1
    assert pen["message"]["text"].startswith("第三条（第") and pen["locations"][0]["logicalLocations"][0]["name"] == "第三条"
    assert main(["review", str(folder), "--format", "github", "--quiet"]) == 1
    annotations = [l for l in capsys.readouterr().out.splitlines() if "draft.docx" in l]
    assert annotations and not any(",line=" in l for l in annotations)
    assert any("第三条（第" in l for l in annotations)
