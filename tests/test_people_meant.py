"""bot/answering/referents.unreferenced: a question's people that a sentence means without naming
them, "the two leaders" for the pair its article is about and a bare "he" for its article's lead, so the
people constraint (people_missing) reads them as present."""

from __future__ import annotations

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_NEW_YORK = [
    "Putin met Obama in New York on Monday.",
    "Obama said the talks were blunt.",
    "Putin said the talks were frank.",
    "The two leaders shook hands before the cameras.",
    "Still, he remained hopeful about a ceasefire.",
]
_PARIS = [
    "Putin met Hollande in Paris on Friday.",
    "Hollande said the talks were useful.",
    "Putin said the talks were honest.",
    "Obama was not invited.",
    "The two leaders shook hands in the palace.",
]
_OBAMA = [
    "Obama flew to New York on Sunday.",
    "Obama said the week would be busy.",
    "Obama met Putin on Monday.",
    "Still, he remained hopeful about a truce.",
]


def _missing(config: Config, question: str) -> dict[str, float]:
    """people_missing for each candidate sentence, by its text."""
    articles = [make_article(f"d{i}", paras) for i, paras in enumerate((_NEW_YORK, _PARIS, _OBAMA))]
    found = find_candidates(CorpusIndex(articles, config), question)
    assert found.rows is not None
    column = FEATURES.index("people_missing")
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}


def test_the_two_leaders_are_the_pair_their_article_is_about(config: Config) -> None:
    missing = _missing(config, "Did Putin and Obama shake hands?")
    assert missing["The two leaders shook hands before the cameras."] == 0.0
    # the Paris article's pair is Putin and Hollande: Obama is named there, but not as one of the two
    assert missing["The two leaders shook hands in the palace."] == 1.0


def test_a_bare_he_is_the_person_the_article_names_most(config: Config) -> None:
    # the Obama article names Obama most: its "he" is Obama
    assert (
        _missing(config, "Did Obama remain hopeful about a truce?")[
            "Still, he remained hopeful about a truce."
        ]
        == 0.0
    )
    # the New York article names Putin and Obama as often: its "he" is neither
    assert (
        _missing(config, "Did Obama remain hopeful about a ceasefire?")[
            "Still, he remained hopeful about a ceasefire."
        ]
        == 1.0
    )
    # a "he" is not the lead of an article that names someone else most
    assert (
        _missing(config, "Did Putin remain hopeful about a truce?")[
            "Still, he remained hopeful about a truce."
        ]
        == 1.0
    )
