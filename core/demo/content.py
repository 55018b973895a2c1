"""Demo content: English sources plus their French and Spanish translations.

Pages are written in English and translated through wagtail-localize, exactly as editors and
translators will work, so the demo exercises the real translation path."""

import datetime

HOME = {
    "title": "Home",
    "slug": "home",
    "hero_heading": "Participatory democracy, city by city",
    "hero_intro": (
        "A network of local and regional governments, research centres and civil-society "
        "organisations that share what works in citizen participation."
    ),
    "featured_heading": "Featured experiences",
    "news_heading": "Latest news",
    "events_heading": "Next events",
}

ABOUT = {
    "title": "About the observatory",
    "slug": "about",
    "introduction": (
        "The International Observatory on Participatory Democracy is a network of cities, "
        "regions, research centres and civil-society organisations that defend and improve "
        "local democracy."
    ),
    "paragraphs": [
        "Since 2006 the observatory has worked with United Cities and Local Governments to "
        "make participation part of how local governments decide.",
        "Its members share experiences, evaluate practices through the Best Practice Award "
        "and learn from each other in seminars and conferences.",
    ],
}

EXPERIENCE_INDEX = {
    "title": "Repository of experiences",
    "slug": "experiences",
    "introduction": "Participatory-democracy experiences described with the people who run them.",
}

EXPERIENCES = [
    {
        "title": "Participatory budgeting in Porto Alegre",
        "slug": "porto-alegre-participatory-budgeting",
        "summary": (
            "Residents of Porto Alegre decide each year how part of the municipal investment "
            "budget is spent, through neighbourhood and thematic assemblies."
        ),
        "place": "Porto Alegre, Rio Grande do Sul",
        "country": "BR",
        "latitude": "-30.03465",
        "longitude": "-51.21766",
        "start_year": 1989,
        "ongoing": True,
        "population": 1332000,
        "level": "municipal",
        "topics": ["participatory-budgeting", "transparency"],
        "mechanisms": ["participatory-budgeting", "neighbourhood-assembly"],
        "groups": ["general-public", "low-income"],
        "paragraphs": [
            "Assemblies in each district set priorities and elect delegates to a city council "
            "of the budget.",
        ],
        # Only what the text above says: "each year", "elect delegates", "part of the
        # municipal investment budget".
        "coding": {
            "frequency": "periodic",
            "recruitment": ["elected-delegates"],
            "funding_sources": ["own-budget"],
        },
    },
    {
        "title": "Permanent citizens' dialogue in East Belgium",
        "slug": "east-belgium-citizens-dialogue",
        "summary": (
            "A citizens' council drawn by lot sets the agenda of citizens' assemblies whose "
            "recommendations the parliament of the German-speaking Community must answer."
        ),
        "place": "Eupen, German-speaking Community of Belgium",
        "country": "BE",
        "latitude": "50.62790",
        "longitude": "6.03540",
        "start_year": 2019,
        "ongoing": True,
        "population": 78000,
        "level": "regional",
        "topics": ["sortition", "legal-frameworks"],
        "mechanisms": ["citizens-assembly", "advisory-council"],
        "groups": ["general-public"],
        "paragraphs": [
            "Sortition brings people into the process who would not volunteer for it.",
        ],
        # "Permanent", "recommendations the parliament ... must answer".
        "coding": {"frequency": "permanent", "decision_power": "co-decides"},
    },
    {
        "title": "Youth participatory budget",
        "slug": "youth-participatory-budget",
        "summary": (
            "Young people aged 12 to 25 propose and vote on projects for their city with a "
            "budget reserved for them."
        ),
        "place": "Cascais, Lisbon",
        "country": "PT",
        "latitude": "38.69790",
        "longitude": "-9.42146",
        "start_year": 2011,
        "ongoing": False,
        "end_year": 2019,
        "population": 214000,
        "level": "municipal",
        "budget": ("150000", "EUR"),
        "topics": ["youth-participatory-budgeting"],
        "mechanisms": ["participatory-budgeting"],
        "groups": ["youth"],
        "paragraphs": [
            "Schools and youth associations helped young people write their proposals.",
        ],
    },
]

NEWS_INDEX = {
    "title": "News",
    "slug": "news",
    "introduction": "News from the observatory and its members.",
}

