"""The demo schools' timetables, loaded through timetable-service's API by each school's staff (the
zone holidays by the platform admin). Called by deploy/local/demo-data; idempotent: a school whose
timetable already holds demo lessons is left as it is.

Each class gets a full week from tomorrow to the end of the school year: Monday, Tuesday, Thursday
and Friday (M1-S4) and Wednesday morning, its subjects' hours with the teachers identity gives it,
in its own room (EPS: none, and its two hours one double lesson, e.g. M1-M2: 21 lessons).
Wednesday afternoon stays free: the end-to-end suite plans its own lessons there. Claire Martin teaches her six classes on Mondays, one after the other (the
teacher absence benchmark: 6 lessons, ~170 pupils, ~300 guardians). Science alternates on weeks A and B
in the 3es. A few changes are made afterwards, two weeks ahead (no notification goes out for them).
"""
import datetime
import time
from zoneinfo import ZoneInfo

SLOTS = [("M1", "08:00", "08:55"), ("M2", "09:00", "09:55"), ("M3", "10:05", "11:00"), ("M4", "11:05", "12:00"),
         ("S1", "13:30", "14:25"), ("S2", "14:30", "15:25"), ("S3", "15:35", "16:30"), ("S4", "16:35", "17:30")]
DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"]
# (day, slot) of a week: every slot but Wednesday afternoon
WEEK = [(d, s[0]) for s in SLOTS for d in DAYS if not (d == "WEDNESDAY" and s[0].startswith("S"))]
# two slots in a row with no lunch between: where a double lesson (EPS) may go
PAIRS = [("M1", "M2"), ("M3", "M4"), ("S1", "S2"), ("S3", "S4")]
DOUBLE = {"EPS"}
HOURS = {"FRANCAIS": 4, "MATHS": 4, "HIST-GEO": 3, "ANGLAIS": 3, "SVT": 2, "PHYS-CHI": 2, "EPS": 2, "TECHNO": 2}
NAMES = {"FRANCAIS": "Français", "MATHS": "Mathématiques", "HIST-GEO": "Histoire-géographie",
         "ANGLAIS": "Anglais", "SVT": "SVT", "PHYS-CHI": "Physique-chimie", "EPS": "EPS", "TECHNO": "Technologie"}
# The 2026-2027 school holidays as announced (zones A, B, C); the admin loads a zone's once a year.
COMMON = [("Vacances de la Toussaint", "2026-10-17", "2026-11-01"), ("Vacances de Noël", "2026-12-19", "2027-01-03")]
ZONE_HOLIDAYS = {
    "A": COMMON + [("Vacances d'hiver", "2027-02-13", "2027-02-28"), ("Vacances de printemps", "2027-04-10", "2027-04-25")],
    "B": COMMON + [("Vacances d'hiver", "2027-02-20", "2027-03-07"), ("Vacances de printemps", "2027-04-17", "2027-05-02")],
    "C": COMMON + [("Vacances d'hiver", "2027-02-06", "2027-02-21"), ("Vacances de printemps", "2027-04-03", "2027-04-18")],
}
PARIS = ZoneInfo("Europe/Paris")


def wait_until(api, path, what, seconds=180):
    """timetable learns schools, classes and teachers from identity's events: wait for them, as any
    client of a new school would."""
    deadline = time.time() + seconds
    while True:
        _, status = api.call("GET", path, ok=(200, 404))
        if status == 200:
            return
        if time.time() > deadline:
            raise SystemExit(f"timetable-service never learnt of {what} ({path})")
        time.sleep(1)


