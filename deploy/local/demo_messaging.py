"""The demo messages of Collège Jean Moulin, written through messaging-service's API by the demo
people themselves (each signs in with the demo password): Sophie Dubois writes to Claire Martin
about a school trip and Claire answers; Claire writes to the parents of 4A; Léa asks Claire about
an exercise; the CPE sends the families of 4A an information to acknowledge. Called by
deploy/local/demo-data; idempotent: nothing is written when Claire already holds a demo message.
"""
import time

PREFIX = "Démo – "


def _wait_for_directory(api, school, seconds=180):
    """messaging-service learns the school and its people from identity's events: wait for them."""
    deadline = time.time() + seconds
    while True:
        _, status = api.call("GET", f"/api/messaging/schools/{school}/rules", ok=(200, 404))
        if status == 200:
            return
        if time.time() > deadline:
            raise SystemExit(f"messaging-service never learnt of school {school}")
        time.sleep(1)


def _to(person):
    return {"personId": person["id"]}


def _send(api, school, subject, body, to):
    sent, _ = api.call("POST", "/api/messaging/messages",
                       {"schoolId": school, "subject": PREFIX + subject, "body": body, "to": to}, ok=(201,))
    return sent["message"]["id"]


def load(as_person, school, people, class4A):
    """as_person(key) -> an Api signed in as that demo person ("claire", "sophie", "lea", "cpe")."""
    claire = as_person("claire")
    _wait_for_directory(claire, school)
    sent, _ = claire.call("GET", "/api/messaging/mailbox?box=SENT&size=100")
    if any(m["subject"].startswith(PREFIX) for m in sent["items"]):
        print("messages of Jean Moulin: already there")
        return 0
    sophie, lea, cpe = as_person("sophie"), as_person("lea"), as_person("cpe")
    trip = _send(sophie, school, "Sortie au musée", "Bonjour Madame Martin,\n\nLéa pourra-t-elle rejoindre le groupe "
                 "directement au musée jeudi ? Merci.\n\nSophie Dubois", [_to(people["claire"])])
    claire.call("POST", f"/api/messaging/messages/{trip}/read", ok=(204,))
    claire.call("POST", f"/api/messaging/messages/{trip}/reply",
                {"body": "Bonjour Madame Dubois,\n\nOui, rendez-vous à 9 h devant l'entrée.\n\nClaire Martin", "all": False},
                ok=(201,))
    _send(claire, school, "Réunion parents-professeurs",
          "Bonjour,\n\nLa réunion parents-professeurs de 4A aura lieu jeudi 17 décembre à partir de 17 h.",
          [{"group": "PARENTS", "classGroupId": class4A}])
    _send(lea, school, "Exercice 4", "Bonjour Madame, je n'ai pas compris l'exercice 4 de la page 52.",
          [_to(people["claire"])])
    cpe.call("POST", f"/api/messaging/schools/{school}/broadcasts",
             {"subject": PREFIX + "Photo de classe", "body": "La photo de classe aura lieu mardi matin. "
              "Merci de confirmer la lecture de cette information.", "classIds": [class4A]}, ok=(201,))
    print("messages of Jean Moulin: 4 messages and 1 information to acknowledge")
    return 5
