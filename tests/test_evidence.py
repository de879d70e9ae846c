"""What a sentence offers a question's type: a place or a date the question itself does not already give."""

from __future__ import annotations

from bot.answering.evidence import has_date, has_number, has_place
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article


def test_where_and_when_need_a_place_or_date_the_question_lacks(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "Lavrov said Tuesday that the ministers would meet in Syria. "
                    "The leaders met in Hangzhou on September 5."
                ],
            )
        ],
        config,
    )
    reported, met = 0, 1
    assert not has_date(index, reported) and has_date(index, met)
    assert not has_place(index, reported, "In which city will the ministers meet about Syria?")
    assert has_place(index, met, "Where in China did the leaders meet?")
    assert not has_place(index, met, "Did the leaders meet in Hangzhou?")


def test_a_person_after_to_or_at_is_no_place(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "Obama gave instructions to Secretary Kerry to keep working. "
                    "Obama spoke to Putin for an hour. "
                    "Obama spoke to reporters in Hangzhou."
                ],
            )
        ],
        config,
    )
    asked = "In which city will the ministers meet?"
    assert not has_place(index, 0, asked)  # a title leads the name
    assert not has_place(index, 1, asked)  # a configured person
    assert has_place(index, 2, asked)


def test_a_when_naming_its_unit_needs_that_unit(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The leaders spoke briefly after the dinner. "
                    "The leaders met in Hangzhou on September 5. "
                    "The talks began in the morning."
                ],
            )
        ],
        config,
    )
    occasion, dated, timed = 0, 1, 2
    assert all(has_date(index, p, "When did the leaders meet?") for p in (occasion, dated, timed))
    on_what_date = "On what date did the leaders meet?"
    assert [has_date(index, p, on_what_date) for p in (occasion, dated, timed)] == [False, True, False]
    at_what_time = "At what time of day did the talks begin?"
    assert [has_date(index, p, at_what_time) for p in (occasion, dated, timed)] == [True, False, True]


def test_a_date_asked_by_its_unit_is_not_answered_by_a_relative_time(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The ministers will meet again within the next few days. "
                    "The ministers will meet on October 2."
                ],
            )
        ],
        config,
    )
    vague, dated = 0, 1
    assert has_date(index, vague, "When will the ministers meet?")  # a bare "when" takes a relative time
    for asked in ("On what date will the ministers meet?", "By what exact date will the ministers meet?"):
        assert [has_date(index, p, asked) for p in (vague, dated)] == [False, True]


def test_a_date_asked_by_its_unit_is_a_day_named_or_the_day_of_the_words_asked(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The two leaders had met a day earlier. "
                    "Putin said on Monday that a deal was close. "
                    "The leaders met in Hangzhou on September 5."
                ],
            )
        ],
        config,
    )
    counted, said, dated = 0, 1, 2
    # a bare "when" is answered by a day counted from another; "on what date" only by a day named
    assert has_date(index, counted, "When had the leaders met?")
    on_what_date = "On what date had the leaders met?"
    assert [has_date(index, p, on_what_date) for p in (counted, said, dated)] == [False, False, True]
    # the day the words were said answers a question asking when they were said
    on_which_day = "On which day did Putin talk about the deal?"
    assert [has_date(index, p, on_which_day) for p in (counted, said, dated)] == [False, True, True]


def test_a_when_asking_a_time_to_come_needs_a_sentence_looking_ahead(config: Config) -> None:
    """A "when are they meeting again?" is not answered by the day they met; "may ... shortly" answers a
    bare one but not one asking the date."""
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The ministers met for an hour on Monday. "
                    "The ministers will meet again on October 2. "
                    "The ministers may settle the matter shortly, the envoy said on Friday."
                ],
            )
        ],
        config,
    )
    past, ahead, soon = 0, 1, 2
    assert has_date(index, past, "When did the ministers meet?")
    for asked in ("when r the ministers meeting again", "When are the ministers due to meet?"):
        assert [has_date(index, p, asked) for p in (past, ahead, soon)] == [False, True, True]
    assert has_date(index, past, "When did the ministers meet again?")  # "did": the past is asked
    exact = "By what exact date are the ministers supposed to settle it?"
    assert [has_date(index, p, exact) for p in (past, ahead, soon)] == [False, True, False]


def test_a_building_asked_is_answered_by_a_building_name_not_the_town(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The ministers stayed in Oslo for two nights. "
                    "The ministers dined in the Blue Hall of the palace. "
                    "The delegates opened the 52nd Congress of the party."
                ],
            )
        ],
        config,
    )
    town, hall, congress = 0, 1, 2
    assert not has_place(index, town, "Which hotel did the ministers stay at?")
    assert has_place(index, town, "In which city did the ministers stay?")
    assert has_place(index, hall, "In which room did the ministers dine?")
    assert has_number(index, congress, "Which numbered congress was it?")
    assert not has_number(index, congress, "How many delegates came?")
