"""The HTML opinion in a real browser: headless Chromium takes an A4 screenshot, and the fonts the page asks
for cover every character of the opinion (no tofu boxes). Skips, saying why, where Chromium or fontconfig
is not installed (Debian: apt-get install -y chromium fonts-noto-cjk)."""

from __future__ import annotations

import datetime as dt
import html
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from review_engine.engine import review_path
from review_engine.report.opinion import render_opinion

ROOT = Path(__file__).resolve().parents[1]
DOG = ROOT / "examples" / "drafts" / "养犬管理办法-内容缺陷"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def opinion_html(tmp_path_factory) -> Path:
    review = review_path(DOG, review_date=dt.date(2026, 4, 10))
    path = tmp_path_factory.mktemp("opinion") / "opinion.html"
    path.write_bytes(render_opinion(review, "html"))
    return path


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (apt-get install -y chromium fonts-noto-cjk)")
def test_headless_chromium_screenshots_the_opinion_as_an_a4_page(opinion_html: Path, tmp_path: Path):
    shot = tmp_path / "opinion.png"
    profile = tmp_path / "profile"
    subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                    f"--user-data-dir={profile}", f"--screenshot={shot}", "--window-size=1240,1754",
                    opinion_html.as_uri()], capture_output=True, timeout=120, check=False)
    data = shot.read_bytes()
    assert _png_size(data) == (1240, 1754)
    # a blank page compresses to ~10 KB; a page of set Chinese text to several hundred
    assert len(data) > 100_000, f"the screenshot looks empty ({len(data)} bytes)"


def _stack(css: str, name: str) -> list[str]:
    found = re.search(rf"--{name}:\s*([^;]+);", css)
    assert found, f"font stack --{name} missing"
    return [f.strip().strip('"') for f in found.group(1).split(",")]


def _installed(family: str) -> bool:
    out = subprocess.run(["fc-list", f":family={family}", "family"], capture_output=True, text=True).stdout
    return bool(out.strip())


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig (fc-list) is not installed")
def test_the_first_installed_font_of_each_stack_has_every_character_of_the_opinion(opinion_html: Path):
    page = opinion_html.read_text(encoding="utf-8")
    css = page[page.index("<style>"):page.index("</style>")]
    text = html.unescape(re.sub(r"<[^>]+>", "", page[page.index("<body>"):]))
    chars = sorted({ord(c) for c in text if ord(c) > 0x7F and not c.isspace()})
    assert len(chars) > 300, "the opinion should be mostly Chinese text"
    stacks = {name: _stack(css, name) for name in ("fangsong", "songti", "heiti", "kaiti")}
    # both the Windows fonts and the Noto CJK fonts of Debian are named
    assert {"仿宋", "FangSong", "Noto Serif CJK SC"} <= set(stacks["fangsong"])
    assert {"宋体", "SimSun"} <= set(stacks["songti"])
    assert {"黑体", "SimHei", "Noto Sans CJK SC"} <= set(stacks["heiti"])
    charset = " ".join(f"{c:x}" for c in chars)
    for name, stack in stacks.items():
        family = next((f for f in stack if f not in ("serif", "sans-serif") and _installed(f)), None)
        if family is None:
            pytest.skip(f"no font of the {name} stack is installed (apt-get install -y fonts-noto-cjk)")
        out = subprocess.run(["fc-list", f":family={family}:charset={charset}", "family"],
                             capture_output=True, text=True).stdout
        assert out.strip(), f"{family} (first installed font of --{name}) lacks characters of the opinion"


# ---- the Word opinion in LibreOffice: docx → PDF → PNG ------------------------------------------------------------

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOPPM = shutil.which("pdftoppm")


@pytest.mark.skipif(SOFFICE is None or PDFTOPPM is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or poppler is not installed "
                           "(apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk)")
def test_libreoffice_lays_out_the_word_opinion_with_numbered_pages(tmp_path: Path):
    review = review_path(DOG, review_date=dt.date(2026, 4, 10))
    docx = tmp_path / "opinion.docx"
    docx.write_bytes(render_opinion(review, "docx"))
    profile = tmp_path / "lo-profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=180, check=False)
    pdf = tmp_path / "opinion.pdf"
    assert pdf.is_file() and pdf.stat().st_size > 10_000, "LibreOffice wrote no PDF"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          timeout=60).stdout
    numbers = [int(n) for n in re.findall(r"—\s*(\d+)\s*—", text)]
    assert numbers[:3] == [1, 2, 3] and len(numbers) >= 5, numbers  # the PAGE field, one number per page
    assert "关于《某县养犬管理办法（送审稿）》的合法" in text.replace("\n", "").replace(" ", "")
    assert "某县公安局：" in text and "收悉" in text
    subprocess.run([PDFTOPPM, "-png", "-r", "60", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")],
                   capture_output=True, timeout=60, check=True)
    page = next(tmp_path.glob("page*.png")).read_bytes()
    width, height = _png_size(page)
    assert abs(height / width - 297 / 210) < 0.02  # an A4 page
    assert len(page) > 20_000, f"the first page looks empty ({len(page)} bytes)"
