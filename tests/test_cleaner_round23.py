"""The cleaner's round-twenty-three line rules (issue 9: chrome kinds met on real pages probed by cleaner23),
on small lines and pages written for these tests (no real page's text), and lines that only look like
them: link labels a scraper glued together ("Stream the newscastLivenow")."""

from __future__ import annotations

import pytest

from bot.cleaner.patterns import chrome_reason
from bot.cleaner.twicecaption import named_tail_copy
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

SUMMIT = (
    "Presidents Barack Obama and Vladimir Putin met for ninety minutes on the sidelines of the General"
    " Assembly in New York on Monday, aides said."
)
MORE = "Both delegations said their defence ministers would keep talking about Syria."


def _kept(article: object) -> str:
    return " ".join(s.text for s in article.sentences)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "line", ["Stream the newscastLivenow", "Watch morenewsPlaylist", "Get the appDownload"]
)
def test_glued_control_labels_are_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "glued-labels"


@pytest.mark.parametrize(
    "line",
    [
        "Apple unveils the new iPhone",  # a brand's inner capital after a short head
        "Readers on eBay and YouTube",
        "Senator McCain responds",
        "Follow @dailyNews for updates",  # a handle is the page's own text
        "Tagged #stopWar by readers",
        "The newsroom saw the StreamLive feature go dark after the speech began.",  # a sentence
    ],
)
def test_inner_capitals_of_names_and_sentences_are_not_glued_labels(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) != "glued-labels"


def test_glued_stream_link_under_a_dek_is_dropped(config: Config) -> None:
    page = "\n".join(
        [
            "Obama and Putin meet at the UN",
            "",
            "The two presidents talked for longer than planned.",
            "Watch the channelLivenow",
            "",
            SUMMIT,
            "",
            MORE,
        ]
    )
    kept = _kept(clean(page, config))
    assert "Livenow" not in kept
    assert "talked for longer than planned" in kept and "defence ministers" in kept


@pytest.mark.parametrize(
    "line", ["(Image credit: Jane Roe/Northlight Images)", "(Photo: Pool/Agency)", "Image credit: Jane Roe"]
)
def test_photo_credit_in_brackets_or_not_is_a_credit(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "photo-credit"


def test_a_bracketed_aside_is_not_a_credit(config: Config) -> None:
    assert chrome_reason("(Photos: the summit's family picture was taken twice)", config.cleaner) is None


@pytest.mark.parametrize(
    ("bio", "dropped"),
    [
        ("Dana Roe has worked as a politics writer at the Briefing since 2012. She studied history.", True),
        ("Dana Roe joined the Briefing as a senior editor in 2019 and edits its world desk.", True),
        ("John Kerry has worked for weeks with Sergey Lavrov on a ceasefire that never took hold.", False),
    ],
)
def test_a_closing_bio_naming_the_writers_job_is_dropped(config: Config, bio: str, dropped: bool) -> None:
    page = "\n".join(["Obama and Putin meet at the UN", "", SUMMIT, "", MORE, "", bio])
    assert (bio.split(".", maxsplit=1)[0] not in _kept(clean(page, config))) is dropped


@pytest.mark.parametrize(
    "line",
    [
        "DWU Editor: I will add to this post when the two presidents have actually met.",
        "Editor's note: This article was corrected to give the length of the meeting.",
        "Editor’s update: the story now includes the Kremlin's account.",
    ],
)
def test_an_editors_note_on_the_post_itself_is_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "editor-note"


@pytest.mark.parametrize(
    "line",
    [
        "Editor's note: Putin and Obama last met at a summit in Beijing in November 2014.",  # context
        "Editor: Jane Roe",  # a credit, as before
        "The editor said this story would run on the front page.",  # prose naming an editor
    ],
)
def test_other_editor_lines_are_not_notes_on_the_post(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) != "editor-note"


@pytest.mark.parametrize("line", ["Image credit AP", "Photo credits Pool/Agency", "Image credit: Jane Roe"])
def test_an_image_credit_without_a_colon_is_a_credit(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "photo-credit"


THIRD = "A White House adviser said Obama also expected to raise Ukraine with the Russian leader."


def _with_question(question: str, *, extra: tuple[str, ...] = ()) -> str:
    return "\n".join(
        ["Putin and Obama to meet in Hangzhou", "", SUMMIT, "", MORE, "", question, "", THIRD, *extra]
    )


def test_a_lone_question_between_paragraphs_is_an_inserted_link(config: Config) -> None:
    kept = _kept(clean(_with_question("Have the U.S. and Russia managed to agree on Syria?"), config))
    assert "managed to agree" not in kept
    assert "defence ministers" in kept and "White House adviser" in kept


@pytest.mark.parametrize(
    ("question", "extra"),
    [
        ("\u201cWhy would we not talk?\u201d", ()),  # somebody's words, in quotes
        ("Q: Will they meet again?", ()),  # an interview's turn
        (
            "What did they agree?",
            ("", "What comes next?", "", MORE.replace("defence", "foreign")),
        ),  # explainer
        ("Who was in the room?", ("", "The aides", "", MORE.replace("defence", "finance"))),  # subheadings
    ],
)
def test_questions_that_head_or_speak_stay(config: Config, question: str, extra: tuple[str, ...]) -> None:
    kept = _kept(clean(_with_question(question, extra=extra), config))
    assert question.rsplit(":", maxsplit=1)[-1].strip("\u201c\u201d ")[:12] in kept


@pytest.mark.parametrize(
    "line",
    [
        "See",
        "Ruth Roe (New York), \u201cDueling speeches set the stage for lunch,\u201d The Harbor Ledger,"
        " September 28, 2015 (6:10 p.m.).",
        'Jane Roe, "Leaders meet in Hangzhou." Pacific Desk, Sept. 5, 2016.',
    ],
)
def test_a_reference_citation_and_its_see_label_are_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "citation"


@pytest.mark.parametrize(
    "line",
    [
        # a sentence quoting somebody, then a date: the story's
        "\u201cWe will keep talking,\u201d Putin told reporters in New York on September 28, 2015.",
        "See the full text of the speech below.",
    ],
)
def test_sentences_with_quotes_and_dates_are_not_citations(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) != "citation"


@pytest.mark.parametrize(
    ("line", "repeats"),
    [
        ("Putin speaks at the UN. Harbor Wire Photos", "putin speaks at the un."),
        ("No stairs for the president at the airport.Credit", "no stairs for the president at the airport."),
        ("Putin speaks at the UN.", None),  # no name after it
        ("Putin speaks at the UN. Later he met Obama", None),  # a sentence goes on: lower-case words
        ("Putin and Obama met in New York", None),  # no sentence before the name
    ],
)
def test_a_copy_with_a_source_name_glued_on_repeats_the_sentence(line: str, repeats: str | None) -> None:
    assert named_tail_copy(line) == repeats


def test_a_caption_printed_again_with_its_source_is_a_caption_once(config: Config) -> None:
    page = "\n".join(
        [
            "Obama and Putin Take Syria to the UN Podium",
            "",
            "By Jane Roe",
            "Putin speaks at the General Assembly.",
            "Putin speaks at the General Assembly. Harbor Wire Photos",
            "",
            SUMMIT,
            "",
            MORE,
        ]
    )
    kept = [s.text for s in clean(page, config).sentences]
    assert kept.count("Putin speaks at the General Assembly.") == 1
    assert not any("Harbor Wire" in text for text in kept)
