"""Text the simulated members write: chat lines, markdown, code, many scripts, markup look-alikes.

Templates hold placeholders that `archit_tui.gateway.standin.chatter` fills with the guild's
real entities: ``{user}`` -> ``<@id>``, ``{role}`` -> ``<@&id>``, ``{channel}`` -> ``<#id>``,
``{emoji}`` -> ``<:name:id>``, ``{name}`` -> a member's name, ``{uni}`` -> a unicode emoji,
``{n}`` -> a small number. Other braces (code, format strings) are left alone.

Everything here is text Discord would deliver: newlines inside messages, but no ANSI escapes or
other control characters (those belong to a chaos mode, not to normal traffic).
"""

from __future__ import annotations

UNICODE_EMOJI: tuple[str, ...] = (
    "😂", "👍", "❤️", "🔥", "🎉", "😭", "💀", "🤔", "👀", "✨", "🙏", "😅", "🥺", "💯", "✅",
    "❌", "🍕", "🐸", "👨‍👩‍👧", "🏳️‍🌈", "👩🏽‍💻", "🧑‍🚀", "👍🏾", "🇯🇵", "🇺🇦", "❤️‍🔥", "🫠",
)  # fmt: skip
"""Reactions and inline emoji, with ZWJ sequences, skin tones and flags among them."""

CHAT: tuple[str, ...] = (
    "gm everyone {uni}", "lol", "lmao", "anyone up for some games tonight?", "brb", "same",
    "that's wild", "hahaha", "ok but why", "can someone help me with something",
    "thanks {user}!", "{user} check this out", "did anyone see the announcement in {channel}?",
    "pls read {channel} before asking", "{role} meeting in 10 minutes", "welcome {user}! {uni}",
    "nice {emoji}", "{emoji}{emoji}{emoji}", "hi {name}", "i'm so tired", "im tired",
    "what's everyone's favourite game rn", "mood", "F", "rip", "GG", "good night 🌙",
    "this server is so cozy", "who's in voice?", "joining in 5", "+1", "omw", "wait what",
    "nvm figured it out", "🤔", "💀💀💀", "😭😭", "ty", "np!", "huh", "?", "...", "hello there",
    "how are you?", "good bot", "bad bot", "ping", "{user} {user} look", "{uni}{uni}",
    "it's {n} degrees here today", "only {n} more days until the weekend", "ok", "k",
    "honestly {name} is right", "can a {role} look at {channel}? something's off",
    "who changed the server icon {emoji}", "i've been stuck on level {n} for a week",
)  # fmt: skip

MARKDOWN: tuple[str, ...] = (
    "**bold move**, *very* bold", "__underlined__ and ~~struck through~~", "***all of it***",
    "`pip install archit-tui`", "use `!help` to see the commands", "||the butler did it||",
    "spoiler: ||{user} wins the tournament||", "> quoting {user}\nthat's not what i said",
    "# Announcement\nserver maintenance at 20:00 UTC, {role} be ready",
    "## patch notes\n- fixed the thing\n- broke another thing\n- **added** dark mode",
    "check https://github.com/architus/architus", "docs: [archit.us](https://docs.archit.us)",
    "<https://example.com/no-embed-please>", "***__~~everything at once~~__***",
    "`inline` and then\n```\na block\n```", "*italic with `code` inside*",
    "escape \\*not italic\\* and \\_not underlined\\_", "-# small print: {name} was here",
    "**{name}** said *what?*", "1. first\n2. second\n3. ~~third~~ fourth",
    ">>> multi\nline\nquote", "__**important:**__ read {channel}", "`{user}` is not a mention",
)  # fmt: skip

CODE: tuple[str, ...] = (
    '```py\ndef greet(who: str) -> str:\n    return f"hello, {who}"\n```',
    '```rust\nfn main() {\n    println!("hello, world");\n}\n```',
    "```js\nconst doubled = [1, 2, 3].map((n) => n * 2);\nconsole.log(doubled);\n```",
    "```diff\n- old_line = True\n+ new_line = False\n```",
    '```\nTraceback (most recent call last):\n  File "bot.py", line 12, in <module>\n'
    "    main()\nKeyError: 'guild_id'\n```",
    '```json\n{"guild_id": "607637793107345431", "ok": true}\n```',
    "```sql\nSELECT * FROM log_actions WHERE action_number = 3001;\n```",
    "```bash\n$ pip install -e .[dev]\n$ pytest -q\n```",
    "why does `x[0][1]` give me an IndexError",
    "```py\nprint('%s has %d items' % (name, len(items)))\nprint('{0} {1}'.format(a, b))\n```",
)

WORLD: tuple[str, ...] = (
    "こんにちは！今日はいい天気ですね☀️", "日本語の練習をしています", "それな", "有人一起玩吗？",
    "今天好累啊", "안녕하세요 여러분", "Привет всем, как дела?",
    "кто-нибудь играет сегодня вечером?",
    "русский текст с **жирным** шрифтом", "مرحبا بالجميع", "هل يعرف أحد كيف أفعل هذا؟",
    "שלום לכולם", "מישהו רוצה לשחק?", "नमस्ते दोस्तों", "यह बहुत अच्छा है", "สวัสดีครับ",
    "Γεια σας!", "Xin chào mọi người", "Ça va ? Très bien, merci !", "Grüße aus München 🥨",
    "¿Alguien quiere jugar?", "mixed: hello שלום 123 مرحبا end",
    "I said שלום and {user} said مرحبا",
    "family 👨‍👩‍👧 and 🏳️‍🌈 and 👩🏽‍💻", "flags 🇯🇵 🇺🇦 🇧🇷 🏴󠁧󠁢󠁳󠁣󠁴󠁿", "ｗｗｗ full-width laughter",
    "𝕗𝕒𝕟𝕔𝕪 𝕥𝕖𝕩𝕥", "Z͑ͫ̓ͪ̂ͫ̽͏̴̙̤̞͉͚̯̞̠͍A̴̵̜̰͔ͫ͗͢L̠ͨͧͩ͘G̴̻͈͍͔̹̑͗̎̅͛́Ǫ̵̹̻̝̳͂̌̌͘ comes", "Ｗｉｄｅ ｔｅｘｔ 漢字 mixed",
)  # fmt: skip

