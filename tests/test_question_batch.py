"""Questions embedded together (bot/semantic `Encoder.embed_questions`, `CoverageService.asked_together`):
the same vectors as one at a time to float rounding, and the same answers as the service's own."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering import search_text
from bot.config import Config
from bot.conversation import Conversation
from bot.errors import InputError
from bot.semantic import Encoder, encoder_for, primed_questions
from bot.service import CoverageService

# fresh questions of different lengths, a follow-up pair, and one the service refuses
QUESTIONS = [
    "How long did the Putin-Obama meeting at the UN last?",
    "What did they discuss about Syria?",
    "Who reported the handshake?",
    "What was served at the lunch?",
    "What did Obama say about Ukraine and the sanctions that followed the annexation of Crimea?",
    "Where did the leaders meet?",
]


@pytest.fixture(scope="module")
def encoder(config: Config) -> Encoder:
    return encoder_for(config.semantic)


def _cosines(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.asarray(np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))


def test_one_pass_gives_each_questions_own_vector(encoder: Encoder) -> None:
    together = encoder.embed_questions(QUESTIONS)
    alone = np.vstack([encoder.embed([q]) for q in QUESTIONS])
    assert together.shape == (len(QUESTIONS), 384) and together.dtype == np.float32
    assert _cosines(together, alone).min() >= 0.9999
    assert np.abs(together - alone).max() < 1e-4
    assert np.array_equal(encoder.embed_questions([QUESTIONS[0]]), encoder.embed_questions([QUESTIONS[0]]))
    assert encoder.embed_questions([]).shape == (0, 384)


def test_a_question_vector_is_taken_from_its_batch(service: CoverageService) -> None:
    index = service.index
    vectors = index.question_vectors([QUESTIONS[0], QUESTIONS[1], QUESTIONS[0]])
    assert sorted(vectors) == sorted(QUESTIONS[:2])
    with primed_questions(vectors):
        assert index.question_vector(QUESTIONS[0]) is vectors[QUESTIONS[0]]
        other = index.question_vector(QUESTIONS[2])  # not in the batch: embedded as usual
    assert other is not None and not any(other is v for v in vectors.values())
    assert index.question_vector(QUESTIONS[0]) is not vectors[QUESTIONS[0]]  # the block is over
    assert _cosines(np.vstack([other]), np.vstack([index.question_vector(QUESTIONS[2])]))[0] >= 0.9999


def test_search_text_leaves_the_conversation_as_it_was(service: CoverageService) -> None:
    conversation = Conversation()
    service.ask(QUESTIONS[1], conversation=conversation)
    before = (conversation.question, conversation.person, conversation.docs)
    follow_up = search_text(service.index, "what about Ukraine?", conversation)
    assert follow_up is not None and "Syria" in follow_up  # the topic carried over
    assert (conversation.question, conversation.person, conversation.docs) == before
    assert search_text(service.index, "why? " * 400) is None  # refused by the answerer too


def test_answers_asked_together_are_the_services_own(
    service: CoverageService, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    there, here = Conversation(), Conversation()
    asked = [(q, None) for q in QUESTIONS] + [("and Putin?", there)]
    service.ask("What did Obama say?", conversation=there)
    service.ask("What did Obama say?", conversation=here)
    with service.asked_together(asked):
        one_at_a_time: list[object] = []
        monkeypatch.setattr(encoder, "embed_questions", lambda *a, **k: one_at_a_time.append(a))
        together = [service.ask(q, conversation=c, top=3) for q, c in asked]
        monkeypatch.undo()
    assert one_at_a_time == []  # every question's vector came from the batch's one pass
    alone = [service.ask(q, top=3) for q in QUESTIONS] + [service.ask("and Putin?", conversation=here, top=3)]
    assert together == alone
    assert (there.question, there.person, there.docs) == (here.question, here.person, here.docs)
    assert any(result.answers for result in together)  # not only declines


def test_a_refused_question_in_a_batch_is_refused_as_alone(service: CoverageService) -> None:
    refused = "why? " * 400
    alone = service.ask(QUESTIONS[0], top=3)
    with service.asked_together([(refused, None), (QUESTIONS[0], None)]):
        with pytest.raises(InputError):
            service.ask(refused)
        assert service.ask(QUESTIONS[0], top=3) == alone


def test_a_question_asked_together_is_analysed_once(
    service: CoverageService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.answering import candidates

    alone = [service.ask(q, top=3) for q in QUESTIONS]
    analysed: list[str] = []
    real = candidates._analysed
    monkeypatch.setattr(
        candidates, "_analysed", lambda index, text, c: analysed.append(text) or real(index, text, c)
    )
    with service.asked_together([(q, None) for q in QUESTIONS]):
        together = [service.ask(q, top=3) for q in QUESTIONS]
    assert sorted(analysed) == sorted(QUESTIONS)  # the batch's analysis taken by `ask`, not made again
    assert together == alone
    service.ask(QUESTIONS[0], top=3)  # outside the block, analysed afresh
    assert len(analysed) == len(QUESTIONS) + 1


def test_a_channels_follow_ups_in_one_batch_take_their_vectors_from_it(
    service: CoverageService, encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One conversation asked several times in a batch (a burst in one channel): each follow-up's text is
    that of the question before it IN the batch, so it is in the batch's pass too, and the answers are
    those of the same questions asked one after another."""
    from bot.answering import candidates

    turns = ["What did Obama say about Syria?", "and Putin?", "Where did the leaders meet?", "and Obama?"]
    batch, one_by_one = Conversation(), Conversation()
    analysed: list[str] = []
    real = candidates._analysed
    monkeypatch.setattr(
        candidates, "_analysed", lambda index, text, c: analysed.append(text) or real(index, text, c)
    )
    with service.asked_together([(q, batch) for q in turns]):
        alone: list[object] = []
        monkeypatch.setattr(encoder, "embed_questions", lambda *a, **k: alone.append(a))
        together = [service.ask(q, conversation=batch, top=3) for q in turns]
        monkeypatch.undo()
    assert alone == []  # no follow-up embedded on its own
    assert analysed == turns  # each analysed once, in turn, before the pass; `ask` took those analyses
    assert together == [service.ask(q, conversation=one_by_one, top=3) for q in turns]
    assert (batch.question, batch.person, batch.docs) == (
        one_by_one.question,
        one_by_one.person,
        one_by_one.docs,
    )
