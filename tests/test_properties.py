"""Properties over ask, chat, quote, compare, clean and decode, on generated input (Hypothesis).

Whatever the input, nothing but the project's own errors (bot.errors) escapes, every answer is verbatim
from its article (article.text[start:end] == the answer's text) and every result encodes as JSON. The
number of examples is bounded (see SETTINGS) so the suite stays fast in CI.
"""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.cleaner import clean_article
from bot.config import Config
from bot.conversation import Conversation
from bot.corpus import decode_article
from bot.errors import SummitbotError
from bot.service import CoverageService

SETTINGS = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,  # the same examples on every run: a CI failure can be reproduced
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# what users paste around their words: invisible characters, Discord markup, undecodable bytes, emoji
NOISE = st.sampled_from(
    [
        "\u200b",
        "\u200d",
        "\ufeff",
        "\u202e",
        "\udcff",
        "\ud800",
        "<@123456789012345678>",
        "<@!1>",
        "<#42>",
        "<@&7>",
        "@everyone",
        "**",
        "__",
        "||",
        "`",
        "> ",
        "# ",
        "\x00",
        "\x1b[31m",
        "\U0001f642",
        "?",
        "'s",
        "\n",
    ]
)


def _vocabulary() -> list[str]:
    """Words of the committed corpus (read from the data, so questions can reach real answers)."""
    from tests.conftest import ROOT

    text = " ".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "raw").glob("*.txt")))
    words = sorted(set(re.findall(r"[A-Za-z][A-Za-z'-]{2,}", text)))
    return [*words, "how", "long", "what", "who", "when", "where", "why", "did", "say", "many"]


WORDS = st.sampled_from(_vocabulary())
QUESTIONS = st.lists(st.one_of(WORDS, WORDS, WORDS, NOISE, st.text(max_size=8)), max_size=14).map(" ".join)


def _article_text(service: CoverageService, doc: str) -> str:
    return service.article(doc).text


def _encodes(result: object) -> None:
    data = result.to_dict()  # type: ignore[attr-defined]
    json.dumps(data)  # the API's default, ASCII-escaped
    json.dumps(data, ensure_ascii=False).encode("utf-8", "replace")  # what the CLI writes


def _check_ask(service: CoverageService, question: str, conversation: Conversation | None = None) -> None:
    try:
        result = service.ask(question, conversation=conversation)
    except SummitbotError:
        return
    for answer in result.answers:
        assert _article_text(service, answer.doc)[answer.start : answer.end] == answer.text
    _encodes(result)


@SETTINGS
@given(question=QUESTIONS)
def test_ask_answers_verbatim_or_raises_only_its_own_errors(service: CoverageService, question: str) -> None:
    _check_ask(service, question)


@SETTINGS
@given(questions=st.lists(QUESTIONS, min_size=1, max_size=4))
def test_chat_follow_ups_stay_verbatim(service: CoverageService, questions: list[str]) -> None:
    conversation = Conversation()
    for question in questions:
        _check_ask(service, question, conversation)


@SETTINGS
@given(speaker=st.none() | QUESTIONS, topic=st.none() | QUESTIONS)
def test_quote_is_verbatim(service: CoverageService, speaker: str | None, topic: str | None) -> None:
    try:
        result = service.quote(speaker=speaker, topic=topic)
    except SummitbotError:
        return
    for quote in result.quotes:
        text = _article_text(service, quote.doc)
        assert text[quote.start : quote.end] == quote.text
        assert quote.sentence in text
    _encodes(result)


@SETTINGS
@given(topic=QUESTIONS)
def test_compare_is_verbatim(service: CoverageService, topic: str) -> None:
    try:
        result = service.compare(topic)
    except SummitbotError:
        return
    for cover in result.outlets:
        text = _article_text(service, cover.doc)
        assert all(text[s.start : s.end] == s.text for s in cover.sentences)
    _encodes(result)


def _raw_lines(config: Config) -> list[str]:
    lines: list[str] = []
    for path in sorted((config.corpus_dir / "raw").glob("*.txt")):
        lines += path.read_text(encoding="utf-8").splitlines()[:60]
    return lines


@SETTINGS
@given(data=st.data())
def test_clean_keeps_every_sentence_verbatim(config: Config, data: st.DataObject) -> None:
    line = st.one_of(st.sampled_from(_raw_lines(config)), QUESTIONS, st.text(max_size=80))
    raw = "\n".join(data.draw(st.lists(line, max_size=30), label="lines"))
    try:
        article = clean_article(raw, doc_id="generated", config=config)
    except SummitbotError:
        return
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
    json.dumps(article.to_dict())


@SETTINGS
@given(data=st.binary(max_size=400) | st.text(max_size=200).map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_decode_is_text_or_its_own_error(data: bytes) -> None:
    try:
        text = decode_article(data, "generated.txt")
    except SummitbotError as exc:
        assert "\n" not in str(exc)
        return
    assert text.encode("utf-8").decode("utf-8") == text and text.strip()
