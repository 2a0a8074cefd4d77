"""The ``html`` output: one self-contained, inert, filterable page.

The headless Chromium tests render the page for real (script run, styles
applied, nothing fetched); they are skipped when Chromium is not installed.
"""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from sakip_validate.findings import Finding, Severity, Text, TextLocation
from sakip_validate.outputs import RenderOptions, load_output
from sakip_validate.plugins.html_report import CSP, SCRIPT
from sakip_validate.result import FileReport, RunResult

from .golden import assert_golden

VOID = {"meta", "input", "br", "hr", "img", "link", "wbr", "col", "source"}
SVG_SELF_CLOSING = {"rect", "line", "path", "circle"}


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
    assert {"http-equiv": "Content-Security-Policy", "content": CSP} in metas
    assert "default-src 'none'" in CSP
    assert external_urls(parser) == []
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not [tag for tag, _ in parser.tags if tag in ("link", "img", "iframe", "object")]
    # one script, ours, and no inline event handlers
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert parser.scripts == [SCRIPT]
    assert not [n for _, attrs in parser.tags for n in attrs if n.startswith("on")]
    assert f'<html lang="{lang}">' in page


def test_html_summary_and_findings(example_result: RunResult) -> None:
    page = render(example_result)
    parser = parse(page)
    rows = [
        attrs
        for tag, attrs in parser.tags
        if tag == "tr" and "finding" in (attrs.get("class") or "")
    ]
    assert len(rows) == 38
    assert {r["data-severity"] for r in rows} == {"error", "warning", "info"}
    assert {r["data-pack"] for r in rows} == {
        "anggaran", "capaian", "distribusi", "kategori", "kelengkapan",
        "konsistensi-target", "narasi",
    }  # fmt: skip
    boxes = [a for tag, a in parser.tags if tag == "input" and a.get("type") == "checkbox"]
    assert len(boxes) == 3 + 7 and all("checked" in box for box in boxes)
    text = " ".join(parser.text)
    assert "2 berkas diperiksa: 16 error, 20 warning, 2 info." in text
    assert "Kecamatan Jatinegara · Kabupaten Tegal · Tahun Anggaran 2021" in text
    assert "552864ab0ec1163dbc2dc89b6e62e9d4" in text  # manifest: the file's SHA-256
    assert "konsistensi-target 1.0" in text


def test_html_budget_tree_and_charts(example_result: RunResult) -> None:
    page = render(example_result)
    parser = parse(page)
    tree = [a for tag, a in parser.tags if tag == "tr" and "--lvl" in (a.get("style") or "")]
    # Tabel 3.8: 43 rows + JUMLAH, in each of the two files
    assert len(tree) == 2 * 44
    levels = [a["style"] for a in tree[:4]]
    assert levels == ["--lvl:0", "--lvl:1", "--lvl:2", "--lvl:2"]
    text = " ".join(parser.text)
    assert "1.624.774.000" in text and "1.380.022.579" in text and "84,94" in text
    svgs = page.count("<svg ")
    assert svgs == 4  # capaian and serapan per file
    first = page.split("<svg ")[1]
    # five kategori bands, then three bars (the fourth indicator's capaian is N/A)
    assert first.count("<rect") == 5 + 3
    assert "Sangat Tinggi" in first and "N/A" in first
    serapan = page.split("<svg ")[2]
    assert serapan.count("<rect") == 5  # five programs
    assert "25,08%" in serapan


def test_html_marks_budget_rows_with_findings(example_result: RunResult) -> None:
    """A finding under /tabel/realisasi_anggaran/baris/N marks row N and links to it."""
    source = example_result.files[0]
    finding = Finding(
        rule="ANG001",
        severity=Severity.ERROR,
        message=Text("Jumlah tidak cocok.", "Sum differs."),
        location=TextLocation(source.label, "/tabel/realisasi_anggaran/baris/1/anggaran", 9, 1),
        table="Tabel 3.8",
    )
    report = FileReport(
        source.label, source.format, [finding], lines=source.lines, data=source.data
    )
    result = RunResult([report], example_result.rules, example_result.manifest)
    parser = parse(render(result))
    tree = [a for tag, a in parser.tags if tag == "tr" and "--lvl" in (a.get("style") or "")]
    flagged = [i for i, attrs in enumerate(tree) if "flag" in attrs["class"].split()]
    assert flagged == [1]
    links = [a["href"] for tag, a in parser.tags if tag == "a"]
    assert links == ["#f1-1"]
    assert ("tr", {"class": "finding error", "id": "f1-1"}) in [
        (tag, {k: v for k, v in a.items() if k in ("class", "id")}) for tag, a in parser.tags
    ]


