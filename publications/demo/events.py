"""The demo agenda: the events of part 4 of the 2021 work plan, in English with their French and
Spanish translations, plus one workshop ahead of today so the home page has an upcoming event.

Dates the work plan leaves open ("spring 2021", "TBC") are marked "to be confirmed"."""

import datetime
import json
from zoneinfo import ZoneInfo

from wagtail.models import Locale

from publications.models import EventPage
from taxonomy.models import Country, Topic

IOPD = ("organiser", "International Observatory on Participatory Democracy", "https://oidp.net")
UCLG = ("partner", "United Cities and Local Governments", "https://www.uclg.org")


def at(year, month, day, hour=0, minute=0, zone="Europe/Madrid"):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(zone))


EVENTS = [
    {
        "title": "Call for candidacies to the 15th IOPD Award",
        "slug": "award-call-2021",
        "event_type": "other",
        "start": at(2021, 2, 1),
        "end": at(2021, 3, 31),
        "all_day": True,
        "attendance_mode": "online",
        "online_url": "https://oidp.net/en/award.php",
        "summary": (
            "Local governments present the participatory experiences they are proudest of to "
            "the Best Practice Award in Citizen Participation."
        ),
        "organisers": [IOPD],
    },
    {
        "title": "Presentation of the publication on climate change and participation",
        "slug": "climate-publication-session-2021",
        "event_type": "webinar",
        "status": "tbc",
        "start": at(2021, 3, 25, 16, 0),
        "end": at(2021, 3, 25, 17, 30),
        "attendance_mode": "online",
        "online_url": "https://oidp.net/en/",
        "summary": "Authors and member cities discuss how citizens take part in climate policy.",
        "topics": ["climate"],
        "organisers": [IOPD],
    },
    {
        "title": "Call for sessions of the 20th conference",
        "slug": "conference-sessions-call-2021",
        "event_type": "other",
        "status": "tbc",
        "start": at(2021, 4, 1),
        "end": at(2021, 4, 30),
        "all_day": True,
        "attendance_mode": "online",
        "online_url": "https://oidp.net/en/",
        "summary": "Members propose the sessions they want to run at the annual conference.",
        "organisers": [IOPD],
    },
    {
        "title": "Executive Bureau of UCLG",
        "slug": "uclg-executive-bureau-2021",
        "event_type": "meeting",
        "status": "tbc",
        "start": at(2021, 5, 5),
        "all_day": True,
        "attendance_mode": "online",
        "online_url": "https://www.uclg.org",
        "summary": "The observatory reports on its work plan to the governing body of UCLG.",
        "organisers": [
            ("organiser", "United Cities and Local Governments", "https://www.uclg.org")
        ],
    },
    {
        "title": "Workshop on the gender perspective in participation",
        "slug": "gender-workshop-2021",
        "event_type": "workshop",
        "status": "tbc",
        "start": at(2021, 5, 20, 15, 0),
        "end": at(2021, 5, 20, 17, 0),
        "attendance_mode": "online",
        "online_url": "https://oidp.net/en/",
        "summary": "Members collect the practices that widen who takes part in local democracy.",
        "topics": ["gender"],
        "organisers": [IOPD],
    },
    {
        "title": "Iberian get-together on democracy and participatory budgeting",
        "slug": "iberian-get-together-2021",
        "event_type": "conference",
        "start": at(2021, 6, 1, zone="Europe/Lisbon"),
        "end": at(2021, 6, 3, zone="Europe/Lisbon"),
        "time_zone": "Europe/Lisbon",
        "all_day": True,
        "city": "Lisbon",
        "country": "PT",
        "summary": "Cities of Spain and Portugal meet to compare their participatory budgets.",
        "topics": ["participatory-budgeting"],
        "organisers": [IOPD],
    },
    {
        "title": "20th conference of the observatory",
        "slug": "conference-2021",
        "event_type": "conference",
        "status": "tbc",
        "start": at(2021, 8, 24, 9, 0, zone="Africa/Abidjan"),
        "end": at(2021, 8, 26, 18, 0, zone="Africa/Abidjan"),
        "time_zone": "Africa/Abidjan",
        "attendance_mode": "hybrid",
        "city": "Cocody, Abidjan",
        "country": "CI",
        "online_url": "https://oidp.net/en/",
        "registration_url": "https://oidp.net/en/",
        "registration_deadline": datetime.date(2021, 8, 10),
        "summary": "The annual conference, the award ceremony and the general assembly.",
        "topics": ["climate", "gender"],
        "programme": [
            ("2021-08-24", "09:30", "11:00", "Opening plenary", ["Host city", "IOPD presidency"]),
            ("2021-08-25", "17:00", "18:30", "Winners of the 15th IOPD Award", ["Award jury"]),
            ("2021-08-26", "10:00", "13:00", "General assembly 2021", ["Member governments"]),
        ],
        "organisers": [("organiser", "Municipality of Cocody", ""), IOPD, UCLG],
    },
    {
        "title": "Workshop on the state of local democracy with International IDEA",
        "slug": "idea-uclg-workshop-2021",
        "event_type": "workshop",
        "status": "tbc",
        "start": at(2021, 10, 6, 15, 0),
        "end": at(2021, 10, 6, 17, 0),
        "attendance_mode": "online",
        "online_url": "https://www.idea.int",
        "summary": "How to measure local democracy, for the report of UCLG and International IDEA.",
        "topics": ["legal-frameworks"],
        "organisers": [UCLG, ("partner", "International IDEA", "https://www.idea.int")],
    },
    {
        "title": "World Council of UCLG",
        "slug": "uclg-world-council-2021",
        "event_type": "meeting",
        "status": "tbc",
        "start": at(2021, 11, 17),
        "all_day": True,
        "attendance_mode": "online",
        "online_url": "https://www.uclg.org",
        "summary": (
            "The observatory presents its year to the world organisation of local governments."
        ),
        "organisers": [
            ("organiser", "United Cities and Local Governments", "https://www.uclg.org")
        ],
    },
    {
        "title": "Workshop on sortition and diversity",
        "slug": "sortition-workshop",
        "event_type": "workshop",
        "start": at(2030, 3, 12, 14, 0),
        "end": at(2030, 3, 12, 17, 0),
        "attendance_mode": "online",
        "online_url": "https://oidp.net/en/",
        "summary": "How drawing lots brings a more diverse public into local democracy.",
        "topics": ["sortition"],
        "organisers": [IOPD],
    },
]


