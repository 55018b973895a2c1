"""Demo news of the observatory, drawn from its 2021 work plan, in English, French and Spanish.

Each item carries its three versions; `TRANSLATIONS` turns them into the segment → translation
maps that `core.localize.translate` expects."""

import datetime

NEWS = [
    {
        "date": datetime.date(2021, 1, 18),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "The 2021 work plan is adopted",
            "slug": "work-plan-2021",
            "summary": "Four priorities guide the observatory this year: repository, evaluation, "
            "networking and thematic work.",
            "paragraph": "The presidency, the technical secretariat and the members share the "
            "tasks of the plan.",
        },
        "fr": {
            "title": "Le plan de travail 2021 est adopté",
            "slug": "plan-de-travail-2021",
            "summary": "Quatre priorités guident l'observatoire cette année : répertoire, "
            "évaluation, travail en réseau et travail thématique.",
            "paragraph": "La présidence, le secrétariat technique et les membres se partagent "
            "les tâches du plan.",
        },
        "es": {
            "title": "Aprobado el plan de trabajo 2021",
            "slug": "plan-de-trabajo-2021",
            "summary": "Cuatro prioridades guían al observatorio este año: repositorio, "
            "evaluación, trabajo en red y trabajo temático.",
            "paragraph": "La presidencia, la secretaría técnica y los miembros se reparten las "
            "tareas del plan.",
        },
    },
    {
        "date": datetime.date(2021, 2, 22),
        "topics": ["digital-democracy"],
        "en": {
            "title": "A new repository of experiences, classified by topic",
            "slug": "repository-by-topic",
            "summary": "Experiences are now described by topic, mechanism and place, not only "
            "by country.",
            "paragraph": "Local actors co-produce each description with the secretariat.",
        },
        "fr": {
            "title": "Un nouveau répertoire d'expériences, classé par thème",
            "slug": "repertoire-par-theme",
            "summary": "Les expériences sont désormais décrites par thème, mécanisme et lieu, "
            "et non plus seulement par pays.",
            "paragraph": "Les acteurs locaux coproduisent chaque description avec le secrétariat.",
        },
        "es": {
            "title": "Un nuevo repositorio de experiencias, clasificado por tema",
            "slug": "repositorio-por-tema",
            "summary": "Las experiencias se describen ahora por tema, mecanismo y lugar, y no "
            "solo por país.",
            "paragraph": "Los actores locales coproducen cada descripción con la secretaría.",
        },
    },
    {
        "date": datetime.date(2021, 4, 20),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "The jury starts evaluating the award candidacies",
            "slug": "award-evaluation-starts",
            "summary": "Members of the jury read the candidacies received for the 15th Best "
            "Practice Award.",
            "paragraph": "The criteria were reviewed this year to value evaluation and impact.",
        },
        "fr": {
            "title": "Le jury commence l'évaluation des candidatures au prix",
            "slug": "evaluation-du-prix",
            "summary": "Les membres du jury lisent les candidatures reçues pour le 15e Prix de "
            "bonnes pratiques.",
            "paragraph": "Les critères ont été revus cette année pour valoriser l'évaluation et "
            "l'impact.",
        },
        "es": {
            "title": "El jurado empieza a evaluar las candidaturas al premio",
            "slug": "evaluacion-del-premio",
            "summary": "Los miembros del jurado leen las candidaturas recibidas para el 15.º "
            "Premio de Buenas Prácticas.",
            "paragraph": "Los criterios se revisaron este año para valorar la evaluación y el "
            "impacto.",
        },
    },
    {
        "date": datetime.date(2021, 4, 28),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "Call for sessions of the 20th IOPD Conference",
            "slug": "conference-call-for-sessions",
            "summary": "Members can propose sessions for the annual conference in Cocody.",
            "paragraph": "Proposals on climate, gender and youth participation are welcome.",
        },
        "fr": {
            "title": "Appel à sessions pour la 20e Conférence de l'OIDP",
            "slug": "appel-a-sessions-conference",
            "summary": "Les membres peuvent proposer des sessions pour la conférence annuelle "
            "à Cocody.",
            "paragraph": "Les propositions sur le climat, le genre et la participation des "
            "jeunes sont bienvenues.",
        },
        "es": {
            "title": "Convocatoria de sesiones de la 20.ª Conferencia del OIDP",
            "slug": "convocatoria-sesiones-conferencia",
            "summary": "Los miembros pueden proponer sesiones para la conferencia anual en Cocody.",
            "paragraph": "Son bienvenidas las propuestas sobre clima, género y participación "
            "juvenil.",
        },
    },
    {
        "date": datetime.date(2021, 5, 25),
        "topics": ["legal-frameworks", "transparency"],
        "en": {
            "title": "Working with International IDEA on the state of local democracy",
            "slug": "state-of-local-democracy",
            "summary": "The observatory joins the UCLG and International IDEA project on local "
            "democracy in the world.",
            "paragraph": "Members will share data on the legal frameworks of participation.",
        },
        "fr": {
            "title": "Avec International IDEA sur l'état de la démocratie locale",
            "slug": "etat-de-la-democratie-locale",
            "summary": "L'observatoire rejoint le projet de CGLU et d'International IDEA sur la "
            "démocratie locale dans le monde.",
            "paragraph": "Les membres partageront des données sur les cadres juridiques de la "
            "participation.",
        },
        "es": {
            "title": "Con International IDEA sobre el estado de la democracia local",
            "slug": "estado-de-la-democracia-local",
            "summary": "El observatorio se suma al proyecto de CGLU e International IDEA sobre "
            "la democracia local en el mundo.",
            "paragraph": "Los miembros compartirán datos sobre los marcos legales de la "
            "participación.",
        },
    },
    {
        "date": datetime.date(2021, 6, 15),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "Lessons from the Iberian get-together",
            "slug": "iberian-get-together-lessons",
            "summary": "Cities of Spain and Portugal agree to compare the rules of their "
            "participatory budgets every year.",
            "paragraph": "The minutes of the meeting are available to members.",
        },
        "fr": {
            "title": "Les leçons de la rencontre ibérique",
            "slug": "lecons-rencontre-iberique",
            "summary": "Des villes d'Espagne et du Portugal conviennent de comparer chaque année "
            "les règles de leurs budgets participatifs.",
            "paragraph": "Le compte rendu de la rencontre est disponible pour les membres.",
        },
        "es": {
            "title": "Lecciones del encuentro ibérico",
            "slug": "lecciones-encuentro-iberico",
            "summary": "Ciudades de España y Portugal acuerdan comparar cada año las reglas de "
            "sus presupuestos participativos.",
            "paragraph": "El acta del encuentro está disponible para los miembros.",
        },
    },
    {
        "date": datetime.date(2021, 7, 6),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "Welcome to our new members",
            "slug": "new-members-2021",
            "summary": "Local governments and research centres from three continents joined the "
            "network this semester.",
            "paragraph": "Each new member tells us what it needs from the observatory.",
        },
        "fr": {
            "title": "Bienvenue à nos nouveaux membres",
            "slug": "nouveaux-membres-2021",
            "summary": "Des gouvernements locaux et des centres de recherche de trois continents "
            "ont rejoint le réseau ce semestre.",
            "paragraph": "Chaque nouveau membre nous dit ce qu'il attend de l'observatoire.",
        },
        "es": {
            "title": "Bienvenida a nuestros nuevos miembros",
            "slug": "nuevos-miembros-2021",
            "summary": "Gobiernos locales y centros de investigación de tres continentes se "
            "sumaron a la red este semestre.",
            "paragraph": "Cada nuevo miembro nos cuenta qué necesita del observatorio.",
        },
    },
    {
        "date": datetime.date(2021, 8, 30),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "The 15th Best Practice Award goes to three cities",
            "slug": "award-winners-2021",
            "summary": "The winners were announced at the 20th IOPD Conference, with two "
            "special mentions.",
            "paragraph": "Their experiences are now in the repository.",
        },
        "fr": {
            "title": "Le 15e Prix de bonnes pratiques récompense trois villes",
            "slug": "laureats-du-prix-2021",
            "summary": "Les lauréats ont été annoncés lors de la 20e Conférence de l'OIDP, avec "
            "deux mentions spéciales.",
            "paragraph": "Leurs expériences figurent désormais dans le répertoire.",
        },
        "es": {
            "title": "El 15.º Premio de Buenas Prácticas distingue a tres ciudades",
            "slug": "ganadores-del-premio-2021",
            "summary": "Los ganadores se anunciaron en la 20.ª Conferencia del OIDP, con dos "
            "menciones especiales.",
            "paragraph": "Sus experiencias ya están en el repositorio.",
        },
    },
    {
        "date": datetime.date(2021, 9, 14),
        "topics": ["youth", "youth-participatory-budgeting"],
        "en": {
            "title": "Young people decide: youth participatory budgets spread",
            "slug": "youth-budgets-spread",
            "summary": "More cities let people under 25 propose and vote on projects.",
            "paragraph": "Schools and youth associations help the youngest write proposals.",
        },
        "fr": {
            "title": "Les jeunes décident : les budgets participatifs jeunesse se multiplient",
            "slug": "budgets-jeunesse",
            "summary": "De plus en plus de villes laissent les moins de 25 ans proposer des "
            "projets et voter.",
            "paragraph": "Les écoles et les associations de jeunesse aident les plus jeunes à "
            "rédiger leurs propositions.",
        },
        "es": {
            "title": "Los jóvenes deciden: crecen los presupuestos participativos juveniles",
            "slug": "presupuestos-juveniles",
            "summary": "Cada vez más ciudades permiten a los menores de 25 años proponer "
            "proyectos y votar.",
            "paragraph": "Escuelas y asociaciones juveniles ayudan a los más jóvenes a redactar "
            "sus propuestas.",
        },
    },
    {
        "date": datetime.date(2021, 10, 12),
        "topics": ["sortition"],
        "en": {
            "title": "Citizens' assemblies chosen by lot, a guide for cities",
            "slug": "sortition-guide",
            "summary": "A members' working group drafts a practical guide to sortition.",
            "paragraph": "It covers recruitment, diversity quotas and follow-up of "
            "recommendations.",
        },
        "fr": {
            "title": "Des assemblées citoyennes tirées au sort, un guide pour les villes",
            "slug": "guide-tirage-au-sort",
            "summary": "Un groupe de travail de membres rédige un guide pratique du tirage au "
            "sort.",
            "paragraph": "Il traite du recrutement, des quotas de diversité et du suivi des "
            "recommandations.",
        },
        "es": {
            "title": "Asambleas ciudadanas por sorteo, una guía para las ciudades",
            "slug": "guia-sorteo",
            "summary": "Un grupo de trabajo de miembros redacta una guía práctica sobre el sorteo.",
            "paragraph": "Trata del reclutamiento, las cuotas de diversidad y el seguimiento de "
            "las recomendaciones.",
        },
    },
    {
        "date": datetime.date(2021, 10, 29),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "Minutes of the 2021 Conference published",
            "slug": "conference-minutes-2021",
            "summary": "The sessions, the General Assembly decisions and the award ceremony in "
            "one document.",
            "paragraph": "Members can comment on the minutes until the end of November.",
        },
        "fr": {
            "title": "Publication du compte rendu de la Conférence 2021",
            "slug": "compte-rendu-conference-2021",
            "summary": "Les sessions, les décisions de l'Assemblée générale et la remise des "
            "prix en un seul document.",
            "paragraph": "Les membres peuvent commenter le compte rendu jusqu'à fin novembre.",
        },
        "es": {
            "title": "Publicada el acta de la Conferencia 2021",
            "slug": "acta-conferencia-2021",
            "summary": "Las sesiones, las decisiones de la Asamblea General y la entrega de "
            "premios en un solo documento.",
            "paragraph": "Los miembros pueden comentar el acta hasta finales de noviembre.",
        },
    },
    {
        "date": datetime.date(2021, 11, 24),
        "topics": ["participatory-budgeting"],
        "en": {
            "title": "The observatory at the UCLG World Council",
            "slug": "uclg-world-council",
            "summary": "The presidency presented the year's work to the world organisation of "
            "local governments.",
            "paragraph": "Participatory democracy is part of the Agenda for Local Democracy.",
        },
        "fr": {
            "title": "L'observatoire au Conseil mondial de CGLU",
            "slug": "conseil-mondial-cglu",
            "summary": "La présidence a présenté le travail de l'année à l'organisation mondiale "
            "des gouvernements locaux.",
            "paragraph": "La démocratie participative fait partie de l'Agenda pour la démocratie "
            "locale.",
        },
        "es": {
            "title": "El observatorio en el Consejo Mundial de CGLU",
            "slug": "consejo-mundial-cglu",
            "summary": "La presidencia presentó el trabajo del año a la organización mundial de "
            "gobiernos locales.",
            "paragraph": "La democracia participativa forma parte de la Agenda para la "
            "Democracia Local.",
        },
    },
    {
        "date": datetime.date(2022, 3, 8),
        "topics": ["gender"],
        "en": {
            "title": "Who takes part? Gender data in participatory processes",
            "slug": "gender-data",
            "summary": "Members agree to publish who takes part in their processes, by gender "
            "and age.",
            "paragraph": "The repository will show these figures when cities share them.",
        },
        "fr": {
            "title": "Qui participe ? Les données de genre des processus participatifs",
            "slug": "donnees-de-genre",
            "summary": "Les membres s'engagent à publier qui participe à leurs processus, par "
            "genre et par âge.",
            "paragraph": "Le répertoire affichera ces chiffres lorsque les villes les partageront.",
        },
        "es": {
            "title": "¿Quién participa? Datos de género en los procesos participativos",
            "slug": "datos-de-genero",
            "summary": "Los miembros se comprometen a publicar quién participa en sus procesos, "
            "por género y edad.",
            "paragraph": "El repositorio mostrará estas cifras cuando las ciudades las compartan.",
        },
    },
    {
        "date": datetime.date(2023, 5, 16),
        "topics": ["climate"],
        "en": {
            "title": "Climate assemblies: what cities did with the recommendations",
            "slug": "climate-assemblies-follow-up",
            "summary": "A follow-up of ten climate assemblies two years after their "
            "recommendations.",
            "paragraph": "Most recommendations entered a plan; fewer were funded.",
        },
        "fr": {
            "title": "Assemblées pour le climat : ce que les villes ont fait des recommandations",
            "slug": "suivi-assemblees-climat",
            "summary": "Un suivi de dix assemblées pour le climat deux ans après leurs "
            "recommandations.",
            "paragraph": "La plupart des recommandations sont entrées dans un plan ; moins ont "
            "été financées.",
        },
        "es": {
            "title": "Asambleas climáticas: qué hicieron las ciudades con las recomendaciones",
            "slug": "seguimiento-asambleas-climaticas",
            "summary": "Un seguimiento de diez asambleas climáticas dos años después de sus "
            "recomendaciones.",
            "paragraph": "La mayoría de las recomendaciones entró en un plan; menos se "
            "financiaron.",
        },
    },
    {
        "date": datetime.date(2024, 9, 10),
        "topics": ["digital-democracy"],
        "en": {
            "title": "Digital participation without leaving anyone behind",
            "slug": "digital-participation-inclusion",
            "summary": "Members compare how they combine online platforms with face-to-face "
            "meetings.",
            "paragraph": "Libraries and civic centres offer help to those who need it.",
        },
        "fr": {
            "title": "Une participation numérique qui ne laisse personne de côté",
            "slug": "participation-numerique-inclusive",
            "summary": "Les membres comparent la manière dont ils combinent plateformes en "
            "ligne et réunions en présentiel.",
            "paragraph": "Bibliothèques et centres civiques aident ceux qui en ont besoin.",
        },
        "es": {
            "title": "Participación digital sin dejar a nadie atrás",
            "slug": "participacion-digital-inclusiva",
            "summary": "Los miembros comparan cómo combinan plataformas en línea y reuniones "
            "presenciales.",
            "paragraph": "Bibliotecas y centros cívicos ayudan a quien lo necesita.",
        },
    },
    {
        "date": datetime.date(2026, 10, 6),
        "topics": ["participatory-budgeting", "legal-frameworks"],
        "en": {
            "title": "Call for candidacies to the Best Practice Award 2027",
            "slug": "award-call-2027",
            "summary": "Local governments can submit experiences that evaluated their results.",
            "paragraph": "Candidacies are open in English, French and Spanish.",
        },
        "fr": {
            "title": "Appel à candidatures au Prix de bonnes pratiques 2027",
            "slug": "appel-prix-2027",
            "summary": "Les gouvernements locaux peuvent présenter des expériences qui ont "
            "évalué leurs résultats.",
            "paragraph": "Les candidatures sont ouvertes en anglais, en français et en espagnol.",
        },
        "es": {
            "title": "Convocatoria de candidaturas al Premio de Buenas Prácticas 2027",
            "slug": "convocatoria-premio-2027",
            "summary": "Los gobiernos locales pueden presentar experiencias que evaluaron sus "
            "resultados.",
            "paragraph": "Las candidaturas se pueden presentar en inglés, francés y español.",
        },
    },
]


def _segments(version):
    return [version["title"], version["slug"], version["summary"], version["paragraph"]]


TRANSLATIONS = {
    code: {
        source: target
        for item in NEWS
        for source, target in zip(_segments(item["en"]), _segments(item[code]), strict=True)
    }
    for code in ("fr", "es")
}
