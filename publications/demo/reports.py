"""Demo reports: a dozen publications of the observatory (work plan 2021, tasks 6 and 11) in
English, translated into French and Spanish where a PDF exists in that language, each with
small PDFs drawn at load time.

Every text is given as (English, French, Spanish); the PDFs carry the text of their language,
so the search finds a report by words that only its PDF contains."""

import datetime
import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from fpdf import FPDF
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.demo.images import draw_image
from core.localize import translate
from publications.models import (
    ReportAuthor,
    ReportIndexPage,
    ReportPage,
    ReportPdf,
    ReportRelatedPage,
)
from taxonomy.models import Topic

LANGUAGES = ("en", "fr", "es")
ORG = "organisation"
PERSON = "person"
IOPD = "International Observatory on Participatory Democracy"
SECRETARIAT = "IOPD Technical Secretariat"

INDEX = {
    "slug": ("reports", "rapports", "informes"),
    "title": ("Reports and studies", "Rapports et études", "Informes y estudios"),
    "introduction": (
        "The annual reports, special reports, studies and guides of the observatory, with "
        "the experiences they study.",
        "Les rapports annuels, rapports spéciaux, études et guides de l'observatoire, avec "
        "les expériences qu'ils étudient.",
        "Los informes anuales, informes especiales, estudios y guías del observatorio, con "
        "las experiencias que estudian.",
    ),
}

# The observatory in one paragraph, closing every PDF.
ABOUT = (
    "The International Observatory on Participatory Democracy is a network of local and "
    "regional governments, research centres and civil-society organisations that work to "
    "defend, impulse and improve local democracy. It has collaborated with United Cities and "
    "Local Governments since 2006.",
    "L'Observatoire international de la démocratie participative est un réseau de "
    "gouvernements locaux et régionaux, de centres de recherche et d'organisations de la "
    "société civile qui défendent, impulsent et améliorent la démocratie locale. Il collabore "
    "avec Cités et Gouvernements Locaux Unis depuis 2006.",
    "El Observatorio Internacional de la Democracia Participativa es una red de gobiernos "
    "locales y regionales, centros de investigación y organizaciones de la sociedad civil que "
    "defienden, impulsan y mejoran la democracia local. Colabora con Ciudades y Gobiernos "
    "Locales Unidos desde 2006.",
)

