"""The ``html`` output: one self-contained, inert, filterable page.

The headless Chromium tests render the page for real (script run, styles
applied, nothing fetched); they are skipped when Chromium is not installed.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
import zlib
from decimal import Decimal
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest

from sakip_validate.domain.scale import default_scale
from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.html import content_security_policy, script, style
from sakip_validate.result import RunResult

from .golden import assert_golden

ROOT = Path(__file__).resolve().parent.parent.parent
VOID = {"meta", "input", "br", "hr", "img", "link", "wbr", "col", "source"}


def render(result: RunResult, lang: str = "id") -> str:
    stream = io.StringIO()
    load_output("html").render(result, RenderOptions(lang=lang), stream)  # type: ignore[arg-type]
    return stream.getvalue()


class Page(HTMLParser):
    """Collects tags, attributes and text; checks that elements nest properly."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        else:
            self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert not parser.errors, parser.errors[:5]
    assert parser.stack == [], parser.stack
    return parser


def external_urls(parser: Page) -> list[str]:
    """src/href/action values that would fetch or leave the page."""
    found = []
    for _, attrs in parser.tags:
        for name in ("src", "href", "action", "xlink:href", "srcset", "poster", "data"):
            value = (attrs.get(name) or "").strip().lower()
            if value and not value.startswith("#") and not value.startswith("data:"):
                found.append(value)
    return found


def rows_of(parser: Page, kind: str) -> list[dict[str, str | None]]:
    """Attributes of the finding rows (``finding``) or budget tree rows (``tree``)."""
    if kind == "finding":
        return [a for t, a in parser.tags if t == "tr" and "finding" in (a.get("class") or "")]
    return [a for t, a in parser.tags if t == "tr" and "--lvl" in (a.get("style") or "")]


def charts(page: str) -> list[str]:
    return re.findall(r"<svg .*?</svg>", page, flags=re.S)


def stretches(svg: str) -> list[tuple[Decimal, Decimal, str]]:
    """The bands and gaps behind the bars: (x, width, tooltip as the reader sees it)."""
    return [
        (Decimal(x), Decimal(width), html.unescape(title))
        for x, width, title in re.findall(
            r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="[^"]+">'
            r"<title>([^<]*)</title></rect>",
            svg,
        )
    ]


def bars(svg: str) -> list[str]:
    """The value texts written beside the bars (and in place of a missing bar)."""
    found = re.findall(r'<text x="[\d.]+" y="[\d.]+" font-size="12"[^>]*>([^<]*)</text>', svg)
    return [html.unescape(text) for text in found]


def checked_with(result: RunResult, data: dict[str, Any], findings: list[Finding]) -> RunResult:
    """One checked file of ``result`` with other data and findings."""
    report = dataclasses.replace(result.files[0], data=data, findings=findings, checked=True)
    return RunResult([report], result.catalog, result.manifest)


# -- golden, determinism, structure ------------------------------------------------


