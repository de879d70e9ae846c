"""Small generated raw articles (unique text each) and folders of them with a sources.yaml."""

from __future__ import annotations

import random
from pathlib import Path

__all__ = ["article_text", "make_folder"]

_SUBJECTS = ("The leaders", "The ministers", "Officials", "The delegations", "Reporters", "Diplomats")
_VERBS = ("discussed", "argued about", "agreed on", "left aside", "returned to", "questioned")
_OBJECTS = ("trade", "the ceasefire", "sanctions", "energy prices", "the border", "refugees", "security")


def article_text(seed: int, sentences: int = 6) -> str:
    """A plain-text article: a headline line, then paragraphs of simple sentences unique to `seed`."""
    rng = random.Random(seed)
    lines = [f"Talks continue in round {seed}", ""]
    for i in range(sentences):
        lines.append(
            f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} "
            f"during session {seed}-{i} on {rng.choice(('Monday', 'Tuesday', 'Friday'))}."
        )
        lines.append("")
    return "\n".join(lines)


def make_folder(base: Path, name: str, seeds: list[int], *, outlet: str = "Example Wire") -> list[str]:
    """Write one article per seed (id `a{seed}`) and a sources.yaml stating outlet and date; the ids."""
    folder = base / name
    folder.mkdir(parents=True)
    entries = []
    for seed in seeds:
        (folder / f"a{seed}.txt").write_text(article_text(seed), encoding="utf-8")
        entries.append(
            f"  a{seed}:\n    outlet: {outlet} {seed % 7}\n    date: 2015-09-{10 + seed % 18:02d}\n"
        )
    (folder / "sources.yaml").write_text("articles:\n" + "".join(entries), encoding="utf-8")
    return [f"a{seed}" for seed in seeds]