REPORTS = [
    {
        "slug": ("annual-report-2020", "rapport-annuel-2020", "informe-anual-2020"),
        "type": "annual",
        "date": datetime.date(2021, 3, 15),
        "title": ("Annual report 2020", "Rapport annuel 2020", "Informe anual 2020"),
        "abstract": (
            "A year marked by the COVID-19 pandemic: how the observatory adapted its work plan "
            "and wove a network of solidarity among local governments.",
            "Une année marquée par la pandémie de COVID-19 : comment l'observatoire a adapté "
            "son plan de travail et tissé un réseau de solidarité entre gouvernements locaux.",
            "Un año marcado por la pandemia de COVID-19: cómo el observatorio adaptó su plan de "
            "trabajo y tejió una red de solidaridad entre gobiernos locales.",
        ),
        "paragraph": (
            "Much of the 2020 work plan could not be carried out and was extended to 2021; the "
            "repository of experiences and the Best Practice Award went on online.",
            "Une grande partie du plan de travail 2020 n'a pu être réalisée et a été prolongée "
            "en 2021 ; le répertoire d'expériences et le Prix de bonne pratique ont continué "
            "en ligne.",
            "Gran parte del plan de trabajo 2020 no pudo realizarse y se prorrogó a 2021; el "
            "repositorio de experiencias y el Premio de buena práctica continuaron en línea.",
        ),
        "authors": [(ORG, SECRETARIAT, IOPD)],
        "topics": ["participatory-budgeting", "transparency"],
        "keywords": ["annual report", "COVID-19"],
        "pdfs": ("en", "fr", "es"),
        "isbn": "978-84-123456-0-5",
        "related": ["porto-alegre-participatory-budgeting", "iberian-get-together-2021"],
    },
    {
        "slug": ("annual-report-2021", "rapport-annuel-2021", "informe-anual-2021"),
        "type": "annual",
        "date": datetime.date(2022, 2, 10),
        "title": ("Annual report 2021", "Rapport annuel 2021", "Informe anual 2021"),
        "abstract": (
            "The year of the 20th conference in Cocody: new members, the 15th Best Practice "
            "Award and the thematic priorities of climate and gender.",
            "L'année de la 20e conférence à Cocody : nouveaux membres, 15e Prix de bonne "
            "pratique et les priorités thématiques du climat et du genre.",
            "El año de la 20.ª conferencia en Cocody: nuevos miembros, el 15.º Premio de buena "
            "práctica y las prioridades temáticas del clima y el género.",
        ),
        "paragraph": (
            "The general assembly extended the priorities of climate change mitigation and the "
            "gender perspective, and added youth participation and sortition.",
            "L'assemblée générale a prolongé les priorités de l'atténuation du changement "
            "climatique et de la perspective de genre, et a ajouté la participation des jeunes "
            "et le tirage au sort.",
            "La asamblea general prorrogó las prioridades de la mitigación del cambio climático "
            "y la perspectiva de género, y añadió la participación juvenil y el sorteo.",
        ),
        "authors": [(ORG, SECRETARIAT, IOPD), (PERSON, "Martínez Soler, Laura", "")],
        "topics": ["climate", "gender"],
        "keywords": ["annual report", "conference"],
        "pdfs": ("en", "fr", "es"),
        "isbn": "978-84-123456-1-2",
        "doi": "10.5555/iopd.2022.1",
        "related": ["conference-2021"],
    },
    {
        "slug": (
            "climate-change-and-participation",
            "changement-climatique-et-participation",
            "cambio-climatico-y-participacion",
        ),
        "type": "special",
        "date": datetime.date(2021, 4, 20),
        "title": (
            "Citizen participation in climate change mitigation",
            "La participation citoyenne dans l'atténuation du changement climatique",
            "La participación ciudadana en la mitigación del cambio climático",
        ),
        "abstract": (
            "Climate assemblies, participatory budgets for green projects and neighbourhood "
            "energy plans: what residents bring to cutting emissions.",
            "Assemblées pour le climat, budgets participatifs verts et plans énergétiques de "
            "quartier : ce que les habitants apportent à la baisse des émissions.",
            "Asambleas climáticas, presupuestos participativos verdes y planes energéticos de "
            "barrio: lo que los vecinos aportan a la reducción de emisiones.",
        ),
        "paragraph": (
            "Measures decided with residents are better understood and last longer; "
            "deliberation also brings unexpected proposals on mobility and housing.",
            "Les mesures décidées avec les habitants sont mieux comprises et durent plus "
            "longtemps ; la délibération apporte aussi des propositions inattendues sur la "
            "mobilité et le logement.",
            "Las medidas decididas con los vecinos se entienden mejor y duran más; la "
            "deliberación también aporta propuestas inesperadas sobre movilidad y vivienda.",
        ),
        "authors": [(PERSON, "Jean-Pierre Diallo", "Université de Montréal", "fr")],
        "topics": ["climate", "environment"],
        "keywords": ["climate assembly", "emissions"],
        "pdfs": ("en", "fr"),
        "doi": "10.5555/iopd.2021.3",
        "related": ["east-belgium-citizens-dialogue"],
    },
    {
        "slug": ("gender-perspective", "perspective-de-genre", "perspectiva-de-genero"),
        "type": "special",
        "date": datetime.date(2021, 11, 25),
        "title": (
            "The gender perspective in citizen participation",
            "La perspective de genre dans la participation citoyenne",
            "La perspectiva de género en la participación ciudadana",
        ),
        "abstract": (
            "Who speaks in assemblies, who can attend at seven in the evening, who is asked: "
            "a review of how local governments make participation equal.",
            "Qui prend la parole dans les assemblées, qui peut venir à dix-neuf heures, qui "
            "est consulté : comment les gouvernements locaux rendent la participation égale.",
            "Quién habla en las asambleas, quién puede asistir a las siete de la tarde, a quién "
            "se consulta: cómo los gobiernos locales hacen igualitaria la participación.",
        ),
        "paragraph": (
            "Childcare during meetings, quotas in drawn panels and budgets earmarked for "
            "women's proposals change who takes part.",
            "La garde d'enfants pendant les réunions, les quotas dans les panels tirés au "
            "sort et les budgets réservés aux propositions des femmes changent qui participe.",
            "El cuidado infantil durante las reuniones, las cuotas en los paneles sorteados y "
            "los presupuestos reservados a propuestas de mujeres cambian quién participa.",
        ),
        "authors": [
            (PERSON, "Amina Ouédraogo", "IOPD"),
            (PERSON, "García Ruiz, Tomás", "Universidad de Sevilla", "es"),
        ],
        "topics": ["gender"],
        "keywords": ["women", "equality"],
        "pdfs": ("en", "es"),
        "licence": "cc-by-sa-4.0",
        "related": ["porto-alegre-participatory-budgeting"],
    },
    {
        "slug": ("sortition-and-diversity", "tirage-au-sort-et-diversite", "sorteo-y-diversidad"),
        "type": "special",
        "date": datetime.date(2022, 5, 12),
        "title": (
            "Sortition and the diversity of people in local democracy",
            "Le tirage au sort et la diversité des personnes dans la démocratie locale",
            "El sorteo y la diversidad de las personas en la democracia local",
        ),
        "abstract": (
            "Drawing lots brings people who never attend a meeting into local decisions: "
            "lessons from permanent citizens' councils and one-off assemblies.",
            "Le tirage au sort fait entrer dans les décisions locales des personnes qui ne "
            "viennent jamais aux réunions : leçons des conseils citoyens permanents et des "
            "assemblées ponctuelles.",
            "El sorteo lleva a las decisiones locales a personas que nunca asisten a una "
            "reunión: lecciones de los consejos ciudadanos permanentes y de las asambleas "
            "puntuales.",
        ),
        "paragraph": (
            "A stratified draw by age, gender, neighbourhood and education gives a panel that "
            "looks like the town; paying members makes it possible for all to accept.",
            "Un tirage stratifié par âge, genre, quartier et niveau d'études donne un panel "
            "qui ressemble à la ville ; indemniser les membres permet à toutes et à tous "
            "d'accepter.",
            "Un sorteo estratificado por edad, género, barrio y estudios da un panel que se "
            "parece a la ciudad; compensar a los miembros permite que todos acepten.",
        ),
        "authors": [(ORG, IOPD, ""), (PERSON, "Kwame Mensah", "University of Ghana")],
        "topics": ["sortition"],
        "keywords": ["citizens' assembly", "sortition"],
        "pdfs": ("en", "fr", "es"),
        "isbn": "978-84-123456-2-9",
        "related": ["east-belgium-citizens-dialogue", "sortition-workshop"],
    },
    {
        "slug": (
            "participatory-budgeting-for-the-youth",
            "budget-participatif-pour-les-jeunes",
            "presupuesto-participativo-para-jovenes",
        ),
        "type": "special",
        "date": datetime.date(2021, 9, 15),
        "title": (
            "Participatory budgeting for the youth",
            "Le budget participatif des jeunes",
            "El presupuesto participativo joven",
        ),
        "abstract": (
            "Young people propose, campaign and vote for projects in their schools and "
            "neighbourhoods: twelve cities compare their youth participatory budgets.",
            "Les jeunes proposent, font campagne et votent pour des projets dans leurs écoles "
            "et leurs quartiers : douze villes comparent leurs budgets participatifs jeunes.",
            "Los jóvenes proponen, hacen campaña y votan proyectos en sus escuelas y barrios: "
            "doce ciudades comparan sus presupuestos participativos jóvenes.",
        ),
        "paragraph": (
            "Voting from the age of twelve, ballots in schools and a budget that young people "
            "manage themselves make the process their own.",
            "Voter dès douze ans, des urnes dans les écoles et un budget géré par les jeunes "
            "eux-mêmes font du processus le leur.",
            "Votar desde los doce años, urnas en las escuelas y un presupuesto gestionado por "
            "los propios jóvenes hacen suyo el proceso.",
        ),
        "authors": [(PERSON, "Lucía Fernández", "Red de Presupuestos Participativos", "es")],
        "topics": ["youth-participatory-budgeting"],
        "keywords": ["youth", "schools"],
        "pdfs": ("es", "en"),
        "related": ["youth-participatory-budget"],
    },
    {
        "slug": (
            "digital-democratic-innovation",
            "innovation-democratique-numerique",
            "innovacion-democratica-digital",
        ),
        "type": "study",
        "date": datetime.date(2022, 9, 30),
        "title": (
            "Democratic innovation through digital technologies",
            "L'innovation démocratique par le numérique",
            "La innovación democrática a través de las tecnologías digitales",
        ),
        "abstract": (
            "Open-source platforms let cities run proposals, debates and votes online; this "
            "study asks who they reach and how they combine with meetings in person.",
            "Des plateformes libres permettent aux villes d'organiser propositions, débats et "
            "votes en ligne ; cette étude demande qui elles touchent et comment elles se "
            "combinent avec les réunions en personne.",
            "Las plataformas de código abierto permiten a las ciudades organizar propuestas, "
            "debates y votaciones en línea; este estudio pregunta a quién llegan y cómo se "
            "combinan con las reuniones presenciales.",
        ),
        "paragraph": (
            "Digital tools widen participation when they are paired with assisted access "
            "points in libraries and civic centres.",
            "Les outils numériques élargissent la participation lorsqu'ils s'accompagnent de "
            "points d'accès assistés dans les bibliothèques et les centres civiques.",
            "Las herramientas digitales amplían la participación cuando se acompañan de puntos "
            "de acceso asistido en bibliotecas y centros cívicos.",
        ),
        "authors": [
            (PERSON, "Marta Puig", "Universitat de Barcelona", "ca"),
            (ORG, SECRETARIAT, ""),
        ],
        "topics": ["digital-democracy"],
        "keywords": ["open source", "online voting"],
        "pdfs": ("en",),
        "licence": "cc-by-nc-4.0",
        "related": [],
    },
    {
        "slug": ("legal-frameworks", "cadres-juridiques", "marcos-juridicos"),
        "type": "study",
        "date": datetime.date(2020, 10, 5),
        "title": (
            "Legal frameworks to institutionalise participatory policies",
            "Les cadres juridiques pour institutionnaliser les politiques participatives",
            "Los marcos jurídicos para institucionalizar las políticas participativas",
        ),
        "abstract": (
            "Laws and by-laws that make participation last beyond one mandate: a comparison "
            "of national laws and municipal regulations in three continents.",
            "Lois et règlements qui font durer la participation au-delà d'un mandat : une "
            "comparaison des lois nationales et des règlements municipaux sur trois "
            "continents.",
            "Leyes y reglamentos que hacen durar la participación más allá de un mandato: una "
            "comparación de leyes nacionales y reglamentos municipales en tres continentes.",
        ),
        "paragraph": (
            "A participation regulation adopted by the council protects a process from a "
            "change of majority, but must leave room to improve it.",
            "Un règlement de participation adopté par le conseil protège un processus d'un "
            "changement de majorité, mais doit laisser la place de l'améliorer.",
            "Un reglamento de participación aprobado por el pleno protege un proceso de un "
            "cambio de mayoría, pero debe dejar espacio para mejorarlo.",
        ),
        "authors": [(PERSON, "Claire Dubois", "Sciences Po Lyon", "fr")],
        "topics": ["legal-frameworks"],
        "keywords": ["law", "regulation"],
        "pdfs": ("fr", "es"),
        "licence": "all-rights-reserved",
        "related": [],
    },
    {
        "slug": (
            "collaboration-between-members",
            "collaboration-entre-membres",
            "colaboracion-entre-miembros",
        ),
        "type": "study",
        "date": datetime.date(2021, 12, 1),
        "title": (
            "How members collaborate: decentralised cooperation in the network",
            "Comment les membres collaborent : la coopération décentralisée dans le réseau",
            "Cómo colaboran los miembros: la cooperación descentralizada en la red",
        ),
        "abstract": (
            "Workshops, joint evaluations and shared virtual offices: the forms of "
            "collaboration between members, their incentives and the resources they need.",
            "Ateliers, évaluations conjointes et bureaux virtuels partagés : les formes de "
            "collaboration entre membres, leurs motivations et les ressources nécessaires.",
            "Talleres, evaluaciones conjuntas y oficinas virtuales compartidas: las formas de "
            "colaboración entre miembros, sus incentivos y los recursos que necesitan.",
        ),
        "paragraph": (
            "Peer evaluation between two cities works best with a shared method and a visit "
            "in each direction.",
            "L'évaluation entre pairs de deux villes fonctionne mieux avec une méthode "
            "commune et une visite dans chaque sens.",
            "La evaluación entre pares de dos ciudades funciona mejor con un método común y "
            "una visita en cada sentido.",
        ),
        "authors": [(ORG, SECRETARIAT, IOPD)],
        "topics": ["transparency"],
        "keywords": ["cooperation", "peer evaluation"],
        "pdfs": ("en",),
        "related": ["iberian-get-together-2021"],
    },
    {
        "slug": (
            "best-practice-award-guide",
            "guide-prix-bonne-pratique",
            "guia-premio-buena-practica",
        ),
        "type": "guide",
        "date": datetime.date(2021, 1, 20),
        "title": (
            "Guide to the Best Practice Award",
            "Guide du Prix de bonne pratique",
            "Guía del Premio de buena práctica",
        ),
        "abstract": (
            "How to apply for the IOPD Best Practice Award: the criteria, the calendar and "
            "how the jury evaluates the candidacies.",
            "Comment candidater au Prix de bonne pratique de l'OIDP : les critères, le "
            "calendrier et la manière dont le jury évalue les candidatures.",
            "Cómo presentarse al Premio de buena práctica del OIDP: los criterios, el "
            "calendario y cómo el jurado evalúa las candidaturas.",
        ),
        "paragraph": (
            "Candidacies describe the process, its results and how citizens took part in "
            "designing and evaluating it.",
            "Les candidatures décrivent le processus, ses résultats et la manière dont les "
            "citoyens ont participé à sa conception et à son évaluation.",
            "Las candidaturas describen el proceso, sus resultados y cómo la ciudadanía "
            "participó en su diseño y evaluación.",
        ),
        "authors": [(ORG, IOPD, "")],
        "topics": ["participatory-budgeting"],
        "keywords": ["award", "evaluation"],
        "pdfs": ("en", "fr", "es"),
        "related": ["conference-2021"],
    },
    {
        "slug": (
            "agenda-for-local-democracy",
            "agenda-pour-la-democratie-locale",
            "agenda-para-la-democracia-local",
        ),
        "type": "guide",
        "date": datetime.date(2020, 6, 1),
        "title": (
            "An agenda for local democracy",
            "Un agenda pour la démocratie locale",
            "Una agenda para la democracia local",
        ),
        "abstract": (
            "The observatory's reference guide for local governments that want to develop "
            "democracy: ten commitments, from transparency to deliberation.",
            "Le guide de référence de l'observatoire pour les gouvernements locaux qui "
            "veulent développer la démocratie : dix engagements, de la transparence à la "
            "délibération.",
            "La guía de referencia del observatorio para los gobiernos locales que quieren "
            "desarrollar la democracia: diez compromisos, de la transparencia a la "
            "deliberación.",
        ),
        "paragraph": (
            "Democracy is in crisis in many countries; local governments have a key role in "
            "developing democratic innovations and defending human rights.",
            "La démocratie est en crise dans de nombreux pays ; les gouvernements locaux ont "
            "un rôle clé dans le développement des innovations démocratiques et la défense "
            "des droits humains.",
            "La democracia está en crisis en muchos países; los gobiernos locales tienen un "
            "papel clave en el desarrollo de innovaciones democráticas y la defensa de los "
            "derechos humanos.",
        ),
        "authors": [(ORG, IOPD, ""), (ORG, "United Cities and Local Governments", "")],
        "topics": ["legal-frameworks", "transparency"],
        "keywords": ["local democracy", "human rights"],
        "pdfs": ("en", "fr", "es"),
        "isbn": "978-2-912345-60-8",
        "related": [],
    },
    {
        "slug": (
            "participation-in-times-of-pandemic",
            "participation-en-temps-de-pandemie",
            "participacion-en-tiempos-de-pandemia",
        ),
        "type": "special",
        "date": datetime.date(2020, 12, 10),
        "title": (
            "Participation in times of pandemic",
            "La participation en temps de pandémie",
            "La participación en tiempos de pandemia",
        ),
        "abstract": (
            "How local governments kept residents involved during the COVID-19 lockdowns: "
            "online assemblies, telephone panels and neighbourhood support networks.",
            "Comment les gouvernements locaux ont gardé les habitants impliqués pendant les "
            "confinements : assemblées en ligne, panels téléphoniques et réseaux d'entraide de "
            "quartier.",
            "Cómo los gobiernos locales mantuvieron implicados a los vecinos durante los "
            "confinamientos: asambleas en línea, paneles telefónicos y redes vecinales de "
            "apoyo.",
        ),
        "paragraph": (
            "Where participation stopped, trust fell; where it moved online with telephone "
            "alternatives, the most isolated residents were still heard.",
            "Là où la participation s'est arrêtée, la confiance a baissé ; là où elle est "
            "passée en ligne avec des alternatives téléphoniques, les habitants les plus isolés "
            "ont encore été entendus.",
            "Donde la participación se detuvo, la confianza cayó; donde pasó a línea con "
            "alternativas telefónicas, los vecinos más aislados siguieron siendo escuchados.",
        ),
        "authors": [(PERSON, "Sofia Almeida", "Universidade de Coimbra", "pt")],
        "topics": ["public-services", "health"],
        "keywords": ["COVID-19", "online assemblies"],
        "pdfs": ("en", "es"),
        "related": [],
    },
]

