"""Hypothesis strategies for decoded JSON that looks a little like the protocol's."""

from hypothesis import strategies as st

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.sampled_from(["682215129937772544", "3001", "-1", "", "success", "1️⃣"])
)
_KEYS = st.sampled_from(
    [
        "id",
        "action_number",
        "type",
        "guild_id",
        "guildId",
        "log_action",
        "agent_id",
        "subject_id",
        "channel_id",
        "content",
        "timestamp",
        "old_data",
        "data",
        "message_id",
        "messageId",
        "edit",
        "added_reactions",
        "actions",
        "action",
        "emoji",
        "success",
        "room",
        "message",
        "human",
        "code",
        "_id",
        "finished",
        "nonexistant",
        "name",
        "token",
        "non_pool",
        "ids",
        "silent",
        "allowed_commands",
        "removed_reacions",
        "before",
        "after",
        "author_id",
        "count",
    ]
) | st.text(max_size=8)

JSON_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(_KEYS, children, max_size=8),
    max_leaves=40,
)
"""Any decoded JSON value, biased towards the protocol's keys and ids."""
