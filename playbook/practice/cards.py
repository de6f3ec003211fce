"""Practice cards: the decks a salesperson reviews on the phone, built from the data at build time.

Three decks, in the page's language: the glossary (term → meaning), "which would you say?" (a line worth
saying against one to avoid, from the complaint scripts and the talk tracks, with why) and the self-check questions of the
quizzes (question → answer). Card ids are stable (item id and position), so the browser's schedule
(docs/assets/javascripts/practice.js, ts-fsrs) survives a rebuild.
"""

DECKS = ("glossary", "lines", "questions")


def cards(book, lang: str) -> list[dict]:
    return [*_glossary(book, lang), *_lines(book, lang), *_questions(book, lang)]


def _glossary(book, lang: str) -> list[dict]:
    return [{"id": f"term:{t.id}", "deck": "glossary", "front": t.term[lang], "back": t.definition[lang]}
            for t in sorted(book.of_kind("term"), key=lambda t: t.id)]


def _lines(book, lang: str) -> list[dict]:
    out = []
    for script in sorted([*book.of_kind("script"), *book.of_kind("talktrack")], key=lambda s: s.id):
        for k, avoid in enumerate(script.avoid):
            say = script.say[k % len(script.say)]
            out.append({"id": f"line:{script.id}:{k}", "deck": "lines", "context": script.title[lang],
                        "options": [say[lang], avoid.line[lang]], "right": 0, "back": avoid.why[lang]})
    return out


def _questions(book, lang: str) -> list[dict]:
    return [{"id": f"quiz:{quiz.id}:{k}", "deck": "questions", "front": q.question[lang], "back": q.answer[lang]}
            for quiz in sorted(book.of_kind("quiz"), key=lambda q: q.id) for k, q in enumerate(quiz.questions)]