TYPE_LABELS = {
    "annual": ("Annual report", "Rapport annuel", "Informe anual"),
    "special": ("Special report", "Rapport spécial", "Informe especial"),
    "study": ("Study", "Étude", "Estudio"),
    "guide": ("Guide", "Guide", "Guía"),
}

# The core PDF fonts speak Latin-1: typographic punctuation becomes its plain form.
_LATIN1 = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "..."})


def _latin1(text):
    return text.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1")


def draw_pdf(item, position):
    """A two-page report in the language at `position` of LANGUAGES, as bytes."""
    pdf = FPDF(format="A4")
    pdf.set_title(_latin1(item["title"][position]))
    pdf.set_creation_date(datetime.datetime(2021, 1, 1, tzinfo=datetime.UTC))
    pdf.set_margins(25, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 20)
    pdf.multi_cell(0, 10, _latin1(item["title"][position]))
    pdf.ln(4)
    pdf.set_font("Helvetica", "", 12)
    authors = ", ".join(name for _kind, name, *_rest in item["authors"])
    type_label = TYPE_LABELS[item["type"]][position]
    pdf.multi_cell(0, 7, _latin1(f"{type_label} - {item['date'].year} - {authors}"))
    pdf.ln(6)
    for text in (item["abstract"][position], item["paragraph"][position]):
        pdf.multi_cell(0, 7, _latin1(text))
        pdf.ln(4)
    pdf.add_page()
    pdf.multi_cell(0, 7, _latin1(ABOUT[position]))
    return bytes(pdf.output())