def _programme(sessions):
    return json.dumps(
        [
            {
                "type": "session",
                "value": {
                    "day": day,
                    "start": start,
                    "end": end,
                    "title": title,
                    "speakers": speakers,
                    "room": "",
                },
            }
            for day, start, end, title, speakers in sessions
        ]
    )


def _organisers(items):
    return json.dumps(
        [{"type": kind, "value": {"name": name, "url": url}} for kind, name, url in items]
    )


def ensure_events(command, agenda):
    """Adds the missing demo events under `agenda` through load_demo's idempotent `child`."""
    default = Locale.get_default()
    for item in EVENTS:
        fields = {
            key: value
            for key, value in item.items()
            if key not in {"slug", "topics", "programme", "organisers", "country"}
        }
        if item.get("country"):
            fields["country"] = Country.objects.get(code=item["country"])
        command.child(
            agenda,
            EventPage,
            item["slug"],
            programme=_programme(item.get("programme", [])),
            organisers=_organisers(item.get("organisers", [])),
            topics=Topic.objects.filter(slug__in=item.get("topics", []), locale=default),
            **fields,
        )


_IOPD_FR = "Observatoire international de la démocratie participative"
_IOPD_ES = "Observatorio Internacional de la Democracia Participativa"
_UCLG_FR = "Cités et Gouvernements Locaux Unis"
_UCLG_ES = "Ciudades y Gobiernos Locales Unidos"

