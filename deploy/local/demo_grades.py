"""The demo marks: a first trimester of marks for a few classes of Collège Jean Moulin (4A and 6B),
entered and published through grades-service's API by the school's CPE in the name of each class's
teachers (the demo teachers have no password but Claire Martin; staff may set an assessment naming
its teacher). Called by deploy/local/demo-data; idempotent: a class whose trimester already holds
demo assessments is left as it is.

Each class gets its "1er trimestre" period (1 September to 18 December, locked after it), and for
each subject taught to it two assessments in September-November (a test ×2 on 20, a quiz ×1 on 10),
published at once and shown to pupils and guardians the same day. Marks follow each pupil's level
(seeded: the same run gives the same marks), in steps of 0.5; about one pupil in thirty is absent.
After the trimester is locked nothing can be added: the script says so and leaves the class alone.
"""
import datetime
import random
import time

TRIMESTER = ("1er trimestre", "2026-09-01", "2026-12-18")
# (title, day of the trimester it is held, coefficient, scale)
ASSESSMENTS = [("Démo – Contrôle", 30, 2, 20), ("Démo – Interrogation", 55, 1, 10)]


def _wait(api, path, what, seconds=180):
    """grades-service learns classes and pupils from identity's events: wait for them."""
    deadline = time.time() + seconds
    while True:
        _, status = api.call("GET", path, ok=(200, 404))
        if status == 200:
            return
        if time.time() > deadline:
            raise SystemExit(f"grades-service never learnt of {what} ({path})")
        time.sleep(1)


def _trimester(staff, school, class_id, school_year):
    name, starts, ends = TRIMESTER
    periods, _ = staff.call("GET", f"/api/grades/schools/{school}/periods?classGroupId={class_id}")
    for p in periods:
        if p["name"] == name and p.get("classGroupId") == class_id:
            return p["id"]
    made, _ = staff.call("POST", f"/api/grades/schools/{school}/periods", {
        "schoolYear": school_year, "classGroupId": class_id, "name": name, "startsOn": starts, "endsOn": ends,
        "locksOn": ends}, ok=(201,))
    return made["id"]


def school_trimester(staff, school, school_year):
    """The whole school's "1er trimestre" (a school with no class periods: the big bench school)."""
    name, starts, ends = TRIMESTER
    periods, _ = staff.call("GET", f"/api/grades/schools/{school}/periods")
    for p in periods:
        if p["name"] == name and p.get("classGroupId") is None:
            return p["id"]
    made, _ = staff.call("POST", f"/api/grades/schools/{school}/periods", {
        "schoolYear": school_year, "name": name, "startsOn": starts, "endsOn": ends, "locksOn": ends}, ok=(201,))
    return made["id"]


def load_class(staff, school, class_id, code, school_year, rnd, period=None):
    """The class's trimester of marks (in its own period, or the one given); returns how many
    assessments were published (0: already there or locked)."""
    _wait(staff, f"/api/grades/classes/{class_id}/assessments", f"class {code}")
    today = datetime.date.today()
    if today > datetime.date.fromisoformat(TRIMESTER[2]):
        print(f"grades of {code}: the {TRIMESTER[0]} is over and locked, nothing added")
        return 0
    period = period or _trimester(staff, school, class_id, school_year)
    existing, _ = staff.call("GET", f"/api/grades/classes/{class_id}/assessments?periodId={period}")
    if any(a["title"].startswith("Démo") for a in existing):
        return 0
    assignments, _ = staff.call("GET", f"/api/identity/classes/{class_id}/teaching-assignments")
    teachers = {a["subject"]: a["teacherId"] for a in assignments}
    pupils, _ = staff.call("GET", f"/api/identity/classes/{class_id}/pupils")
    level = {p["id"]: rnd.uniform(7, 17) for p in pupils}
    first = datetime.date.fromisoformat(TRIMESTER[1])
    made = 0
    for subject in sorted(teachers):
        for title, day, coefficient, scale in ASSESSMENTS:
            held = first + datetime.timedelta(days=day + rnd.randint(0, 10))
            held = min(held, today)
            assessment, _ = staff.call("POST", "/api/grades/assessments", {
                "classGroupId": class_id, "subject": subject, "teacherId": teachers[subject], "title": title,
                "heldOn": held.isoformat(), "coefficient": coefficient, "scale": scale,
                "pupilsOn": today.isoformat(), "guardianDelayDays": 0}, ok=(201,))
            marks = []
            for pupil in sorted(level):
                if rnd.random() < 1 / 30:
                    marks.append({"pupilId": pupil, "marker": "ABSENT"})
                    continue
                out_of_20 = max(0.0, min(20.0, rnd.gauss(level[pupil], 2.5)))
                value = round(out_of_20 * scale / 20 * 2) / 2
                marks.append({"pupilId": pupil, "value": min(value, scale)})
            # a pupil identity just enrolled may not be known to grades yet: retry for a while
            deadline = time.time() + 120
            while True:
                _, status = staff.call("PUT", f"/api/grades/assessments/{assessment['id']}/marks", {"marks": marks},
                                       ok=(200, 400))
                if status == 200:
                    break
                if time.time() > deadline:
                    raise SystemExit(f"grades-service refused the marks of {code} {subject}")
                time.sleep(1)
            staff.call("POST", f"/api/grades/assessments/{assessment['id']}/publish")
            made += 1
    return made


def load_school(staff, school, class_ids, codes, school_year, seed=2026, period=None):
    """A trimester of marks for each of these classes (codes) of the school (in each class's period,
    or in the school's period given)."""
    rnd = random.Random(seed)
    for code in codes:
        if code not in class_ids:
            print(f"grades: no class {code}, skipped")
            continue
        made = load_class(staff, school, class_ids[code], code, school_year, rnd, period)
        print(f"grades of {code}: {made} assessments published" if made else f"grades of {code}: already there")