def cover_image(item):
    """A portrait cover drawn from the slug, created once and found again on later runs."""
    Image = get_image_model()
    title = f"Cover: {item['title'][0]}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title)
    image.file = ImageFile(draw_image(item["slug"][0], size=(600, 848)), name="cover.jpg")
    image.save()
    return image


def pdf_document(item, language):
    """The report's PDF in `language`, drawn once and found again by its title on later runs."""
    Document = get_document_model()
    position = LANGUAGES.index(language)
    title = f"{item['title'][0]} (PDF, {language})"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    data = draw_pdf(item, position)
    document = Document(title=title, file_size=len(data))
    document.file_hash = hashlib.sha1(data).hexdigest()
    document.file.save(f"{item['slug'][position]}-{language}.pdf", ContentFile(data), save=False)
    document.save()
    return document


def strings(items, position):
    """Source segment -> translation, for every text of `items`."""
    found = {}
    for item in items:
        for key in ("slug", "title", "abstract", "introduction", "paragraph"):
            if key in item:
                found[item[key][0]] = item[key][position]
    return found


def create_report(index, item, default):
    existing = index.get_children().filter(slug=item["slug"][0]).first()
    if existing:
        return existing.specific
    related = Page.objects.filter(slug__in=item["related"], locale=default)
    page = ReportPage(
        slug=item["slug"][0],
        locale=index.locale,
        title=item["title"][0],
        report_type=item["type"],
        publication_date=item["date"],
        abstract=item["abstract"][0],
        cover_image=cover_image(item),
        isbn=item.get("isbn", ""),
        doi=item.get("doi", ""),
        licence=item.get("licence", "cc-by-4.0"),
        body=json.dumps([{"type": "paragraph", "value": f"<p>{item['paragraph'][0]}</p>"}]),
        topics=list(Topic.objects.filter(slug__in=item["topics"], locale=default)),
        authors=[
            # The language of the names, when it is not the source language.
            ReportAuthor(
                kind=kind,
                name=name,
                affiliation=affiliation,
                language=language[0] if language else "",
                sort_order=order,
            )
            for order, (kind, name, affiliation, *language) in enumerate(item["authors"])
        ],
        pdfs=[
            ReportPdf(language=language, document=pdf_document(item, language), sort_order=order)
            for order, language in enumerate(item["pdfs"])
        ],
        related=[
            ReportRelatedPage(page=page, sort_order=order) for order, page in enumerate(related)
        ],
    )
    page.keywords.add(*item["keywords"])
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def load(home):
    """Create what is missing of the reports index and its reports, in every language."""
    # Each save would rebuild the page's references a dozen times; once at the end is enough.
    with disable_reference_index_auto_update():
        pages = _load(home)
    for page in pages:
        ReferenceIndex.create_or_update_for_object(page)
    return pages[0]


def _load(home):
    default = Locale.get_default()
    index = home.get_children().filter(slug=INDEX["slug"][0]).first()
    if index is None:
        index = ReportIndexPage(
            slug=INDEX["slug"][0],
            locale=home.locale,
            title=INDEX["title"][0],
            introduction=INDEX["introduction"][0],
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    index = index.specific
    reports = [create_report(index, item, default) for item in REPORTS]
    translations = []
    for locale in Locale.objects.exclude(pk=default.pk):
        if locale.language_code not in LANGUAGES:
            continue
        texts = strings([INDEX, *REPORTS], LANGUAGES.index(locale.language_code))
        # A report's page is translated into the languages it is published in.
        published = [
            page
            for page, item in zip(reports, REPORTS, strict=True)
            if locale.language_code in item["pdfs"]
        ]
        for page in [index, *published]:
            if not page.has_translation(locale):
                translations.append(translate(page, locale, texts))
    return [index, *reports, *translations]