def test_html_golden_id(example_result: RunResult) -> None:
    assert_golden("html-example-id.html", render(example_result, "id"))


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_deterministic(lang: str, example_result: RunResult) -> None:
    assert render(example_result, lang) == render(example_result, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_is_self_contained(lang: str, example_result: RunResult) -> None:
    page = render(example_result, lang)
    parser = parse(page)
    metas = [attrs for tag, attrs in parser.tags if tag == "meta"]
    csp = content_security_policy()
    assert {"http-equiv": "Content-Security-Policy", "content": csp} in metas
    assert "default-src 'none'" in csp
    # only our script may run: the policy names it by its hash, not 'unsafe-inline'
    digest = base64.b64encode(hashlib.sha256(script().encode()).digest()).decode()
    script_src = re.search(r"script-src ([^;]*)", csp)
    assert script_src and script_src.group(1) == f"'sha256-{digest}'"
    assert external_urls(parser) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not [tag for tag, _ in parser.tags if tag in ("link", "img", "iframe", "object")]
    # one script, ours, and no inline event handlers
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert parser.scripts == [script()]
    assert f"<style>{style()}</style>" in page
    assert not [n for _, attrs in parser.tags for n in attrs if n.startswith("on")]
    assert f'<html lang="{lang}">' in page


def test_html_summary_and_findings(example_result: RunResult) -> None:
    page = render(example_result)
    parser = parse(page)
    rows = rows_of(parser, "finding")
    findings = example_result.findings
    assert len(rows) == len(findings)
    in_order = [
        f for report in example_result.files for f in sorted(report.findings, key=Finding.sort_key)
    ]
    assert [r["data-severity"] for r in rows] == [f.severity.label for f in in_order]
    assert [r["data-pack"] for r in rows] == [f.pack for f in in_order]
    boxes = [a for tag, a in parser.tags if tag == "input" and a.get("type") == "checkbox"]
    packs = {f.pack for f in findings}
    assert len(boxes) == 3 + len(packs) and all("checked" in box for box in boxes)
    assert {b["value"] for b in boxes if b["name"] == "pack"} == packs
    text = " ".join(parser.text)
    counts = example_result.counts()
    assert (
        f"{len(example_result.files)} berkas diperiksa: {counts[Severity.ERROR]} kesalahan, "
        f"{counts[Severity.WARNING]} peringatan, {counts[Severity.INFO]} informasi."
    ) in text
    assert "Kecamatan Jatinegara · Kabupaten Tegal · Tahun Anggaran 2021" in text
    for report in example_result.files:  # the manifest: each file's SHA-256
        assert report.sha256 and report.sha256 in text
    assert example_result.manifest is not None
    for pack, version in example_result.manifest.packs:
        assert f"{pack} {version}" in text


def test_html_budget_tree(example_result: RunResult) -> None:
    parser = parse(render(example_result))
    tree = rows_of(parser, "tree")
    # every row of the budget table and its JUMLAH, for each file the rules ran on
    expected = sum(
        len(report.data["tabel"]["realisasi_anggaran"]["baris"]) + 1
        for report in example_result.files
        if report.checked
    )
    assert len(tree) == expected
    first = example_result.files[0].data["tabel"]["realisasi_anggaran"]["baris"]
    levels = [a["style"] for a in tree[: len(first)]]
    assert levels == [f"--lvl:{row['kode'].count('.')}" for row in first]
    text = " ".join(parser.text)
    assert "Tabel 3.8 Capaian Anggaran Program, Kegiatan dan Sub Kegiatan" in text
    assert "1.624.774.000" in text and "1.380.022.579" in text and "84,94" in text


def test_html_capaian_chart_draws_the_default_scale(example_result: RunResult) -> None:
    """The example declares no scale: the default (Permendagri 86/2017) is in force."""
    page = render(example_result)
    svgs = charts(page)
    assert len(svgs) == 2 * sum(report.checked for report in example_result.files)
    capaian = svgs[0]
    drawn = stretches(capaian)
    names = [title.split(":")[0] for _, _, title in drawn]
    ascending = sorted(default_scale().bands, key=lambda band: band.bawah or 0)
    assert [n for n in names if n != "tanpa kategori"] == [b.kategori for b in ascending]
    assert "tanpa kategori" in names  # its gaps (90 < x < 91, ...) and nothing above 100%
    assert "Sangat Tinggi: 91% ≤ capaian ≤ 100%" in [t for _, _, t in drawn]
    assert "Permendagri 86/2017 (skala bawaan" in page
    # one value per capaian row, as printed; N/A in place of a bar
    rows = example_result.files[0].data["tabel"]["capaian"]["baris"]
    shown = bars(capaian)
    assert len(shown) == len(rows)
    assert shown[0].startswith("99,93% · Sangat Tinggi") and shown[2].startswith("N/A")


def test_html_marks_rows_from_the_findings_pointers(example_result: RunResult) -> None:
    capaian = charts(render(example_result))[0]
    pointers = [f.location.pointer for f in example_result.files[0].findings]
    rows = example_result.files[0].data["tabel"]["capaian"]["baris"]
    expected = [
        any(p.startswith(f"/tabel/capaian/baris/{i}/") for p in pointers) for i in range(len(rows))
    ]
    assert any(expected) and not all(expected)
    assert [text.endswith("⚠") for text in bars(capaian)] == expected


def test_html_marks_budget_rows_with_findings(example_result: RunResult) -> None:
    """A finding under /tabel/realisasi_anggaran/baris/N marks row N and links to it."""
    source = example_result.files[0]
    finding = Finding(
        rule="ANG001",
        severity=Severity.ERROR,
        message=Text("Jumlah tidak cocok.", "Sum differs."),
        location=TextLocation(source.label, "/tabel/realisasi_anggaran/baris/1/anggaran", 9, 1),
        pack="anggaran",
        table=Text("Tabel 3.8", "Tabel 3.8"),
        table_key="realisasi_anggaran",
    )
    parser = parse(render(checked_with(example_result, source.data, [finding])))
    tree = rows_of(parser, "tree")
    flagged = [i for i, attrs in enumerate(tree) if "flag" in (attrs["class"] or "").split()]
    assert flagged == [1]
    links = [a["href"] for tag, a in parser.tags if tag == "a"]
    assert links == ["#f1-1"]
    assert ("tr", {"class": "finding error", "id": "f1-1"}) in [
        (tag, {k: v for k, v in a.items() if k in ("class", "id")}) for tag, a in parser.tags
    ]


# Kabupaten Maluku Tengah, LKjIP 2021 (domain notes §1.5): six bands, exactly 85 in
# none of them, nothing above 100%.
MALUKU_TENGAH = {
    "nama": "Skala Kabupaten Maluku Tengah",
    "rentang": [
        {"kategori": "Memuaskan", "bawah": 85, "atas": 100, "bawah_inklusif": False},
        {
            "kategori": "Sangat Baik",
            "bawah": 75,
            "atas": 85,
            "bawah_inklusif": False,
            "atas_inklusif": False,
        },
        {"kategori": "Baik", "bawah": 65, "atas": 75, "bawah_inklusif": False},
        {"kategori": "Cukup Baik", "bawah": 50, "atas": 65, "bawah_inklusif": False},
        {"kategori": "Agak Kurang", "bawah": 30, "atas": 50, "bawah_inklusif": False},
        {"kategori": "Kurang", "bawah": 0, "atas": 30},
    ],
}


def test_html_capaian_chart_draws_a_declared_six_band_scale(example_result: RunResult) -> None:
    data = {**example_result.files[0].data, "skala": MALUKU_TENGAH}
    page = render(checked_with(example_result, data, []))
    capaian = charts(page)[0]
    drawn = stretches(capaian)
    bands = [(x, width, title) for x, width, title in drawn if "tanpa kategori" not in title]
    names = [title.split(":")[0] for _, _, title in bands]
    assert names == ["Kurang", "Agak Kurang", "Cukup Baik", "Baik", "Sangat Baik", "Memuaskan"]
    for name in ("Sangat Tinggi", "Tinggi", "Sedang", "Rendah", "Sangat Rendah"):
        assert f">{name}</text>" not in capaian  # no Permendagri band is named
        assert not [t for _, _, t in drawn if t.startswith(f"{name}:")]
    # drawn where its bounds are: Sangat Baik from 75% to 85%, Memuaskan up to 100%
    by_name = {title.split(":")[0]: (x, width) for x, width, title in bands}
    (x75, w75), (x85, w85) = by_name["Sangat Baik"], by_name["Memuaskan"]
    assert x75 + w75 == x85  # 85 itself is in no band, a gap of no width
    assert abs(w85 * 10 - w75 * 15) < 1  # 15 points against 10 (coordinates in 0.01 px)
    assert "Sangat Baik: 75% < capaian < 85%" in [t for _, _, t in bands]
    # above 100% nothing is defined: a gap is drawn there
    assert [t for _, _, t in drawn if t.startswith("tanpa kategori")] == [
        "tanpa kategori: capaian > 100%"
    ]
    assert "Skala Kabupaten Maluku Tengah" in page and "dinyatakan berlaku oleh laporan" in page
    assert "Memuaskan: 85% &lt; capaian ≤ 100%" in page  # the legend


def test_html_says_when_the_declared_scale_cannot_be_read(example_result: RunResult) -> None:
    data = {
        **example_result.files[0].data,
        "skala": {"rentang": [{"kategori": "Baik", "bawah": "lima puluh"}]},
    }
    page = render(checked_with(example_result, data, []))
    capaian = charts(page)[0]
    assert stretches(capaian) == []  # no band drawn, not even the default's
    assert "skala itu tidak dapat dibaca; rentang kategori tidak digambar" in page
    assert len(bars(capaian)) == len(data["tabel"]["capaian"]["baris"])  # the bars remain


def test_html_draws_tables_only_for_checked_files(example_result: RunResult) -> None:
    report = dataclasses.replace(example_result.files[0], checked=False)
    result = RunResult([report], example_result.catalog, example_result.manifest)
    page = render(result)
    parser = parse(page)
    assert charts(page) == [] and rows_of(parser, "tree") == []
    assert "belum lolos pemeriksaan skema" in page
    assert len(rows_of(parser, "finding")) == len(report.findings)  # findings still listed


def test_html_broken_files(broken_result: RunResult) -> None:
    page = render(broken_result)
    parser = parse(page)
    assert len(rows_of(parser, "finding")) == len(broken_result.findings)
    assert charts(page) == [] and rows_of(parser, "tree") == []
    assert not any(report.checked for report in broken_result.files)
    assert page.count("belum lolos pemeriksaan skema") == len(broken_result.files)
    assert {r["data-pack"] for r in rows_of(parser, "finding")} == {
        f.pack for f in broken_result.findings
    }


def test_html_hostile_is_escaped(hostile_result: RunResult) -> None:
    page = render(hostile_result)
    parser = parse(page)
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert parser.scripts == [script()]
    assert external_urls(parser) == []
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<!--" not in page and "&lt;!-- --&gt;" in page
    text = " ".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader, as text
    assert '=HYPERLINK("http://example.invalid","klik")' in text
    assert "-2+3 |x| ::error::tidak" in text
    assert hostile_result.files[0].checked and charts(page)  # hostile names in the charts too
    for _, attrs in parser.tags:  # quotes in report text never end an attribute early
        assert set(attrs) <= {
            "lang", "charset", "http-equiv", "content", "name", "class", "id", "style",
            "data-severity", "data-pack", "data-state", "data-template", "title", "href",
            "type", "value",
            "checked", "hidden", "aria-label", "aria-labelledby", "role", "xmlns", "viewbox",
            "x", "y", "x1", "y1", "x2", "y2", "width", "height", "rx", "fill", "fill-opacity",
            "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-weight",
            "font-style", "text-anchor", "patternunits", "patterntransform",
        }  # fmt: skip


def test_html_english(example_result: RunResult) -> None:
    page = render(example_result, "en")
    counts = example_result.counts()
    total = len(example_result.findings)
    assert (
        f"{len(example_result.files)} files checked: {counts[Severity.ERROR]} errors, "
        f"{counts[Severity.WARNING]} warnings, {counts[Severity.INFO]} info."
    ) in page
    assert "1,624,774,000" in page and "Budget absorption per program (Tabel 3.8)" in page
    assert f"{total} of {total} findings shown" in page
    assert "Sangat Tinggi: 91% ≤ capaian ≤ 100%" in page


# -- the style sheet and script are package data -----------------------------------------


def test_assets_are_package_data() -> None:
    package = files("sakip_validate.plugins.html")
    assert package.joinpath("style.css").read_text(encoding="utf-8") == style()
    assert package.joinpath("filter.js").read_text(encoding="utf-8") == script()
    assert "tr.finding" in style() and 'getElementById("filters")' in script()
    # and the build ships them: the package and its data files are declared
    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    assert "sakip_validate.plugins.html" in setuptools["packages"]
    patterns = setuptools["package-data"]["sakip_validate.plugins.html"]
    folder = ROOT / "plugins" / "html"
    shipped = {path.name for pattern in patterns for path in folder.glob(pattern)}
    assert shipped == {"style.css", "filter.js"}


def test_assets_are_found_from_a_bare_checkout(tmp_path: Path) -> None:
    """No install at all: the checkout on the path, without the editable finder."""
    probe = (
        "import io; from sakip_validate.outputs import load_output, RenderOptions;"
        "from sakip_validate.result import RunResult;"
        "s = io.StringIO(); load_output('html').render(RunResult(), RenderOptions(), s);"
        "import sakip_validate.plugins.html.assets as a; print(a.__file__);"
        "print(a.style() in s.getvalue() and a.script() in s.getvalue())"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    # -S: no site module, so no .pth file (and no editable finder); dependencies by path
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), sysconfig.get_paths()["purelib"]])
    run = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    module, inlined = run.stdout.split()
    assert Path(module) == ROOT / "plugins" / "html" / "assets.py"
    assert inlined == "True"