def ensure_calendar(staff, school, zone, year, starts, ends):
    cal, status = staff.call("GET", f"/api/timetable/schools/{school}/calendar", ok=(200, 404))
    if status == 404 or not cal.get("zone"):
        staff.call("PUT", f"/api/timetable/schools/{school}/calendar", {
            "zone": zone, "dayStartsAt": "08:00", "dayEndsAt": "18:00", "afternoonStartsAt": "12:30"})
    first = datetime.date.fromisoformat(starts)
    last = datetime.date.fromisoformat(ends)
    weeks, day = [], first
    while day <= last:
        weeks.append(day.isocalendar()[1])
        day += datetime.timedelta(weeks=1)
    # week A / week B alternate from the first week of the year
    staff.call("PUT", f"/api/timetable/schools/{school}/calendar/years/{year}", {
        "startsOn": starts, "endsOn": ends, "weeksA": weeks[0::2], "weeksB": weeks[1::2]})
    have = {s["code"] for s in (cal or {}).get("slots", [])} if status == 200 else set()
    if have != {s[0] for s in SLOTS}:
        staff.call("PUT", f"/api/timetable/schools/{school}/calendar/slots", {
            "slots": [{"code": c, "startsAt": a, "endsAt": b} for c, a, b in SLOTS]})


def ensure_rooms(staff, school, names):
    have, _ = staff.call("GET", f"/api/timetable/schools/{school}/rooms")
    rooms = {r["name"]: r["id"] for r in have}
    for name in names:
        if name not in rooms:
            room, _ = staff.call("POST", f"/api/timetable/schools/{school}/rooms", {"name": name, "capacity": 30})
            rooms[name] = room["id"]
    return rooms


def plan(classes, assignments, fixed):
    """A greedy week: each class's subject hours placed on the first slot (in an order shifted per
    class, spread over the days) where the class and its teacher are free. `fixed`: placements made
    first, (class, subject) -> [(day, slot)]. A subject of DOUBLE with two hours is one lesson over
    two slots in a row (PAIRS) when the class and its teacher have such a pair free."""
    busy = set()  # (who, day, slot) for classes and teachers
    lessons = []  # (class, subject, teacher, day, slot, recurrence, last slot or None)

    def place(code, subject, teacher, day, slot, recurrence="WEEKLY", end=None):
        for s in (slot, end) if end else (slot,):
            busy.add((code, day, s))
            busy.add((teacher, day, s))
        lessons.append((code, subject, teacher, day, slot, recurrence, end))

    for (code, subject), places in fixed.items():
        for day, slot in places:
            place(code, subject, assignments[code][subject], day, slot)
    for i, code in enumerate(classes):
        order = WEEK[i * 5 % len(WEEK):] + WEEK[:i * 5 % len(WEEK)]
        for subject, hours in sorted(HOURS.items(), key=lambda h: -h[1]):
            teacher = assignments[code].get(subject)
            if teacher is None:
                continue
            hours -= len(fixed.get((code, subject), []))
            if subject in DOUBLE and hours == 2:
                pair = next(((day, first, last) for day, first in order for f, last in PAIRS
                             if f == first and (day, last) in WEEK
                             and all((who, day, s) not in busy for who in (code, teacher) for s in (first, last))), None)
                if pair:
                    place(code, subject, teacher, pair[0], pair[1], end=pair[2])
                    continue
            days_used = set()
            for day, slot in order:
                if hours == 0:
                    break
                free = (code, day, slot) not in busy and (teacher, day, slot) not in busy
                if free and day not in days_used:
                    days_used.add(day)
                    hours -= 1
                    # the 3es' science: one of the two hours alternates (SVT week A, physics week B)
                    if code.startswith("3") and subject == "SVT" and hours == 0 and "PHYS-CHI" in assignments[code]:
                        place(code, subject, teacher, day, slot, "WEEK_A")
                        busy.add((assignments[code]["PHYS-CHI"], day, slot))
                        lessons.append((code, "PHYS-CHI", assignments[code]["PHYS-CHI"], day, slot, "WEEK_B", None))
                    else:
                        place(code, subject, teacher, day, slot)
            if hours > 0:
                raise SystemExit(f"demo timetable: no room left in the week for {code} {subject}")
    return lessons


