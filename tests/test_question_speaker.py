"""Question analysis: whose words a question asks for. The speaker is a person it names before a speech
verb; one named only after every speech verb is part of what was said."""

from __future__ import annotations

import pytest

from bot.answering.candidates import find_candidates
from bot.service import CoverageService


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("What did Putin say about Assad?", "@vladimir_putin"),
        ("Did Obama tell reporters the talks went well?", "@barack_obama"),
        ("can u tell me if obama told kerry to drop the syria thing", "@barack_obama"),
        ("What did Reuters say Putin thought about the talks?", "@vladimir_putin"),
        # the person is in what was said: somebody else is speaking
        ("what's the grand bargain thing people said Putin was offering", None),
        ("How deep did the American official say the rift over Assad's role went?", None),
        ("Did the Syrian rebels say anything about the Putin-Obama talks?", None),
    ],
)
def test_the_speaker_is_named_before_the_speech_verb(
    service: CoverageService, text: str, speaker: str | None
) -> None:
    found = find_candidates(service.index, text)
    assert found.question is not None and found.question.persons  # a configured person is named
    assert found.question.speaker == speaker