NEWS = [
    {
        "title": "Call for candidacies to the Best Practice Award",
        "slug": "award-call-for-candidacies",
        "date": datetime.date(2021, 2, 1),
        "topics": ["participatory-budgeting"],
        "summary": "Local governments can submit their participatory experiences until April.",
        "paragraphs": ["A jury of members evaluates every candidacy."],
    },
    {
        "title": "Climate change and citizen participation",
        "slug": "climate-change-and-participation",
        "date": datetime.date(2021, 3, 15),
        "topics": ["climate", "environment"],
        "summary": "A session presents the observatory's publication on participation and climate.",
        "paragraphs": ["Cities shared how citizens' assemblies shaped their climate plans."],
    },
    {
        "title": "Gender perspective in citizen participation",
        "slug": "gender-perspective",
        "date": datetime.date(2021, 5, 10),
        "topics": ["gender", "social-inclusion"],
        "summary": "Members prepare a workshop on the gender perspective in participation.",
        "paragraphs": ["The workshop will collect practices that widen who takes part."],
    },
    {
        "title": "Iberian get-together on democracy and participatory budgeting",
        "slug": "iberian-get-together",
        "date": datetime.date(2021, 6, 4),
        "topics": ["participatory-budgeting"],
        "summary": "Three days of exchange between cities of Spain and Portugal.",
        "paragraphs": ["Participants compared the rules of their participatory budgets."],
    },
]

EVENT_INDEX = {
    "title": "Agenda",
    "slug": "agenda",
    "introduction": "Conferences, seminars and workshops of the network.",
}

COLLECTION = {
    "title": "Youth participation in Latin America",
    "slug": "youth-latin-america",
    "introduction": "Experiences from Latin America and the Caribbean that give young people "
    "a say in public decisions, updated as the repository grows.",
    "topics": ["youth"],
    "regions": ["latin_america"],
    "scope": "all",
}

FOOTER_TEXT = (
    "The International Observatory on Participatory Democracy works with United Cities "
    "and Local Governments."
)
FOOTER = f"<p>{FOOTER_TEXT}</p>"
CONTACT_EMAIL = "info@oidp.net"
# Words to translate: the address is part of the footer text, one per language.
CONTACT_ADDRESS = "Technical secretariat\nBarcelona"
# The address as a translation segment: wagtail-localize writes its line breaks as <br/>.
ADDRESS_SEGMENT = CONTACT_ADDRESS.replace("\n", "<br/>")

# Menu labels are the page titles, translated with the pages.
MAIN_MENU = ["experiences", "members", "reports", "news", "agenda", "about"]
FOOTER_MENU = ["award", "members", "opendata", "about"]