def test_html_hostile_is_escaped(hostile_result: RunResult) -> None:
    page = render(hostile_result)
    parser = parse(page)
    assert [tag for tag, _ in parser.tags].count("script") == 1
    assert parser.scripts == [SCRIPT]
    assert external_urls(parser) == []
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<!--" not in page and "&lt;!-- --&gt;" in page
    text = " ".join(parser.text)
    assert "<script>alert(1)</script>" in text  # shown to the reader, as text
    assert '=HYPERLINK("http://example.invalid","klik")' in text
    assert "-2+3 |x| ::error::tidak" in text
    for _, attrs in parser.tags:  # quotes in report text never end an attribute early
        assert set(attrs) <= {
            "lang", "charset", "http-equiv", "content", "name", "class", "id", "style",
            "data-severity", "data-pack", "data-template", "title", "href", "type", "value",
            "checked", "hidden", "aria-label", "aria-labelledby", "role", "xmlns", "viewbox",
            "x", "y", "x1", "y1", "x2", "y2", "width", "height", "rx", "fill", "fill-opacity",
            "stroke", "stroke-width", "stroke-dasharray", "font-size", "font-weight",
            "font-style", "text-anchor",
        }  # fmt: skip


def test_html_english(example_result: RunResult) -> None:
    page = render(example_result, "en")
    assert "2 files checked: 16 error, 20 warning, 2 info." in page
    assert "Budget execution (Tabel 3.8)" in page and "1,624,774,000" in page
    assert "38 of 38 findings shown" in page


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
    assert len(rows) == 38
    assert not [anchor for anchor, attrs in rows if "hidden" in attrs]
    rules = re.findall(r'<b title="[^"]*">([A-Z]+\d+)</b>', dom)
    assert sorted(rules) == sorted(finding.rule for finding in example_result.findings)
    assert "38 dari 38 temuan ditampilkan" in dom


@needs_chromium
def test_chromium_filter_by_severity(tmp_path: Path, example_result: RunResult) -> None:
    page = write_page(tmp_path, example_result)
    run = run_chromium(tmp_path, page.as_uri() + "#severity=error", "--dump-dom")
    rows = re.findall(r'<tr class="finding ([a-z]+)" id="f\d+-\d+"([^>]*)>', run.stdout)
    assert len(rows) == 38, run.stderr[-2000:]
    shown = [severity for severity, attrs in rows if "hidden" not in attrs]
    assert shown == ["error"] * 16
    assert "16 dari 38 temuan ditampilkan" in run.stdout


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


ODD_DATA = {
    "laporan": {"unit": {"nama": ["<b>x</b>"]}, "tahun_anggaran": "2021a"},
    "indikator": [{"id": ["a"]}, "teks"],
    "tabel": {
        "capaian": {"baris": [{"indikator": ["x"], "capaian": "abc", "kategori": 5}, "junk"]},
        "realisasi_anggaran": {
            "baris": [{"tingkat": ["p"], "kode": None, "anggaran": "x", "persen": True}, 3],
            "jumlah": "no",
        },
    },
}


def test_html_survives_data_of_any_shape(example_result: RunResult) -> None:
    """A file that breaks the schema still has data; the page renders what it can."""
    finding = Finding(
        rule="SCHEMA001",
        severity=Severity.ERROR,
        message=Text("Salah jenis.", "Wrong type."),
        location=TextLocation("odd.toml", "/tabel/realisasi_anggaran/baris/0/anggaran", 3, 1),
    )
    report = FileReport("odd.toml", "toml", [finding], data=ODD_DATA)
    result = RunResult([report], example_result.rules, example_result.manifest)
    parser = parse(render(result))
    assert "&lt;b&gt;x&lt;/b&gt;" in render(result)
    assert [a["data-pack"] for tag, a in parser.tags if tag == "tr" and "data-pack" in a] == [
        "schema"
    ]
