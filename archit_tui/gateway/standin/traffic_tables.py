"""Tables behind simulated traffic: how often each action happens, its origin and reversibility,
and the names of the things (auto-responses, webhooks, integrations) actions talk about.
"""

from __future__ import annotations

MIX: tuple[tuple[int, float], ...] = (
    # Chat: most of what a guild produces.
    (3001, 55.0),
    (3100, 12.0),
    (3002, 8.0),
    (3101, 3.0),
    (3003, 3.0),
    (72, 2.0),
    (3203, 2.0),
    (3400, 1.0),
    (74, 0.4),
    (75, 0.15),
    (73, 0.2),
    # Members coming, changing and being moderated.
    (24, 1.5),
    (25, 1.5),
    (26, 1.2),
    (27, 0.6),
    (20, 0.4),
    (22, 0.35),
    (23, 0.15),
    (40, 0.5),
    (42, 0.2),
    (11, 0.4),
    (10, 0.25),
    (12, 0.15),
    # Rare: about one in a thousand each.
    *((number, 0.1) for number in (1, 13, 14, 15, 21, 28, 30, 31, 32, 41, 50, 51, 52)),
    *((number, 0.1) for number in (60, 61, 62, 80, 81, 82, 3200, 3201, 3202, 3300, 3301)),
    *((number, 0.1) for number in (3401, 3402, 3403)),
)
"""Relative weight of each action number; every number of the registry appears."""

GATEWAY, AUDIT_LOG, HYBRID = 1, 2, 3
_HYBRID = {20, 22, 23, 24, 25, 72, 74, 75}
ORIGIN: dict[int, int] = {
    number: GATEWAY if number >= 3000 else HYBRID if number in _HYBRID else AUDIT_LOG
    for number, _ in MIX
}
"""Archit.us's own actions come from the gateway, Discord's from the audit log, and the ones
seen both as a gateway event and an audit-log entry (who kicked, who deleted) are hybrid."""

REVERSIBLE: frozenset[int] = frozenset(
    {1, 10, 11, 12, 13, 14, 15, 22, 23, 24, 25, 30, 31, 32, 40, 41, 42, 50, 51, 52, 60, 61, 62}
    | {72, 74, 75, 3002, 3003, 3200, 3201, 3202, 3401, 3402, 3403}
)
"""Actions Archit.us could undo from ``old_data``; LOG_REVERT/ROLLBACK point at these."""

AUTO_RESPONSES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("hello there", "general kenobi", ("hello there", "Hello there!", "hello there...")),
    ("good bot", "[:blush:]", ("good bot", "Good bot!")),
    ("^i'?m (\\w+)$", "hi [0], i'm dad", ("im tired", "i'm hungry", "im bored")),
    ("f", "[author] paid respects ([count] total)", ("f", "F")),
    ("ping", "pong 🏓", ("ping", "ping?")),
    ("how are you", "[adj] as always, [author]", ("how are you?", "how are you")),
    ("who's the best", "[member], obviously", ("who's the best?",)),
    ("gm", "good morning [author] ☀️", ("gm", "GM!")),
    ("gn", "sleep well [author] 🌙", ("gn", "gn!")),
    ("[bold]", "\\[not markup\\]", ("[bold]",)),
    ("こんにちは", "こんにちは、[author]さん！", ("こんにちは",)),
    ("привет", "привет, [author]!", ("привет", "Привет!")),
    ("pizza", "[pineapple belongs on pizza, pineapple does not belong on pizza]", ("pizza?",)),
    ("rip", "[:skull:]", ("rip", "RIP")),
    ("^roll (\\d+)$", "[author] rolled a [0]... and got [count]", ("roll 20", "roll 6")),
    ("bruh", "[adj] [noun] moment", ("bruh", "bruh.")),
)
"""Trigger, response and messages that set it off (auto-responses as Archit.us stored them)."""

RESPONSE_EDITS: tuple[str, ...] = (
    "general kenobi!!", "[:wave:]", "[adv] [adj] [noun]", "not today, [author]", "🙃",
    "[yes, no, maybe]", "ok [member]",
)  # fmt: skip

WEBHOOK_NAMES: tuple[str, ...] = (
    "GitHub", "Captain Hook", "RSS: Hacker News", "Twitch alerts", "Spidey Bot",
    "[bold]hook[/bold]", "CI 🤖", "Статус",
)  # fmt: skip

INTEGRATIONS: tuple[tuple[str, str], ...] = (
    ("Twitch", "twitch"),
    ("YouTube", "youtube"),
    ("architus", "discord"),
    ("GitHub", "discord"),
    ("Server Subscriptions", "guild_subscription"),
)

INVITE_MAX_USES: tuple[int, ...] = (0, 0, 0, 1, 5, 10, 25, 100)
"""0 is unlimited, the most common choice."""

OVERWRITE_BITS: tuple[tuple[str, str], ...] = (
    ("1024", "0"),
    ("0", "1024"),
    ("1024", "2048"),
    ("2048", "1024"),
    ("3072", "0"),
    ("0", "3072"),
    ("66560", "2048"),
    ("0", "1049600"),
)
"""(allow, deny) permission bits of channel overwrites, decimal strings as Discord sends them;
never overlapping, and no two neighbours alike (an update moves to the next pair)."""
