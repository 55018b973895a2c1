"""The starting vocabularies: (slug, English, French, Spanish[, parent slug]).

Coordinators edit them in the admin afterwards; loading them again only adds missing terms."""

TOPICS = [
    # The observatory's thematic priorities (work plan 2021)
    (
        "climate",
        "Participation and climate change",
        "Participation et changement climatique",
        "Participación y cambio climático",
    ),
    ("gender", "Gender perspective", "Perspective de genre", "Perspectiva de género"),
    ("youth", "Youth participation", "Participation des jeunes", "Participación juvenil"),
    (
        "youth-participatory-budgeting",
        "Participatory budgeting for youth",
        "Budget participatif des jeunes",
        "Presupuesto participativo joven",
        "youth",
    ),
    (
        "legal-frameworks",
        "Legal frameworks for participation",
        "Cadres juridiques de la participation",
        "Marcos jurídicos de la participación",
    ),
    ("sortition", "Sortition and diversity", "Tirage au sort et diversité", "Sorteo y diversidad"),
    (
        "digital-democracy",
        "Digital democratic innovation",
        "Innovation démocratique numérique",
        "Innovación democrática digital",
    ),
    # Classic themes
    (
        "participatory-budgeting",
        "Participatory budgeting",
        "Budget participatif",
        "Presupuesto participativo",
    ),
    ("urban-planning", "Urban planning", "Urbanisme", "Urbanismo"),
    ("housing", "Housing", "Logement", "Vivienda", "urban-planning"),
    (
        "mobility",
        "Mobility and transport",
        "Mobilité et transports",
        "Movilidad y transporte",
        "urban-planning",
    ),
    ("health", "Health", "Santé", "Salud"),
    ("education", "Education", "Éducation", "Educación"),
    ("environment", "Environment", "Environnement", "Medio ambiente"),
    (
        "transparency",
        "Transparency and accountability",
        "Transparence et redevabilité",
        "Transparencia y rendición de cuentas",
    ),
    ("culture", "Culture", "Culture", "Cultura"),
    ("social-inclusion", "Social inclusion", "Inclusion sociale", "Inclusión social"),
    ("public-services", "Public services", "Services publics", "Servicios públicos"),
]

# Introductions shown when visitors browse one topic: (English, French, Spanish).
TOPIC_DESCRIPTIONS = {
    "climate": (
        "How residents take part in deciding and carrying out the measures that cut emissions "
        "and adapt their territory to a changing climate.",
        "Comment les habitants participent à la décision et à la mise en œuvre des mesures qui "
        "réduisent les émissions et adaptent leur territoire au changement climatique.",
        "Cómo los habitantes participan en decidir y aplicar las medidas que reducen las "
        "emisiones y adaptan su territorio al cambio climático.",
    ),
    "gender": (
        "Processes designed so that women and people of every gender take part on equal terms, "
        "and decisions that take their needs into account.",
        "Des démarches conçues pour que les femmes et les personnes de tout genre participent "
        "à égalité, et des décisions qui tiennent compte de leurs besoins.",
        "Procesos pensados para que las mujeres y las personas de todo género participen en "
        "igualdad, y decisiones que tienen en cuenta sus necesidades.",
    ),
    "youth": (
        "Young people proposing, debating and deciding on the policies that shape their city.",
        "Des jeunes qui proposent, débattent et décident des politiques qui façonnent leur ville.",
        "Jóvenes que proponen, debaten y deciden sobre las políticas que dan forma a su ciudad.",
    ),
    "legal-frameworks": (
        "Laws, charters and regulations that make participation a lasting right rather than "
        "a one-off initiative.",
        "Lois, chartes et règlements qui font de la participation un droit durable plutôt "
        "qu'une initiative ponctuelle.",
        "Leyes, cartas y reglamentos que convierten la participación en un derecho duradero y "
        "no en una iniciativa puntual.",
    ),
    "sortition": (
        "Assemblies and juries whose members are drawn by lot, so that the people who "
        "deliberate look like the population they serve.",
        "Assemblées et jurys dont les membres sont tirés au sort, pour que celles et ceux qui "
        "délibèrent ressemblent à la population qu'ils servent.",
        "Asambleas y jurados cuyos miembros se eligen por sorteo, para que quienes deliberan "
        "se parezcan a la población a la que sirven.",
    ),
    "digital-democracy": (
        "Online platforms and digital tools that open proposals, debates and votes to more "
        "people, with care for those who are not connected.",
        "Plateformes en ligne et outils numériques qui ouvrent propositions, débats et votes à "
        "davantage de personnes, sans oublier celles qui ne sont pas connectées.",
        "Plataformas en línea y herramientas digitales que abren propuestas, debates y "
        "votaciones a más personas, sin olvidar a quienes no están conectados.",
    ),
}

