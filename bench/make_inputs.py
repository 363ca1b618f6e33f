#!/usr/bin/env python3
"""Writes the benchmark inputs into a folder: a ~200 KB Markdown file with many headings and
tables, and a synthetic catalogue of 10,000 requirements with a profile that tailors it."""
import sys
from pathlib import Path

WORDS = ("leverandøren skal dokumentere at API-et støtter sikker deling av helseopplysninger "
         "mellom virksomheter med tjenstlig behov og tilgangsstyring").split()


def sentence(seed, length=18):
    return " ".join(WORDS[(seed + i * 7) % len(WORDS)] for i in range(length)).capitalize() + "."


def markdown(target_bytes=200_000):
    parts, chapter = [], 0
    while sum(len(p.encode()) for p in parts) < target_bytes:
        chapter += 1
        parts.append(f"## {chapter} Kapittel {chapter}\n\n{sentence(chapter, 40)}\n")
        for section in range(1, 4):
            parts.append(f"### {chapter}.{section} Avsnitt\n\n{sentence(section, 30)} **Viktig:** {sentence(chapter)}\n")
            parts.append("- " + sentence(section) + "\n- " + sentence(chapter) + "\n  1. " + sentence(2) + "\n")
        rows = "\n".join(f"| K{chapter}-{r} | {sentence(r, 12)} | Obligatorisk | | |" for r in range(8))
        parts.append("| ID | Krav | Type | Svar | Dokumentert i |\n|---|---|---|---|---|\n" + rows + "\n")
    return "# Stort vedlegg\n\n<!-- kravgen:toc -->\n\n" + "\n".join(parts)


def catalogue(count=10_000):
    lines = [
        "kravgen-catalogue: 1",
        "catalogue:",
        "  id: synthetic-10000",
        "  title: { nb: \"Syntetisk katalog\", en: \"Synthetic catalogue\" }",
        "  publisher: { nb: \"kravgen\", en: \"kravgen\" }",
        "  report_number: \"SYN 1:2026\"",
        "  version: \"1.0\"",
        "  published: \"2026-12\"",
        "  translation_note: { nb: \"Syntetisk.\", en: \"Synthetic.\" }",
        "requirements:",
    ]
    for n in range(1, count + 1):
        level = "recommended" if n % 3 == 0 else "mandatory"
        lines += [
            f"  - id: S{n}",
            f"    level: {level}",
            f"    topic: {{ nb: \"Tema {n}\", en: \"Topic {n}\" }}",
            f"    text: {{ nb: \"{sentence(n)}\", en: \"Requirement {n} in English.\" }}",
        ]
    lines += [
        "framework_conditions:",
        "  - id: R1",
        "    title: { nb: \"Behandlingsgrunnlag\", en: \"Legal basis\" }",
        "    rules: [ { nb: \"Regel.\", en: \"Rule.\" } ]",
        "    legal_references: [ { nb: \"pasientjournalloven § 6\", en: \"Patient Records Act section 6\" } ]",
        "use_areas:",
        "  - id: sharing-between-health-actors",
        "    text: { nb: \"Deling mellom helseaktører\", en: \"Sharing between health actors\" }",
    ]
    return "\n".join(lines) + "\n"


def profile():
    return """kravgen: 1
catalogue: synthetic-10000
language: nb
project:
  title: Syntetisk anskaffelse
  buyer: Benchmark HF
  date: 2026-12-01
  health_data: true
  procurement_regime: part-ii
tailoring:
  promote: [ { id: S3 }, { id: S6 } ]
  omit: [ { id: S9, reason: Ikke relevant. } ]
  add: [ { id: EX-1, level: mandatory, text: Eget krav., after: S1 } ]
evaluation:
  scale: 10
  quality_weight: 40
  price_model: linear
"""


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "target/bench")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "large.md").write_text(markdown(), encoding="utf-8")
    (folder / "catalogue-10000.yaml").write_text(catalogue(), encoding="utf-8")
    (folder / "profile-10000.yaml").write_text(profile(), encoding="utf-8")
    print(f"wrote the inputs to {folder}")


if __name__ == "__main__":
    main()
