"""The demo cahier de textes and homework: three weeks back and one week ahead of maths for 4A
(Claire Martin) and 6B (Julien Noël) at Collège Jean Moulin, written through homework-service's API
by the teachers themselves (both have the demo password). Called by deploy/local/demo-data;
idempotent: a class whose cahier de textes already holds "Démo" entries is left as it is.

On each Monday, Wednesday and Thursday of those weeks: an entry of the cahier de textes (published
for past days, a draft prepared ahead for the coming ones) and, from it, work due at the next maths
lesson (an exercise, a reading, or revising for the test on Thursdays); every other Monday the
work is a hand-in. The CPE stamps each teacher's cahier de textes with a visa on the last Friday.
"""
import datetime
import time

DAYS = (0, 2, 3)  # Monday, Wednesday, Thursday
CHAPTERS = ["Nombres relatifs", "Fractions", "Proportionnalité", "Équations", "Géométrie : triangles",
            "Statistiques", "Puissances", "Calcul littéral"]


def _wait(api, path, what, seconds=180):
    """homework-service learns classes and teachers from identity's events: wait for them."""
    deadline = time.time() + seconds
    while True:
        _, status = api.call("GET", path, ok=(200, 404))
        if status == 200:
            return
        if time.time() > deadline:
            raise SystemExit(f"homework-service never learnt of {what} ({path})")
        time.sleep(1)


def _lesson_days(today):
    start = today - datetime.timedelta(days=today.weekday() + 21)
    days = [start + datetime.timedelta(days=d) for d in range(35)]
    return [d for d in days if d.weekday() in DAYS]


def load_class(teacher, class_id, code, today):
    """The class's maths cahier de textes and work; returns how many entries were written (0: already there)."""
    _wait(teacher, f"/api/homework/classes/{class_id}/log", f"class {code}")
    days = _lesson_days(today)
    existing, _ = teacher.call("GET", f"/api/homework/classes/{class_id}/log?from={days[0]}&to={days[-1]}")
    if any(e["title"].startswith("Démo") for e in existing):
        return 0
    for i, day in enumerate(days):
        chapter = CHAPTERS[(i // 3) % len(CHAPTERS)]
        entry, _ = teacher.call("POST", "/api/homework/log-entries", {
            "classGroupId": class_id, "subject": "MATHS", "lessonOn": day.isoformat(),
            "title": f"Démo – {chapter}", "content": f"Cours : {chapter.lower()}. Exercices faits en classe.",
            "published": day <= today}, ok=(201,))
        if i + 1 >= len(days):
            break
        due = days[i + 1]
        kind, minutes, title = ("EXERCISE", 20, f"Exercices – {chapter}")
        if day.weekday() == 3:
            kind, minutes, title = ("TEST_REVISION", 45, f"Réviser le contrôle – {chapter}")
        elif day.weekday() == 2:
            kind, minutes, title = ("READING", 15, "Relire la leçon")
        elif (day.isocalendar()[1] % 2) == 0:
            kind, minutes, title = ("HAND_IN", 40, f"Devoir maison – {chapter}")
        visible = datetime.datetime.combine(day, datetime.time(17, 0)).astimezone().isoformat()
        teacher.call("POST", "/api/homework/works", {
            "classGroupId": class_id, "subject": "MATHS", "logEntryId": entry["id"], "dueOn": due.isoformat(),
            "kind": kind, "title": title, "instructions": "Voir le cahier de textes de la séance.",
            "estimatedMinutes": minutes, "visibleFrom": visible}, ok=(201,))
    return len(days)


def load_school(tokens, staff, school, classes, teacher_id_of):
    """tokens: class code -> the Api of its maths teacher (signed in); staff: the CPE's Api."""
    today = datetime.date.today()
    last_friday = today - datetime.timedelta(days=(today.weekday() - 4) % 7 or 7)
    for code, teacher in tokens.items():
        class_id = classes.get(code)
        if class_id is None:
            print(f"homework: no class {code}, skipped")
            continue
        made = load_class(teacher, class_id, code, today)
        if made:
            staff.call("POST", f"/api/homework/classes/{class_id}/visas", {
                "teacherId": teacher_id_of[code], "stampedOn": last_friday.isoformat(),
                "comment": "Cahier de textes tenu à jour."}, ok=(201,))
        print(f"homework of {code}: {made} lessons written" if made else f"homework of {code}: already there")