TOPIC_SYNONYMS = {
    "climate": (
        "climate, global warming, energy transition, carbon",
        "climat, réchauffement climatique, transition énergétique, carbone",
        "clima, calentamiento global, transición energética, carbono",
    ),
    "participatory-budgeting": (
        "PB, participatory budget",
        "BP, budgets participatifs",
        "PP, presupuestos participativos",
    ),
    "sortition": (
        "lottery, random selection, citizens' jury, mini-public",
        "tirage au sort, sélection aléatoire, jury citoyen, mini-public",
        "lotería, selección aleatoria, jurado ciudadano, minipúblico",
    ),
    "digital-democracy": (
        "e-participation, civic tech, online platform",
        "e-participation, civic tech, plateforme en ligne",
        "participación electrónica, tecnología cívica, plataforma en línea",
    ),
}

MECHANISMS = [
    (
        "participatory-budgeting",
        "Participatory budgeting",
        "Budget participatif",
        "Presupuesto participativo",
    ),
    (
        "citizens-assembly",
        "Citizens' assembly or jury",
        "Assemblée ou jury citoyen",
        "Asamblea o jurado ciudadano",
    ),
    ("consultation", "Public consultation", "Consultation publique", "Consulta pública"),
    (
        "referendum",
        "Referendum or citizens' initiative",
        "Référendum ou initiative citoyenne",
        "Referéndum o iniciativa ciudadana",
    ),
    ("advisory-council", "Advisory council", "Conseil consultatif", "Consejo consultivo"),
    (
        "digital-platform",
        "Digital participation platform",
        "Plateforme numérique de participation",
        "Plataforma digital de participación",
    ),
    (
        "participatory-planning",
        "Participatory planning",
        "Planification participative",
        "Planificación participativa",
    ),
    (
        "co-design",
        "Co-design of public services",
        "Co-conception de services publics",
        "Codiseño de servicios públicos",
    ),
    (
        "neighbourhood-assembly",
        "Neighbourhood assembly",
        "Assemblée de quartier",
        "Asamblea vecinal",
    ),
]

TARGET_GROUPS = [
    ("general-public", "General public", "Grand public", "Público general"),
    ("youth", "Youth", "Jeunes", "Jóvenes"),
    ("children", "Children", "Enfants", "Niñas y niños"),
    ("women", "Women", "Femmes", "Mujeres"),
    ("migrants", "Migrants", "Personnes migrantes", "Personas migrantes"),
    ("elderly", "Older people", "Personnes âgées", "Personas mayores"),
    (
        "disabilities",
        "People with disabilities",
        "Personnes en situation de handicap",
        "Personas con discapacidad",
    ),
    (
        "low-income",
        "Low-income households",
        "Ménages à faibles revenus",
        "Hogares de bajos ingresos",
    ),
    ("indigenous", "Indigenous peoples", "Peuples autochtones", "Pueblos indígenas"),
]

GOVERNMENT_LEVELS = [
    ("municipal", "Municipal", "Municipal", "Municipal"),
    ("metropolitan", "Metropolitan", "Métropolitain", "Metropolitano"),
    ("regional", "Regional", "Régional", "Regional"),
    ("national", "National", "National", "Nacional"),
    ("supranational", "Supranational", "Supranational", "Supranacional"),
]