@pytest.mark.slow
def test_assets_are_in_the_wheel(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = tmp_path.glob("sakip_validate-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in ("__init__.py", "assets.py", "style.css", "filter.js"):
        assert f"sakip_validate/plugins/html/{name}" in names


# -- headless Chromium ------------------------------------------------------------------


def chromium_binary() -> str | None:
    found = shutil.which("chromium")
    if found:
        return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


CHROMIUM = chromium_binary()
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (/usr/bin/chromium or chromium on PATH)"
)


def run_chromium(tmp_path: Path, url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *extra,
        url,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


def write_page(tmp_path: Path, result: RunResult, name: str = "r.html") -> Path:
    path = tmp_path / name
    path.write_text(render(result), encoding="utf-8")
    return path


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """Width, height and unfiltered pixel rows of an 8-bit RGB/RGBA PNG (no dependency)."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous, offset = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1 : offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            c = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return width, channels, rows


@needs_chromium
def test_chromium_screenshot_is_not_blank(tmp_path: Path, example_result: RunResult) -> None:
    page = write_page(tmp_path, example_result)
    shot = tmp_path / "shot.png"
    run = run_chromium(tmp_path, page.as_uri(), f"--screenshot={shot}", "--window-size=1280,2000")
    assert shot.exists(), run.stderr[-2000:]
    assert shot.stat().st_size > 50_000
    width, channels, rows = png_pixels(shot)
    assert (width, len(rows)) == (1280, 2000)
    colours: set[bytes] = set()
    ink = 0
    for row in rows[::7]:
        for x in range(0, width * channels, channels * 5):
            pixel = row[x : x + 3]
            colours.add(pixel)
            ink += pixel != b"\xff\xff\xff"
    assert len(colours) > 50  # text, badges, table stripes: not a blank or flat page
    assert ink > 2000
    # the styles were applied (CSP allows inline style): the error red of cards and badges
    error_red = bytes((0xB4, 0x23, 0x18))
    assert any(error_red in row for row in rows)


@needs_chromium
def test_chromium_script_shows_all_findings(tmp_path: Path, example_result: RunResult) -> None:
    page = write_page(tmp_path, example_result)
    run = run_chromium(tmp_path, page.as_uri(), "--dump-dom")
    dom = run.stdout
    assert 'data-filters="ready"' in dom, run.stderr[-2000:]  # the script ran
    assert '<form id="filters" class="filters" aria-label=' in dom  # no longer hidden
    rows = re.findall(r'<tr class="finding [a-z]+" id="(f\d+-\d+)"([^>]*)>', dom)
    total = len(example_result.findings)
    assert len(rows) == total
    assert not [anchor for anchor, attrs in rows if "hidden" in attrs]
    rules = re.findall(r'<b title="[^"]*">([A-Z]+\d+)</b>', dom)
    assert sorted(rules) == sorted(finding.rule for finding in example_result.findings)
    assert f"{total} dari {total} temuan ditampilkan" in dom


@needs_chromium
def test_chromium_filter_by_severity(tmp_path: Path, example_result: RunResult) -> None:
    page = write_page(tmp_path, example_result)
    run = run_chromium(tmp_path, page.as_uri() + "#severity=error", "--dump-dom")
    rows = re.findall(r'<tr class="finding ([a-z]+)" id="f\d+-\d+"([^>]*)>', run.stdout)
    total = len(example_result.findings)
    assert len(rows) == total, run.stderr[-2000:]
    shown = [severity for severity, attrs in rows if "hidden" not in attrs]
    errors = example_result.counts()[Severity.ERROR]
    assert errors and shown == ["error"] * errors
    assert f"{errors} dari {total} temuan ditampilkan" in run.stdout


def page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked for (the browser's own update checks are not the page's)."""
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    found = []
    for event in log["events"]:
        params = event.get("params") or {}
        if event["type"] != start or "url" not in params:
            continue  # other events, or the end of a job
        if params.get("initiator") != "not an origin":
            found.append(params.get("url", ""))
    return found


@needs_chromium
def test_chromium_page_fetches_nothing(tmp_path: Path, hostile_result: RunResult) -> None:
    # Control: the detector sees a request a page makes.
    control = tmp_path / "control.html"
    control.write_text('<img src="http://example.invalid/x.png">', encoding="utf-8")
    netlog = tmp_path / "control-net.json"
    run_chromium(tmp_path, control.as_uri(), f"--log-net-log={netlog}", "--dump-dom")
    assert page_requests(netlog) == ["http://example.invalid/x.png"]

    page = write_page(tmp_path, hostile_result)
    netlog = tmp_path / "net.json"
    run = run_chromium(
        tmp_path,
        page.as_uri(),
        f"--log-net-log={netlog}",
        "--enable-logging=stderr",
        "--v=0",
        "--dump-dom",
    )
    assert 'data-filters="ready"' in run.stdout
    assert page_requests(netlog) == []
    # nothing was even attempted: the CSP reports no blocked load, style or script
    assert "Content Security Policy" not in run.stderr
    assert "Uncaught" not in run.stderr  # no script error either


# -- the policy's marks ------------------------------------------------------------------


def test_html_marks_waived_and_baselined_findings(policy_result: RunResult) -> None:
    page = render(policy_result)
    parser = parse(page)
    rows = rows_of(parser, "finding")
    assert len(rows) == len(policy_result.findings)
    states = [row["data-state"] or "" for row in rows]
    kinds = [f.suppression.kind if f.suppression else "counted" for f in policy_result.findings]
    assert sorted(states) == sorted(kinds)
    assert page.count('<tr class="finding error suppressed"') == kinds.count(
        "waiver"
    ) + kinds.count("baseline")
    text = " ".join(parser.text)
    for finding in policy_result.findings:
        if finding.suppression is not None and finding.suppression.kind == "waiver":
            assert finding.suppression.reason in text
            assert finding.suppression.approver in text
    assert "31 Desember 2026" in text
    assert text.count("di baseline") >= kinds.count("baseline")
    # cards and summary: how many of each severity do not count
    assert "2 dikecualikan, 2 di baseline" in text
    outcome = policy_result.baseline
    assert outcome is not None
    assert f"Dibanding baseline {outcome.source}" in text
    assert f"Sudah diperbaiki sejak baseline ({len(outcome.fixed)})" in text
    assert f"Berkas dilewati ({len(policy_result.skipped)})" in text
    for name, _ in policy_result.skipped:
        assert name in text
    # a status filter, since some findings do not count
    boxes = [attrs for tag, attrs in parser.tags if tag == "input" and attrs.get("name") == "state"]
    assert [box["value"] for box in boxes] == ["counted", "waiver", "baseline"]
    # the configuration file's section says what it is
    assert "Berkas konfigurasi: temuannya tentang pengecualian" in text


def test_html_without_policy_marks_has_no_status_filter(example_result: RunResult) -> None:
    parser = parse(render(example_result))
    assert not [a for tag, a in parser.tags if tag == "input" and a.get("name") == "state"]
    assert {row["data-state"] for row in rows_of(parser, "finding")} == {"counted"}


@needs_chromium
def test_chromium_filter_by_status(tmp_path: Path, policy_result: RunResult) -> None:
    page = write_page(tmp_path, policy_result)
    run = run_chromium(tmp_path, page.as_uri() + "#state=waiver,baseline", "--dump-dom")
    rows = re.findall(r'<tr class="finding [a-z ]+" id="f\d+-\d+"([^>]*)>', run.stdout)
    assert len(rows) == len(policy_result.findings), run.stderr[-2000:]
    shown = [attrs for attrs in rows if "hidden" not in attrs]
    suppressed = [f for f in policy_result.findings if f.suppression is not None]
    assert len(shown) == len(suppressed)
    assert all('data-state="counted"' not in attrs for attrs in shown)


# -- where each finding stands: the printed report first, the data file folded ------------


class _Cells(HTMLParser):
    """The text of each finding row's place cell and of its folded technical detail."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.places: list[str] = []
        self.technical: list[str] = []
        self._into: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if self._into is not None:
            self._depth += tag not in VOID
        elif tag == "td" and "place" in classes:
            self._into, self._depth = self.places, 1
            self.places.append("")
        elif tag == "details" and "tech" in classes:
            self._into, self._depth = self.technical, 1
            self.technical.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._into is not None:
            self._depth -= 1
            if self._depth == 0:
                self._into = None

    def handle_data(self, data: str) -> None:
        if self._into is not None:
            self._into[-1] += data


def cells(page: str) -> _Cells:
    parser = _Cells()
    parser.feed(page)
    return parser


@pytest.mark.parametrize("lang", ["id", "en"])
def test_html_cites_each_finding_in_the_printed_report(
    example_result: RunResult, lang: str
) -> None:
    from sakip_validate.domain.citation import cite

    found = cells(render(example_result, lang))
    in_order = [
        f for report in example_result.files for f in sorted(report.findings, key=Finding.sort_key)
    ]
    assert found.places == [cite(f, lang) for f in in_order]
    assert all(found.places)  # every rule finding has a printed place
    for finding, place in zip(in_order, found.places, strict=True):
        assert finding.location.pointer not in place
        assert finding.location.display() not in place
    assert (
        "Tabel 3.3, baris 1 (Laju Peningkatan Nilai IKM Kecamatan), kolom Capaian 2020, hlm. 40-47"
        if lang == "id"
        else "Table 3.3, row 1 (Laju Peningkatan Nilai IKM Kecamatan), column Capaian 2020, "
        "p. 40-47"
    ) in found.places


def test_html_folds_the_data_file_line_and_pointer(example_result: RunResult) -> None:
    page = render(example_result)
    found = cells(page)
    in_order = [
        f for report in example_result.files for f in sorted(report.findings, key=Finding.sort_key)
    ]
    assert len(found.technical) == len(in_order)
    for finding, technical in zip(in_order, found.technical, strict=True):
        assert technical.startswith("teknis")
        assert finding.location.display() in technical
        assert finding.location.pointer in technical
    assert "<th>Letak dalam laporan</th>" in page and "Baris:kolom" not in page


def test_html_locates_data_file_findings_by_their_line(broken_result: RunResult) -> None:
    found = cells(render(broken_result))
    in_order = [
        f for report in broken_result.files for f in sorted(report.findings, key=Finding.sort_key)
    ]
    assert all(f.place is None for f in in_order)  # LOAD and SCHEMA: about the file itself
    for finding, place in zip(in_order, found.places, strict=True):
        location = finding.location
        if location.line is None:
            assert place == "—"
        else:
            assert place.startswith(f"berkas data, baris {location.line}")
