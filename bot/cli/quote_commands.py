"""Quotation and comparison commands: quote, compare."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.context import Context, print_json
from bot.results import CompareResult, QuoteResult

__all__ = ["register", "run_compare", "run_quote"]


def register(commands: Any) -> None:
    """Add the `quote` and `compare` commands."""
    quote = commands.add_parser("quote", help="quotations in the coverage, each remark once with its outlets")
    quote.add_argument("--speaker", help="only this speaker (any name the press uses for them)")
    quote.add_argument("--topic", help="only quotations on this topic, most relevant first")
    quote.add_argument("--json", action="store_true", help="JSON output")
    quote.set_defaults(handler=run_quote)

    compare = commands.add_parser("compare", help="how each outlet covered a topic, and where they disagree")
    compare.add_argument("topic", nargs="+", help="the topic, for instance: how long the meeting lasted")
    compare.add_argument("--json", action="store_true", help="JSON output")
    compare.set_defaults(handler=run_compare)


def run_quote(args: argparse.Namespace, ctx: Context) -> int:
    """Quote what was said, by whom, in which outlets."""
    result = ctx.service.quote(speaker=args.speaker, topic=args.topic)
    if args.json:
        print_json(result.to_dict())
    else:
        print(render_quotes(result))
    return 0


def run_compare(args: argparse.Namespace, ctx: Context) -> int:
    """Compare the outlets' coverage of a topic."""
    result = ctx.service.compare(" ".join(args.topic))
    if args.json:
        print_json(result.to_dict())
    else:
        print(render_comparison(result))
    return 0


def render_quotes(result: QuoteResult) -> str:
    """The terminal form of a /quote answer."""
    scope = " ".join(
        part
        for part in (
            f"by {result.speaker}" if result.speaker else "",
            f"on '{result.topic}'" if result.topic else "",
        )
        if part
    )
    if not result.quotes:
        return f"No quotations {scope} in the coverage.".replace("  ", " ")
    lines = [f"{len(result.quotes)} quotations{' ' + scope if scope else ''}:"]
    for quote in result.quotes:
        outlets = ", ".join(quote.same_wording_outlets() or [quote.outlet or quote.doc])
        lines.append(f"\n\u201c{quote.text.strip()}\u201d  ({quote.kind})")
        lines.append(
            f"    - {quote.speaker}; {outlets}; {quote.date or 'undated'} [{quote.event or 'no event'}]"
        )
        for wordings in quote.other_wordings():  # another outlet's own words for the same remark
            names = ", ".join(dict.fromkeys(w.outlet for w in wordings))
            lines.append(f"    in other words ({names}): \u201c{wordings[0].text.strip()}\u201d")
    return "\n".join(lines)


def render_comparison(result: CompareResult) -> str:
    """The terminal form of a /compare answer."""
    lines = [f"Coverage of '{result.topic}':"]
    if not result.outlets:
        lines.append("No outlet covers this topic.")
    for coverage in result.outlets:
        lines.append(f"\n{coverage.outlet} ({coverage.date or 'undated'}, {coverage.event or 'no event'}):")
        for sentence in coverage.sentences:
            shared = "  [also in other outlets]" if sentence.shared else ""
            lines.append(f"  - {sentence.text}{shared}")
    if result.not_covered:
        lines.append(f"\nNot covered by: {', '.join(result.not_covered)}")
    for disagreement in result.disagreements:
        lines.append(f"\nOutlets disagree on {disagreement.about}:")
        lines.extend(f"  - {claim.outlet}: {claim.text}" for claim in disagreement.claims)
    return "\n".join(lines)