TRANSLATIONS = {
    "fr": {
        "International Observatory on Participatory Democracy": _IOPD_FR,
        "United Cities and Local Governments": _UCLG_FR,
        "International IDEA": "IDEA International",
        "Municipality of Cocody": "Mairie de Cocody",
        "Call for candidacies to the 15th IOPD Award": "Appel à candidatures au 15e Prix OIDP",
        "award-call-2021": "appel-prix-2021",
        "Local governments present the participatory experiences they are proudest of to "
        "the Best Practice Award in Citizen Participation.": (
            "Les gouvernements locaux présentent au Prix de bonne pratique en participation "
            "citoyenne les expériences participatives dont ils sont le plus fiers."
        ),
        "Presentation of the publication on climate change and participation": (
            "Présentation de la publication sur le changement climatique et la participation"
        ),
        "climate-publication-session-2021": "presentation-publication-climat-2021",
        "Authors and member cities discuss how citizens take part in climate policy.": (
            "Auteurs et villes membres débattent de la participation citoyenne aux politiques "
            "climatiques."
        ),
        "Call for sessions of the 20th conference": "Appel à sessions pour la 20e conférence",
        "conference-sessions-call-2021": "appel-sessions-conference-2021",
        "Members propose the sessions they want to run at the annual conference.": (
            "Les membres proposent les sessions qu'ils souhaitent animer à la conférence annuelle."
        ),
        "Executive Bureau of UCLG": "Bureau exécutif de CGLU",
        "uclg-executive-bureau-2021": "bureau-executif-cglu-2021",
        "The observatory reports on its work plan to the governing body of UCLG.": (
            "L'observatoire rend compte de son plan de travail à l'organe directeur de CGLU."
        ),
        "Workshop on the gender perspective in participation": (
            "Atelier sur la perspective de genre dans la participation"
        ),
        "gender-workshop-2021": "atelier-genre-2021",
        "Members collect the practices that widen who takes part in local democracy.": (
            "Les membres recueillent les pratiques qui élargissent la participation à la "
            "démocratie locale."
        ),
        "Iberian get-together on democracy and participatory budgeting": (
            "Rencontre ibérique sur la démocratie et le budget participatif"
        ),
        "iberian-get-together-2021": "rencontre-iberique-2021",
        "Lisbon": "Lisbonne",
        "Cities of Spain and Portugal meet to compare their participatory budgets.": (
            "Des villes d'Espagne et du Portugal se réunissent pour comparer leurs budgets "
            "participatifs."
        ),
        "20th conference of the observatory": "20e conférence de l'observatoire",
        "conference-2021": "conference-2021",
        "Cocody, Abidjan": "Cocody, Abidjan",
        "The annual conference, the award ceremony and the general assembly.": (
            "La conférence annuelle, la remise du prix et l'assemblée générale."
        ),
        "Opening plenary": "Séance plénière d'ouverture",
        "Host city": "Ville hôte",
        "IOPD presidency": "Présidence de l'OIDP",
        "Winners of the 15th IOPD Award": "Lauréats du 15e Prix OIDP",
        "Award jury": "Jury du prix",
        "General assembly 2021": "Assemblée générale 2021",
        "Member governments": "Gouvernements membres",
        "Workshop on the state of local democracy with International IDEA": (
            "Atelier sur l'état de la démocratie locale avec IDEA International"
        ),
        "idea-uclg-workshop-2021": "atelier-idea-cglu-2021",
        "How to measure local democracy, for the report of UCLG and International IDEA.": (
            "Comment mesurer la démocratie locale, pour le rapport de CGLU et d'IDEA International."
        ),
        "World Council of UCLG": "Conseil mondial de CGLU",
        "uclg-world-council-2021": "conseil-mondial-cglu-2021",
        "The observatory presents its year to the world organisation of local governments.": (
            "L'observatoire présente son année à l'organisation mondiale des gouvernements locaux."
        ),
        "Workshop on sortition and diversity": "Atelier sur le tirage au sort et la diversité",
        "sortition-workshop": "atelier-tirage-au-sort",
        "How drawing lots brings a more diverse public into local democracy.": (
            "Comment le tirage au sort amène un public plus divers dans la démocratie locale."
        ),
    },
    "es": {
        "International Observatory on Participatory Democracy": _IOPD_ES,
        "United Cities and Local Governments": _UCLG_ES,
        "International IDEA": "IDEA Internacional",
        "Municipality of Cocody": "Alcaldía de Cocody",
        "Call for candidacies to the 15th IOPD Award": (
            "Convocatoria de candidaturas al 15.º Premio OIDP"
        ),
        "award-call-2021": "convocatoria-premio-2021",
        "Local governments present the participatory experiences they are proudest of to "
        "the Best Practice Award in Citizen Participation.": (
            "Los gobiernos locales presentan al Premio de Buena Práctica en Participación "
            "Ciudadana las experiencias participativas de las que más se enorgullecen."
        ),
        "Presentation of the publication on climate change and participation": (
            "Presentación de la publicación sobre cambio climático y participación"
        ),
        "climate-publication-session-2021": "presentacion-publicacion-clima-2021",
        "Authors and member cities discuss how citizens take part in climate policy.": (
            "Autores y ciudades miembro debaten cómo participa la ciudadanía en la política "
            "climática."
        ),
        "Call for sessions of the 20th conference": (
            "Convocatoria de sesiones de la 20.ª conferencia"
        ),
        "conference-sessions-call-2021": "convocatoria-sesiones-conferencia-2021",
        "Members propose the sessions they want to run at the annual conference.": (
            "Los miembros proponen las sesiones que quieren organizar en la conferencia anual."
        ),
        "Executive Bureau of UCLG": "Buró Ejecutivo de CGLU",
        "uclg-executive-bureau-2021": "buro-ejecutivo-cglu-2021",
        "The observatory reports on its work plan to the governing body of UCLG.": (
            "El observatorio rinde cuentas de su plan de trabajo ante el órgano de gobierno de "
            "CGLU."
        ),
        "Workshop on the gender perspective in participation": (
            "Taller sobre la perspectiva de género en la participación"
        ),
        "gender-workshop-2021": "taller-genero-2021",
        "Members collect the practices that widen who takes part in local democracy.": (
            "Los miembros recogen las prácticas que amplían quién participa en la democracia local."
        ),
        "Iberian get-together on democracy and participatory budgeting": (
            "Encuentro ibérico sobre democracia y presupuesto participativo"
        ),
        "iberian-get-together-2021": "encuentro-iberico-2021",
        "Lisbon": "Lisboa",
        "Cities of Spain and Portugal meet to compare their participatory budgets.": (
            "Ciudades de España y Portugal se reúnen para comparar sus presupuestos participativos."
        ),
        "20th conference of the observatory": "20.ª conferencia del observatorio",
        "conference-2021": "conferencia-2021",
        "Cocody, Abidjan": "Cocody, Abiyán",
        "The annual conference, the award ceremony and the general assembly.": (
            "La conferencia anual, la entrega del premio y la asamblea general."
        ),
        "Opening plenary": "Plenaria de apertura",
        "Host city": "Ciudad anfitriona",
        "IOPD presidency": "Presidencia del OIDP",
        "Winners of the 15th IOPD Award": "Ganadores del 15.º Premio OIDP",
        "Award jury": "Jurado del premio",
        "General assembly 2021": "Asamblea general 2021",
        "Member governments": "Gobiernos miembro",
        "Workshop on the state of local democracy with International IDEA": (
            "Taller sobre el estado de la democracia local con IDEA Internacional"
        ),
        "idea-uclg-workshop-2021": "taller-idea-cglu-2021",
        "How to measure local democracy, for the report of UCLG and International IDEA.": (
            "Cómo medir la democracia local, para el informe de CGLU e IDEA Internacional."
        ),
        "World Council of UCLG": "Consejo Mundial de CGLU",
        "uclg-world-council-2021": "consejo-mundial-cglu-2021",
        "The observatory presents its year to the world organisation of local governments.": (
            "El observatorio presenta su año a la organización mundial de los gobiernos locales."
        ),
        "Workshop on sortition and diversity": "Taller sobre sorteo y diversidad",
        "sortition-workshop": "taller-sorteo",
        "How drawing lots brings a more diverse public into local democracy.": (
            "Cómo el sorteo acerca a un público más diverso a la democracia local."
        ),
    },
}