MARKUP_LOOKALIKES: tuple[str, ...] = (
    "[bold]not bold[/]", "[@click=app.quit]click me[/]", "[link=https://example.com]a link[/link]",
    "[red]this should not be red[/red]", "[/]", "[b]", "hey [i]you[/i]", "array[0] + items[-1]",
    "[dim]{name}[/dim]", "use [x] to close [ ]", "\\[escaped\\] brackets",
    "[@click=screen.dismiss]",
    "[on red]alert[/on red]", ":warning: [blink]BLINK[/blink] :smile:", "press [[ctrl+c]] to copy",
    "[#ff0000]hex colour[/]", "$var and ${braces} and %s", "[bold red on blue]{user}[/]",
)  # fmt: skip
"""Text that Rich or Textual would take for markup or emoji codes; it must show literally."""

BOT_LINES: tuple[str, ...] = (
    "🎉 {user} just advanced to **level {n}**!", "Welcome {user}! Please read {channel} 👋",
    "⚠️ {user} has been warned: *spam*", "🎵 Now playing: **Never Gonna Give You Up** [3:33]",
    "Poll results: ✅ {n} · ❌ 3 · 🤷 1", "Reminder: {role} standup in 15 minutes",
    "general kenobi", "pong 🏓", "**Event:** game night\n📅 Friday 20:00 UTC\n✅ 4 ❌ 1 🤷 2",
    "✅ Role {role} added to {user}", "Hello there! I'm architus. Try `!help`.",
)  # fmt: skip

LONG_PARAGRAPHS: tuple[str, ...] = (
    "**Server rules**\n1. Be kind. No harassment, hate speech or slurs.\n2. Keep it in the right "
    "channel: memes go to the memes channel, questions to help.\n3. No spam, no unsolicited "
    "advertising, no DM advertising either.\n4. No NSFW content anywhere.\n5. Use English in the "
    "main channels so the moderators can follow along.\n6. Listen to the moderators; if you "
    "disagree, send them a message instead of arguing in public.",
    "So here's what happened. I was halfway through the final boss, health bar almost empty, and "
    "my cat walked across the keyboard, opened the map, and somehow pressed the one key that "
    "makes the character sit down on a bench. I watched the boss walk over and finish me off "
    "while I was trying to get the cat off the desk. Three hours of progress, gone. The cat is "
    "fine. I am not.",
    "## Patch notes 2.4.0\n- New: log filters can be saved and named.\n- New: reactions show who "
    "reacted when you hover them.\n- Fixed: the timeline no longer jumps when a long message "
    "arrives.\n- Fixed: names written right to left no longer swap places with the timestamp.\n"
    "- Changed: the default page size is now 200 rows.\n- Removed: the old `!purge` alias.",
    "I think the real problem is that everyone wants a different thing from the server. Some "
    "people come here for the chat, some people come for the events, and some people just want "
    "the bot commands. None of that is wrong, but it does mean the general channel gets noisy "
    "and the quieter folks stop talking. Maybe we could try a weekly thread for each topic and "
    "see if that helps? Happy to set it up if the mods are fine with it.",
    "Привет! Я здесь новенький. Давно искал сервер, где можно спокойно поговорить об играх и "
    "не только. Если кто-то хочет поиграть вечером — пишите, я обычно онлайн после восьми.",
    "大家好！我是新来的，很高兴认识大家。我平时喜欢玩游戏、看动漫，也在学习编程。"
    "如果有人想一起组队，随时叫我！",
    "こんにちは！日本語を勉強して二年になります。まだまだ下手ですが、よろしくお願いします。"
    "間違いがあったら、ぜひ教えてください。",
    "مرحبا بالجميع! أنا جديد هنا وأحب البرمجة والألعاب. إذا كان لدى أحدكم سؤال عن بايثون "
    "فأنا سعيد بالمساعدة.",
    "\n".join(
        (
            "```py",
            "for action in actions:",
            "    if action.number == 3001:",
            "        counts[action.agent] += 1",
            "    elif action.number in (72, 3003):",
            "        deleted.append(action.subject)",
            "print(sorted(counts.items(), key=lambda item: -item[1])[:10])",
            "```",
        )
    ),
)
"""Paragraphs joined into the occasional long message (1-2 KB)."""

EDIT_SUFFIXES: tuple[str, ...] = (
    " (edit: typo)", " *", "\n\nedit: nvm found it", " ✅", " **EDIT:** fixed the link",
    " ||jk||", " (edited for clarity)", "!!", " 🙃",
)  # fmt: skip

REASONS: tuple[str, ...] = (
    "spamming", "Spam / advertising", "raid account", "repeated harassment after warnings",
    "NSFW in general", "alt account of a banned user", "appeal accepted", "ban evasion",
    "rule 3: be nice", "спам", "荒らし行為", "[red]banned[/red] lol", "timeout expired",
    "posting scam links (free nitro)", "asked to be removed",
    "Repeatedly ignored warnings from three different moderators about posting the same "
    "copypasta in every channel, then started pinging everyone with the Helper role at night. "
    "Talked to them in DMs first; no change.",
)  # fmt: skip
"""Moderation reasons, as moderators write them in the audit log."""