def load_school(admin, staff, school, zone, year, starts, ends, class_ids, first_teacher_day=None):
    """Loads one school's timetable; returns the lessons made as (class, subject, id), none when the
    school had its timetable already."""
    wait_until(staff, f"/api/timetable/schools/{school}/rooms", "the school")
    ensure_calendar(staff, school, zone, year, starts, ends)
    admin.call("PUT", f"/api/timetable/zones/{zone}/years/{year}/holidays", {
        "holidays": [{"name": n, "startsOn": a, "endsOn": b} for n, a, b in ZONE_HOLIDAYS[zone]]})
    existing, _ = staff.call("GET", f"/api/timetable/schools/{school}/lessons")
    if any(lesson["subject"] in NAMES.values() for lesson in existing):
        return []
    codes = sorted(class_ids)
    rooms = ensure_rooms(staff, school, [f"Salle {101 + i}" for i in range(len(codes))])
    room_of = {code: rooms[f"Salle {101 + i}"] for i, code in enumerate(codes)}
    assignments = {}
    for code in codes:
        listed, _ = staff.call("GET", f"/api/identity/classes/{class_ids[code]}/teaching-assignments")
        assignments[code] = {a["subject"]: a["teacherId"] for a in listed}
    teachers = {t for a in assignments.values() for t in a.values()}
    for code in codes:
        wait_until(staff, f"/api/timetable/classes/{class_ids[code]}/week", f"class {code}")
    for teacher in teachers:
        wait_until(staff, f"/api/timetable/teachers/{teacher}/week", f"teacher {teacher}")
    fixed = {}
    if first_teacher_day:
        # one teacher's six classes on Mondays, M1 to S2
        slots = iter(SLOTS)
        for code in first_teacher_day:
            fixed[(code, "MATHS")] = [("MONDAY", next(slots)[0])]
    tomorrow = (datetime.datetime.now(PARIS).date() + datetime.timedelta(days=1))
    first_day = max(tomorrow, datetime.date.fromisoformat(starts))
    if first_day > datetime.date.fromisoformat(ends):
        return []  # after the end of the school year: nothing left to plan
    made = []
    for code, subject, teacher, day, slot, recurrence, end in plan(codes, assignments, fixed):
        lesson, _ = staff.call("POST", f"/api/timetable/schools/{school}/lessons", {
            "subject": NAMES[subject], "teacherIds": [teacher], "classIds": [class_ids[code]],
            "roomId": None if subject == "EPS" else room_of[code], "slot": slot, "endSlot": end,
            "recurrence": recurrence, "dayOfWeek": day, "startsOn": first_day.isoformat()})
        made.append((code, subject, lesson["id"]))
    return made


def first_occurrence_after(staff, lesson_id, after, weeks=6):
    day = after
    for _ in range(weeks * 7):
        _, status = staff.call("GET", f"/api/timetable/lessons/{lesson_id}/occurrences/{day.isoformat()}", ok=(200, 404))
        if status == 200:
            return day
        day += datetime.timedelta(days=1)
    return None


def a_few_changes(staff, school, made, substitute):
    """Changes two weeks ahead, beyond the 7 days in which families are told: 4A's first French lesson
    cancelled, its technology in the last room, a 3A history lesson given to a substitute (a change
    refused because the room or the teacher is taken then is skipped)."""
    later = datetime.datetime.now(PARIS).date() + datetime.timedelta(days=14)
    by = {(code, subject): lesson for code, subject, lesson in made}
    rooms, _ = staff.call("GET", f"/api/timetable/schools/{school}/rooms")
    last_room = max(rooms, key=lambda r: r["name"])["id"]
    changes = [("4A", "FRANCAIS", "cancel", {"scope": "THIS"}),
               ("4A", "TECHNO", "room", {"roomId": last_room, "scope": "THIS"}),
               ("3A", "HIST-GEO", "substitute", {"teacherId": substitute, "scope": "THIS"})]
    for code, subject, action, body in changes:
        lesson = by.get((code, subject))
        day = lesson and first_occurrence_after(staff, lesson, later)
        if day:
            staff.call("POST", f"/api/timetable/lessons/{lesson}/occurrences/{day.isoformat()}/{action}", body,
                       ok=(200, 409))
