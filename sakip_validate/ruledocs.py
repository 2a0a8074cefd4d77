"""Rule documentation, rendered from the rule metadata: ``explain``, ``rules``, docs/rules.md."""

from __future__ import annotations

from collections.abc import Sequence

from .codes import ALL_CODES
from .domain.labels import Labels
from .engine.model import Rule, RulePack
from .findings import Lang

_LABELS = {
    "id": {
        "severity": "Tingkat",
        "pack": "Paket",
        "kind": "Jenis pemeriksaan",
        "legal": "Dasar hukum",
        "status": "Status dasar hukum",
        "applies": "Berlaku untuk",
        "why": "Alasan",
        "fix": "Cara memperbaiki",
        "pass": "Contoh yang lolos",
        "fail": "Contoh yang gagal",
        "builtin": "Temuan bawaan (membaca berkas dan skema)",
        "title": "Aturan sakip-validate",
        "intro": "Dibuat otomatis dari metadata aturan (`sakip-validate rules --format markdown`).",
    },
    "en": {
        "severity": "Severity",
        "pack": "Pack",
        "kind": "Check kind",
        "legal": "Legal basis",
        "status": "Legal basis status",
        "applies": "Applies to",
        "why": "Rationale",
        "fix": "How to fix",
        "pass": "Passing example",
        "fail": "Failing example",
        "builtin": "Built-in findings (reading and schema)",
        "title": "sakip-validate rules",
        "intro": "Generated from the rule metadata (`sakip-validate rules --format markdown`).",
    },
}


# How sure a rule's legal basis is. For auditors and rule authors only: the status never goes
# into a finding, so a report's reader sees the basis, not the doubt (docs/dasar-hukum.md).
BASIS_STATUS = Labels(
    {
        "verified": (
            "terverifikasi: pasal atau lampiran yang disebut telah dicocokkan dengan teks "
            "peraturannya (docs/dasar-hukum.md)",
            "verified: the article or annex named was checked against the regulation's text "
            "(docs/dasar-hukum.md)",
        ),
        "regulation_only": (
            "hanya peraturan: bagian peraturan yang mendasari aturan ini belum dapat dicocokkan "
            "dengan teksnya, sehingga hanya peraturannya yang disebut (docs/dasar-hukum.md)",
            "regulation only: the provision behind this rule could not be checked against the "
            "regulation's text, so only the regulation is named (docs/dasar-hukum.md)",
        ),
        "unstated": ("tidak dinyatakan oleh paket aturan", "not stated by the rule pack"),
    }
)


def basis_status(rule: Rule, lang: Lang) -> str:
    """How sure the rule's legal basis is, in words (explain and docs/rules.md only)."""
    status = rule.legal_basis_status or "unstated"
    return BASIS_STATUS.get(status if status in BASIS_STATUS else "unstated", lang)


def explain(rule: Rule, lang: Lang) -> str:
    """A rule's documentation as plain text (Markdown-compatible)."""
    label = _LABELS[lang]
    lines = [
        f"{rule.id}: {rule.title.get(lang)}",
        "",
        f"{label['severity']}: {rule.severity.label}",
        f"{label['pack']}: {rule.pack}",
        f"{label['kind']}: {rule.kind} ({rule.outcome})",
        f"{label['legal']}: {rule.legal_basis}",
        f"{label['status']}: {basis_status(rule, lang)}",
        *_applies(rule, lang, "{label}: {text}"),
        "",
        f"{label['why']}:",
        rule.rationale.get(lang),
        "",
        f"{label['fix']}:",
        rule.fix.get(lang),
        "",
        f"{label['pass']}:",
        _indent(rule.example_pass),
        "",
        f"{label['fail']}:",
        _indent(rule.example_fail),
    ]
    return "\n".join(lines) + "\n"


def _applies(rule: Rule, lang: Lang, line: str) -> list[str]:
    """The line saying which reports the rule is for (none when it is for every report)."""
    if rule.applies_to is None:
        return []
    text = rule.applies_to.describe().get(lang)
    return [line.format(label=_LABELS[lang]["applies"], text=text)]


def _indent(text: str) -> str:
    return "\n".join("    " + line if line else "" for line in text.strip("\n").splitlines())


def markdown(packs: Sequence[RulePack]) -> str:
    """docs/rules.md: every rule in Bahasa Indonesia, then in English."""
    out: list[str] = []
    for lang in ("id", "en"):
        label = _LABELS[lang]
        out += [f"# {label['title']} ({lang})", "", label["intro"], ""]
        for pack in packs:
            out += [f"## {pack.title.get(lang)} (`{pack.id}` {pack.version})", ""]
            for rule in pack.rules:
                out += [
                    f"### {rule.id}: {rule.title.get(lang)}",
                    "",
                    f"- {label['severity']}: {rule.severity.label}",
                    f"- {label['kind']}: `{rule.kind}` ({rule.outcome})",
                    f"- {label['legal']}: {rule.legal_basis}",
                    f"- {label['status']}: {basis_status(rule, lang)}",
                    *_applies(rule, lang, "- {label}: {text}"),
                    "",
                    rule.rationale.get(lang),
                    "",
                    f"**{label['fix']}:** {rule.fix.get(lang)}",
                    "",
                    f"{label['pass']}:",
                    "",
                    "```toml",
                    rule.example_pass.strip("\n"),
                    "```",
                    "",
                    f"{label['fail']}:",
                    "",
                    "```toml",
                    rule.example_fail.strip("\n"),
                    "```",
                    "",
                ]
        out += [f"## {label['builtin']}", ""]
        out += [
            f"- `{code.id}` ({code.severity.label}): {code.title.get(lang)}" for code in ALL_CODES
        ]
        out.append("")
    return "\n".join(out)