TRANSLATIONS = {
    "fr": {
        "Home": "Accueil",
        "home": "accueil",
        "Participatory democracy, city by city": "La démocratie participative, ville par ville",
        "A network of local and regional governments, research centres and civil-society "
        "organisations that share what works in citizen participation.": (
            "Un réseau de gouvernements locaux et régionaux, de centres de recherche et "
            "d'organisations de la société civile qui partagent ce qui fonctionne en "
            "participation citoyenne."
        ),
        "Featured experiences": "Expériences à la une",
        "Latest news": "Dernières actualités",
        "Next events": "Prochains événements",
        "About the observatory": "À propos de l'observatoire",
        "about": "a-propos",
        "The International Observatory on Participatory Democracy is a network of cities, "
        "regions, research centres and civil-society organisations that defend and improve "
        "local democracy.": (
            "L'Observatoire international de la démocratie participative est un réseau de "
            "villes, de régions, de centres de recherche et d'organisations de la société "
            "civile qui défendent et améliorent la démocratie locale."
        ),
        "Since 2006 the observatory has worked with United Cities and Local Governments to "
        "make participation part of how local governments decide.": (
            "Depuis 2006, l'observatoire travaille avec Cités et Gouvernements Locaux Unis pour "
            "que la participation fasse partie des décisions des gouvernements locaux."
        ),
        "Its members share experiences, evaluate practices through the Best Practice Award "
        "and learn from each other in seminars and conferences.": (
            "Ses membres partagent leurs expériences, évaluent les pratiques grâce au Prix de "
            "bonne pratique et apprennent les uns des autres lors de séminaires et de "
            "conférences."
        ),
        "Repository of experiences": "Répertoire d'expériences",
        "experiences": "experiences",
        "Participatory-democracy experiences described with the people who run them.": (
            "Des expériences de démocratie participative décrites avec celles et ceux qui les "
            "mènent."
        ),
        "Participatory budgeting in Porto Alegre": "Le budget participatif de Porto Alegre",
        "porto-alegre-participatory-budgeting": "budget-participatif-porto-alegre",
        "Residents of Porto Alegre decide each year how part of the municipal investment "
        "budget is spent, through neighbourhood and thematic assemblies.": (
            "Les habitants de Porto Alegre décident chaque année de l'utilisation d'une partie "
            "du budget d'investissement municipal, lors d'assemblées de quartier et "
            "thématiques."
        ),
        "Porto Alegre, Rio Grande do Sul": "Porto Alegre, Rio Grande do Sul",
        "Assemblies in each district set priorities and elect delegates to a city council "
        "of the budget.": (
            "Les assemblées de chaque district fixent les priorités et élisent des délégués à "
            "un conseil municipal du budget."
        ),
        "Permanent citizens' dialogue in East Belgium": (
            "Le dialogue citoyen permanent en Belgique de l'Est"
        ),
        "east-belgium-citizens-dialogue": "dialogue-citoyen-belgique-est",
        "A citizens' council drawn by lot sets the agenda of citizens' assemblies whose "
        "recommendations the parliament of the German-speaking Community must answer.": (
            "Un conseil citoyen tiré au sort fixe l'ordre du jour d'assemblées citoyennes "
            "dont le parlement de la Communauté germanophone doit examiner les "
            "recommandations."
        ),
        "Eupen, German-speaking Community of Belgium": (
            "Eupen, Communauté germanophone de Belgique"
        ),
        "Sortition brings people into the process who would not volunteer for it.": (
            "Le tirage au sort fait participer des personnes qui ne se porteraient pas volontaires."
        ),
        "Youth participatory budget": "Budget participatif des jeunes",
        "youth-participatory-budget": "budget-participatif-jeunes",
        "Young people aged 12 to 25 propose and vote on projects for their city with a "
        "budget reserved for them.": (
            "Les jeunes de 12 à 25 ans proposent et votent des projets pour leur ville avec un "
            "budget qui leur est réservé."
        ),
        "Cascais, Lisbon": "Cascais, Lisbonne",
        "Schools and youth associations helped young people write their proposals.": (
            "Les écoles et les associations de jeunesse ont aidé les jeunes à rédiger leurs "
            "propositions."
        ),
        "News": "Actualités",
        "news": "actualites",
        "News from the observatory and its members.": (
            "Les actualités de l'observatoire et de ses membres."
        ),
        "Call for candidacies to the Best Practice Award": (
            "Appel à candidatures au Prix de bonne pratique"
        ),
        "award-call-for-candidacies": "prix-appel-a-candidatures",
        "Local governments can submit their participatory experiences until April.": (
            "Les gouvernements locaux peuvent présenter leurs expériences participatives "
            "jusqu'en avril."
        ),
        "A jury of members evaluates every candidacy.": (
            "Un jury de membres évalue chaque candidature."
        ),
        "Climate change and citizen participation": (
            "Changement climatique et participation citoyenne"
        ),
        "climate-change-and-participation": "changement-climatique-et-participation",
        "A session presents the observatory's publication on participation and climate.": (
            "Une session présente la publication de l'observatoire sur la participation et le "
            "climat."
        ),
        "Cities shared how citizens' assemblies shaped their climate plans.": (
            "Des villes ont expliqué comment des assemblées citoyennes ont façonné leurs plans "
            "climat."
        ),
        "Gender perspective in citizen participation": (
            "La perspective de genre dans la participation citoyenne"
        ),
        "gender-perspective": "perspective-de-genre",
        "Members prepare a workshop on the gender perspective in participation.": (
            "Les membres préparent un atelier sur la perspective de genre dans la participation."
        ),
        "The workshop will collect practices that widen who takes part.": (
            "L'atelier recueillera des pratiques qui élargissent le public participant."
        ),
        "Iberian get-together on democracy and participatory budgeting": (
            "Rencontre ibérique sur la démocratie et le budget participatif"
        ),
        "iberian-get-together": "rencontre-iberique",
        "Three days of exchange between cities of Spain and Portugal.": (
            "Trois jours d'échanges entre villes d'Espagne et du Portugal."
        ),
        "Participants compared the rules of their participatory budgets.": (
            "Les participants ont comparé les règles de leurs budgets participatifs."
        ),
        "Agenda": "Agenda",
        "agenda": "agenda",
        "Conferences, seminars and workshops of the network.": (
            "Conférences, séminaires et ateliers du réseau."
        ),
        "Youth participation in Latin America": "La participation des jeunes en Amérique latine",
        "youth-latin-america": "jeunes-amerique-latine",
        "Experiences from Latin America and the Caribbean that give young people a say in "
        "public decisions, updated as the repository grows.": (
            "Expériences d'Amérique latine et des Caraïbes qui donnent la parole aux jeunes dans "
            "les décisions publiques, mises à jour à mesure que le répertoire s'enrichit."
        ),
        FOOTER_TEXT: (
            "L'Observatoire international de la démocratie participative travaille avec "
            "Cités et Gouvernements Locaux Unis."
        ),
        ADDRESS_SEGMENT: "Secrétariat technique<br/>Barcelone",
    },
    "es": {
        "Home": "Inicio",
        "home": "inicio",
        "Participatory democracy, city by city": "La democracia participativa, ciudad a ciudad",
        "A network of local and regional governments, research centres and civil-society "
        "organisations that share what works in citizen participation.": (
            "Una red de gobiernos locales y regionales, centros de investigación y "
            "organizaciones de la sociedad civil que comparten lo que funciona en la "
            "participación ciudadana."
        ),
        "Featured experiences": "Experiencias destacadas",
        "Latest news": "Últimas noticias",
        "Next events": "Próximos eventos",
        "About the observatory": "Sobre el observatorio",
        "about": "sobre",
        "The International Observatory on Participatory Democracy is a network of cities, "
        "regions, research centres and civil-society organisations that defend and improve "
        "local democracy.": (
            "El Observatorio Internacional de la Democracia Participativa es una red de "
            "ciudades, regiones, centros de investigación y organizaciones de la sociedad "
            "civil que defienden y mejoran la democracia local."
        ),
        "Since 2006 the observatory has worked with United Cities and Local Governments to "
        "make participation part of how local governments decide.": (
            "Desde 2006 el observatorio trabaja con Ciudades y Gobiernos Locales Unidos para "
            "que la participación forme parte de las decisiones de los gobiernos locales."
        ),
        "Its members share experiences, evaluate practices through the Best Practice Award "
        "and learn from each other in seminars and conferences.": (
            "Sus miembros comparten experiencias, evalúan prácticas mediante el Premio de "
            "buena práctica y aprenden unos de otros en seminarios y conferencias."
        ),
        "Repository of experiences": "Repositorio de experiencias",
        "experiences": "experiencias",
        "Participatory-democracy experiences described with the people who run them.": (
            "Experiencias de democracia participativa descritas con quienes las llevan a cabo."
        ),
        "Participatory budgeting in Porto Alegre": "El presupuesto participativo de Porto Alegre",
        "porto-alegre-participatory-budgeting": "presupuesto-participativo-porto-alegre",
        "Residents of Porto Alegre decide each year how part of the municipal investment "
        "budget is spent, through neighbourhood and thematic assemblies.": (
            "Los vecinos de Porto Alegre deciden cada año cómo se gasta una parte del "
            "presupuesto municipal de inversiones, en asambleas barriales y temáticas."
        ),
        "Porto Alegre, Rio Grande do Sul": "Porto Alegre, Rio Grande del Sur",
        "Assemblies in each district set priorities and elect delegates to a city council "
        "of the budget.": (
            "Las asambleas de cada distrito fijan prioridades y eligen delegados a un consejo "
            "municipal del presupuesto."
        ),
        "Permanent citizens' dialogue in East Belgium": (
            "El diálogo ciudadano permanente en Bélgica oriental"
        ),
        "east-belgium-citizens-dialogue": "dialogo-ciudadano-belgica-oriental",
        "A citizens' council drawn by lot sets the agenda of citizens' assemblies whose "
        "recommendations the parliament of the German-speaking Community must answer.": (
            "Un consejo ciudadano elegido por sorteo fija la agenda de asambleas ciudadanas "
            "cuyas recomendaciones el parlamento de la Comunidad germanófona debe responder."
        ),
        "Eupen, German-speaking Community of Belgium": ("Eupen, Comunidad germanófona de Bélgica"),
        "Sortition brings people into the process who would not volunteer for it.": (
            "El sorteo incorpora al proceso a personas que no se ofrecerían voluntarias."
        ),
        "Youth participatory budget": "Presupuesto participativo joven",
        "youth-participatory-budget": "presupuesto-participativo-joven",
        "Young people aged 12 to 25 propose and vote on projects for their city with a "
        "budget reserved for them.": (
            "Jóvenes de 12 a 25 años proponen y votan proyectos para su ciudad con un "
            "presupuesto reservado para ellos."
        ),
        "Cascais, Lisbon": "Cascais, Lisboa",
        "Schools and youth associations helped young people write their proposals.": (
            "Escuelas y asociaciones juveniles ayudaron a los jóvenes a redactar sus propuestas."
        ),
        "News": "Noticias",
        "news": "noticias",
        "News from the observatory and its members.": (
            "Noticias del observatorio y de sus miembros."
        ),
        "Call for candidacies to the Best Practice Award": (
            "Convocatoria de candidaturas al Premio de buena práctica"
        ),
        "award-call-for-candidacies": "premio-convocatoria",
        "Local governments can submit their participatory experiences until April.": (
            "Los gobiernos locales pueden presentar sus experiencias participativas hasta abril."
        ),
        "A jury of members evaluates every candidacy.": (
            "Un jurado de miembros evalúa cada candidatura."
        ),
        "Climate change and citizen participation": ("Cambio climático y participación ciudadana"),
        "climate-change-and-participation": "cambio-climatico-y-participacion",
        "A session presents the observatory's publication on participation and climate.": (
            "Una sesión presenta la publicación del observatorio sobre participación y clima."
        ),
        "Cities shared how citizens' assemblies shaped their climate plans.": (
            "Varias ciudades contaron cómo las asambleas ciudadanas dieron forma a sus planes "
            "climáticos."
        ),
        "Gender perspective in citizen participation": (
            "La perspectiva de género en la participación ciudadana"
        ),
        "gender-perspective": "perspectiva-de-genero",
        "Members prepare a workshop on the gender perspective in participation.": (
            "Los miembros preparan un taller sobre la perspectiva de género en la participación."
        ),
        "The workshop will collect practices that widen who takes part.": (
            "El taller recogerá prácticas que amplían quién participa."
        ),
        "Iberian get-together on democracy and participatory budgeting": (
            "Encuentro ibérico sobre democracia y presupuesto participativo"
        ),
        "iberian-get-together": "encuentro-iberico",
        "Three days of exchange between cities of Spain and Portugal.": (
            "Tres días de intercambio entre ciudades de España y Portugal."
        ),
        "Participants compared the rules of their participatory budgets.": (
            "Los participantes compararon las reglas de sus presupuestos participativos."
        ),
        "Youth participation in Latin America": "Participación juvenil en América Latina",
        "youth-latin-america": "jovenes-america-latina",
        "Experiences from Latin America and the Caribbean that give young people a say in "
        "public decisions, updated as the repository grows.": (
            "Experiencias de América Latina y el Caribe que dan voz a los jóvenes en las "
            "decisiones públicas, actualizadas a medida que crece el repositorio."
        ),
        "Agenda": "Agenda",
        "agenda": "agenda",
        "Conferences, seminars and workshops of the network.": (
            "Conferencias, seminarios y talleres de la red."
        ),
        FOOTER_TEXT: (
            "El Observatorio Internacional de la Democracia Participativa trabaja con "
            "Ciudades y Gobiernos Locales Unidos."
        ),
        ADDRESS_SEGMENT: "Secretaría técnica<br/>Barcelona",
    },
}
