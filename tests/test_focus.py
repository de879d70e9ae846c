"""The focus cosine: a question's vector with its candidates' shared direction taken out (and, for a
follow-up, its own words' vector too)."""

from __future__ import annotations

import numpy as np

from bot.answering.candidates import embedded_texts, find_candidates, search_text
from bot.answering.feature_names import FEATURES
from bot.answering.focus import focus_cosine
from bot.conversation import Conversation
from bot.service import CoverageService


def _unit(*values: float) -> np.ndarray:
    v = np.array(values, dtype=np.float32)
    return v / np.linalg.norm(v)


def test_the_sentence_with_the_asked_detail_outranks_one_that_only_repeats_the_setting() -> None:
    # axis 0: the setting (leaders, meeting) every candidate shares; axis 1: the asked detail
    setting_only = _unit(1.0, 0.0, 0.1)
    answer = _unit(0.6, 0.8, 0.0)
    other = _unit(0.95, -0.1, 0.3)
    question = _unit(0.9, 0.4, 0.0)
    sentences = np.vstack([setting_only, answer, other])
    plain = sentences @ question
    assert plain[0] > plain[1]  # by plain cosine the setting wins
    focus = focus_cosine(sentences, question)
    assert int(np.argmax(focus)) == 1
    assert focus.shape == (3,)


def test_nothing_left_once_the_shared_direction_is_removed_gives_zeros() -> None:
    s = _unit(1.0, 0.0, 0.0)
    sentences = np.vstack([s, s])
    assert focus_cosine(sentences, s).tolist() == [0.0, 0.0]


def test_no_candidates_gives_an_empty_column() -> None:
    assert focus_cosine(np.zeros((0, 3), dtype=np.float32), _unit(1.0, 0.0, 0.0)).shape == (0,)


def test_values_are_cosines() -> None:
    rng = np.random.default_rng(3)
    sentences = rng.normal(size=(20, 8))
    sentences /= np.linalg.norm(sentences, axis=1)[:, None]
    question = _unit(*rng.normal(size=8))
    focus = focus_cosine(sentences, question)
    assert np.all(np.abs(focus) <= 1.0 + 1e-9)
    # the question's part along the candidates' mean is gone, so their focus cosines average to 0
    assert abs(float(focus.mean())) < 1e-9
    assert float(np.abs(focus).max()) > 0.1


def test_a_follow_up_embeds_its_own_words_too(service: CoverageService) -> None:
    index = service.index
    assert embedded_texts(index, "What did Obama say about Syria?") == ("What did Obama say about Syria?",)
    conversation = Conversation()
    service.ask("What did Obama say about Syria?", conversation=conversation)
    texts = embedded_texts(index, "and Putin?", conversation)
    assert len(texts) == 2 and "Syria" in texts[0] and "Syria" not in texts[1] and "Putin" in texts[1]
    assert embedded_texts(index, "why? " * 400) == ()  # refused


def test_the_own_focus_column_is_filled_for_a_follow_up_only(service: CoverageService) -> None:
    index = service.index
    own = FEATURES.index("own_focus_cosine")
    first = find_candidates(index, "What did Obama say about Syria?")
    assert first.rows is not None and not first.rows[:, own].any()
    conversation = Conversation()
    service.ask("What did Obama say about Syria?", conversation=conversation)
    follow = find_candidates(index, "and Putin?", conversation)
    assert follow.rows is not None and np.abs(follow.rows[:, own]).max() > 0.05
    assert not np.allclose(follow.rows[:, own], follow.rows[:, FEATURES.index("focus_cosine")])


def test_a_scoped_question_is_embedded_whole_and_searched_without_its_scope(service: CoverageService) -> None:
    index = service.index
    asked = "What did Putin say about Obama at the G20 in 2016?"
    searched = search_text(index, asked)
    assert searched is not None and "G20" not in searched and "2016" not in searched
    assert embedded_texts(index, asked) == (asked,)  # the sentence model reads it as written
    cosine = FEATURES.index("cosine")
    rows = find_candidates(index, asked).rows
    assert rows is not None
    whole, holed = index.question_vector(asked), index.question_vector(searched)
    assert whole is not None and holed is not None and not np.allclose(whole, holed)
    hits = find_candidates(index, asked).hits
    expected = index.vectors[[h.position for h in hits]] @ whole
    assert np.allclose(rows[:, cosine], expected, atol=1e-5)


def test_a_follow_up_is_embedded_with_the_topic_it_continues(service: CoverageService) -> None:
    conversation = Conversation()
    service.ask("What did Obama say about Syria at the UN?", conversation=conversation)
    texts = embedded_texts(service.index, "and Putin?", conversation)
    assert texts[0] == search_text(service.index, "and Putin?", conversation)
    assert "Syria" in texts[0]
