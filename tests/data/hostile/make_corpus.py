"""Write the hostile corpus: small files built to hurt a checker, each named for what it is.

Every file starts from the valid starter report (``tests/data/valid.toml`` or
``.json``) with one thing changed, or is a document of its own. The files are
committed; ``tests/hostile/test_corpus.py`` checks that they match this script
and pins what the command line does with each. Rewrite them with::

    python tests/data/hostile/make_corpus.py
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
VALID_TOML = (DATA / "valid.toml").read_text(encoding="utf-8")
VALID_JSON = (DATA / "valid.json").read_text(encoding="utf-8")


def toml(old: str, new: str) -> bytes:
    """The valid TOML report with the first ``old`` replaced by ``new``."""
    assert old in VALID_TOML, old
    return VALID_TOML.replace(old, new, 1).encode("utf-8")


def json_text(old: str, new: str) -> bytes:
    """The valid JSON report with the first ``old`` replaced by ``new``."""
    assert old in VALID_JSON, old
    return VALID_JSON.replace(old, new, 1).encode("utf-8")


CAPAIAN = "capaian = 98.75"
REALISASI = "realisasi = 79.00"
ANGGARAN = "anggaran = 100_000_000"
UNIT = 'nama = "Kecamatan Contoh"'
J_CAPAIAN = '"capaian": 98.75'
J_ANGGARAN = '"anggaran": 100000000'
J_UNIT = '"nama": "Kecamatan Contoh"'


def _nested(depth: int, opening: str, closing: str, inner: str = "1") -> str:
    return opening * depth + inner + closing * depth


CASES: dict[str, Callable[[], bytes]] = {
    # -- numbers that are memory or time bombs ---------------------------------------
    "capaian-exponent-tiny.toml": lambda: toml(CAPAIAN, "capaian = 1e-999999999"),
    "capaian-exponent-huge.toml": lambda: toml(CAPAIAN, "capaian = 1e999999999"),
    "capaian-exponent-1e400.toml": lambda: toml(CAPAIAN, "capaian = 1e400"),
    "capaian-exponent-5000-digits.toml": lambda: toml(CAPAIAN, "capaian = 2e" + "9" * 5000),
    "capaian-exponent-5000-digits.json": lambda: json_text(J_CAPAIAN, '"capaian": 2e' + "9" * 5000),
    "capaian-60-decimals.toml": lambda: toml(CAPAIAN, "capaian = 98." + "7" * 60),
    "anggaran-rupiah-exponent-huge.toml": lambda: toml(ANGGARAN, "anggaran = 1e999999999"),
    "anggaran-41-digits.toml": lambda: toml(ANGGARAN, "anggaran = " + "9" * 41),
    "anggaran-400-digits.toml": lambda: toml(ANGGARAN, "anggaran = " + "9" * 400),
    "anggaran-5000-digits.toml": lambda: toml(ANGGARAN, "anggaran = " + "9" * 5000),
    "anggaran-negative-huge.toml": lambda: toml(ANGGARAN, "anggaran = -" + "9" * 500),
    "capaian-exponent-huge.json": lambda: json_text(J_CAPAIAN, '"capaian": 1e999999999'),
    "capaian-exponent-tiny.json": lambda: json_text(J_CAPAIAN, '"capaian": 1e-999999999'),
    "capaian-1e400.json": lambda: json_text(J_CAPAIAN, '"capaian": 1e400'),
    "anggaran-5000-digits.json": lambda: json_text(J_ANGGARAN, '"anggaran": ' + "9" * 5000),
    "anggaran-400-digits.json": lambda: json_text(J_ANGGARAN, '"anggaran": ' + "9" * 400),
    "capaian-negative-zero.toml": lambda: toml(CAPAIAN, "capaian = -0.0"),
    "capaian-nan.toml": lambda: toml(CAPAIAN, "capaian = nan"),
    "capaian-inf.toml": lambda: toml(CAPAIAN, "capaian = -inf"),
    "capaian-infinity.json": lambda: json_text(J_CAPAIAN, '"capaian": -Infinity'),
    "tahun-anggaran-2025-point-0.toml": lambda: toml(
        "tahun_anggaran = 2025", "tahun_anggaran = 2025.0"
    ),
    "tahun-anggaran-true.toml": lambda: toml("tahun_anggaran = 2025", "tahun_anggaran = true"),
    "year-key-huge.toml": lambda: toml("2025 = 80.00,", '"99999999999999999999999" = 80.00,'),
    "year-key-negative.toml": lambda: toml("2025 = 80.00,", '"-2025" = 80.00,'),
    # -- structure: depth, size, shape ---------------------------------------------------
    "dotted-key-10000-segments.toml": lambda: toml(UNIT, UNIT + "\n" + "a." * 9999 + "a = 1"),
    "table-header-10000-segments.toml": lambda: (
        VALID_TOML + "\n[" + ".".join(["x"] * 10000) + "]\ny = 1\n"
    ).encode(),
    "array-nested-10000-deep.toml": lambda: toml(UNIT, UNIT + "\nx = " + _nested(10000, "[", "]")),
    "inline-table-nested-5000-deep.toml": lambda: toml(
        UNIT, UNIT + "\nx = " + _nested(5000, "{a = ", "}")
    ),
    "array-nested-100-deep.toml": lambda: toml(UNIT, UNIT + "\nx = " + _nested(100, "[", "]")),
    "array-nested-100000-deep.json": lambda: _nested(100000, "[", "]").encode(),
    "object-nested-5000-deep.json": lambda: _nested(5000, '{"a": ', "}").encode(),
    "kode-10000-segments.toml": lambda: toml(
        'kode = "1.1"', 'kode = "' + ".".join(["1"] * 10000) + '"'
    ),
    "key-100kb-long.json": lambda: json_text(J_UNIT, J_UNIT + ', "' + "k" * 100_000 + '": 1'),
    "unknown-keys-5000.json": lambda: json_text(
        J_UNIT, J_UNIT + "".join(f', "x{i}": {i}' for i in range(5000))
    ),
    "string-1mb.toml": lambda: toml(UNIT, 'nama = "' + "x" * 1_000_000 + '"'),
    "minified-32kb-one-line.json": lambda: json.dumps(
        {**json.loads(VALID_JSON), "laporan": "x" * 32_000}, separators=(",", ":")
    ).encode(),
    "empty.toml": lambda: b"",
    "empty.json": lambda: b"",
    "whitespace-only.toml": lambda: b"   \n\t\n  ",
    "bom-only.json": lambda: b"\xef\xbb\xbf",
    "comment-only.toml": lambda: b"# nothing here\n",
    "root-string.json": lambda: b'"laporan"',
    "root-number.json": lambda: b"2021",
    "root-null.json": lambda: b"null",
    "root-array.toml": lambda: b"[[x]]\na = 1\n",
    "indikator-as-table.toml": lambda: toml("[[indikator]]", "[indikator]"),
    "tabel-as-array.json": lambda: json.dumps(
        {**json.loads(VALID_JSON), "tabel": [1, 2, 3]}
    ).encode(),
    "baris-as-string.json": lambda: json.dumps(
        {
            **json.loads(VALID_JSON),
            "tabel": {"capaian": {"nomor": "3.2", "tahun": 2025, "baris": "semua"}},
        }
    ).encode(),
    "every-table-empty.json": lambda: json.dumps({**json.loads(VALID_JSON), "tabel": {}}).encode(),
    # -- text: encodings, control characters, injections ----------------------------------
    "lone-surrogate-key.json": lambda: json_text(J_UNIT, J_UNIT + ', "\\ud800": 1'),
    "lone-surrogate-value.json": lambda: json_text(J_UNIT, '"nama": "Kecamatan \\udfff Contoh"'),
    "null-byte-in-name.json": lambda: json_text(J_UNIT, '"nama": "Kecamatan\\u0000Contoh"'),
    "terminal-escapes-in-name.toml": lambda: toml(
        UNIT, 'nama = "\\u001b]0;owned\\u0007\\u001b[31mMERAH\\u001b[0m\\r\\nbaris baru"'
    ),
    "bidi-override-in-name.toml": lambda: toml(UNIT, 'nama = "Kecamatan \u202eatnoC\u202c"'),
    "zero-width-in-id.toml": lambda: toml('indikator = "IKM"', 'indikator = "IK\u200bM"'),
    "formula-injection-names.toml": lambda: toml(
        UNIT, 'nama = "=HYPERLINK(\\"http://x.invalid\\",\\"klik\\")"'
    ),
    "tab-and-cr-leading-names.toml": lambda: toml(UNIT, 'nama = "\\t=1+1\\r@SUM(A1)"'),
    "html-and-markdown-in-name.toml": lambda: toml(
        UNIT, 'nama = "<script>alert(1)</script> | **x** [a](javascript:alert(1)) @all"'
    ),
    "workflow-command-in-name.toml": lambda: toml(UNIT, 'nama = "x\\n::error file=a::owned"'),
    "xml-illegal-characters.toml": lambda: toml(UNIT, 'nama = "a\\u000bb\\u001fc\\ufffe"'),
    "utf16-le.json": lambda: b"\xff\xfe" + VALID_JSON.encode("utf-16-le"),
    "utf32.json": lambda: VALID_JSON.encode("utf-32"),
    "latin1-name.toml": lambda: VALID_TOML.replace("Contoh", "Cont\u00f6h", 1).encode("latin-1"),
    "binary-garbage.toml": lambda: bytes(range(256)) * 8,
    "zip-named-json.json": lambda: b"PK\x03\x04" + bytes(200),
    "crlf-and-lone-cr.toml": lambda: VALID_TOML.replace("\n", "\r\n", 20).encode(),
    # -- syntax and duplicates -------------------------------------------------------------
    "truncated-mid-string.toml": lambda: VALID_TOML[: VALID_TOML.index("Kecamatan") + 4].encode(),
    "duplicate-table.toml": lambda: (VALID_TOML + "\n[renstra]\nperiode_awal = 2025\n").encode(),
    "duplicate-key-deep.json": lambda: json_text(J_CAPAIAN, J_CAPAIAN + ', "capaian": 1'),
    "comma-decimal.toml": lambda: toml(CAPAIAN, "capaian = 98,75"),
    "thousands-dots.toml": lambda: toml(ANGGARAN, "anggaran = 100.000.000"),
    "percent-sign-in-string.toml": lambda: toml(CAPAIAN, 'capaian = "98,75%"'),
    "slips-5000.toml": lambda: (
        VALID_TOML + "\n[catatan]\n" + "".join(f"a{i} = Rp {i}.000,-\n" for i in range(5000))
    ).encode("utf-8"),
    "slip-in-array-nested-10000-deep.toml": lambda: toml(
        CAPAIAN, "capaian = " + _nested(10000, "[", "]", "98,05")
    ),
    "date-literal-in-text-field.toml": lambda: toml('tempat = "Contoh"', "tempat = 2026-02-25"),
    "versi-skema-99.toml": lambda: toml('versi_skema = "1.0"', 'versi_skema = "99.0"'),
    "versi-skema-missing.toml": lambda: toml('versi_skema = "1.0"\n', ""),
    # -- references ---------------------------------------------------------------------------
    "dangling-indicator-id.toml": lambda: toml('indikator = "IKM"', 'indikator = "ikm"'),
    "duplicate-indicator-id.toml": lambda: toml(
        "[[indikator]]",
        '[[indikator]]\nid = "IKM"\nnama = "Lagi"\nsatuan = "Indeks"\npolaritas = "positif"\n'
        "\n[[indikator]]",
    ),
    "induk-names-itself.toml": lambda: toml('kode = "1.1"', 'kode = "1.1"\ninduk = "1.1"'),
    "induk-cycle.toml": lambda: toml('kode = "1"', 'kode = "1"\ninduk = "1.1"'),
    "sasaran-induk-unknown.toml": lambda: toml(
        'tingkat = "tujuan"', 'tingkat = "tujuan"\ninduk = "X9"'
    ),
    "pointer-characters-in-keys.json": lambda: json_text(
        J_UNIT, J_UNIT + ', "a/b~c": {"~1": 1, "": 2}'
    ),
}


def write_all(folder: Path = HERE) -> None:
    for name, make in CASES.items():
        (folder / name).write_bytes(make())


if __name__ == "__main__":
    write_all()
